// Hash routing (`#/overview`): any static server can serve the UI, since the
// server only ever sees `/`.

import { useEffect, useState } from 'preact/hooks';

export function currentRoute(): string {
  const match = /^#\/([\w-]*)/.exec(window.location.hash);
  return match?.[1] ?? '';
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function navigate(route: string, replace = false): void {
  const hash = `#/${route}`;
  if (window.location.hash === hash) return;
  if (replace) {
    history.replaceState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
