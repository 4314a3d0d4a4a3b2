// The error summary of the public-service design systems: a box at the top of
// a form that says what went wrong and links to each field that needs fixing.
// It takes the focus when it appears so screen-reader users hear it first.

import { useEffect, useId, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';

export interface FieldError {
  /** id of the field the message is about; omit for a problem with the whole form. */
  field?: string;
  message: string;
}

export function focusField(id: string): void {
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.focus();
}

export function ErrorSummary({ errors, title }: { errors: FieldError[]; title?: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // Unique: a page may hold more than one form, each with its summary.
  const titleId = `error-summary-title${useId()}`;
  useEffect(() => {
    if (errors.length > 0) box.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div
      class="error-summary"
      ref={box}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      data-testid="error-summary"
    >
      <h2 class="error-summary__title" id={titleId}>
        {title ?? t('errors.summaryTitle')}
      </h2>
      <ul class="error-summary__list">
        {errors.map((error, index) => (
          <li key={index}>
            {error.field ? (
              <a
                href={`#${error.field}`}
                onClick={(event) => {
                  // The URL hash is the router's: move the focus by hand.
                  event.preventDefault();
                  focusField(error.field!);
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The message of the error about `field`, if there is one. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}
