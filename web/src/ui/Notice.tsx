// A coloured panel for an outcome: success, a warning to heed, or information.

import type { ComponentChildren } from 'preact';

export function Notice({
  kind,
  title,
  children,
  testId,
}: {
  kind: 'success' | 'warning' | 'info' | 'error';
  title?: string;
  children?: ComponentChildren;
  testId?: string;
}) {
  return (
    <div
      class={`notice notice--${kind}`}
      role={kind === 'error' || kind === 'warning' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {title && <h2 class="notice__title">{title}</h2>}
      {children}
    </div>
  );
}
