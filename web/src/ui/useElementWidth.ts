// The width of an element in CSS pixels, kept up to date as the window or the
// layout changes; 0 until the element is laid out.

import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export function useElementWidth<T extends Element>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
