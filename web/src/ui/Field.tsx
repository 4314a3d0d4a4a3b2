// A labelled form field: label above, optional hint, inline error message.

import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ComponentChildren;
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  const { t } = useI18n();
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`form-group${error ? ' form-group--error' : ''}`}>
      <label class="label" for={id}>
        {label}
      </label>
      {hint && (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{t('errors.prefix')} </span>
          {error}
        </p>
      )}
      {children(describedBy)}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'password';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  width?: 'full' | 'half' | 'code';
  spellcheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { id, label, hint, error, value, onInput, type = 'text', width = 'full' } = props;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => {
        const common = {
          class: `input input--${width}${error ? ' input--error' : ''}`,
          id,
          name: id,
          value,
          autoComplete: props.autoComplete,
          inputMode: props.inputMode,
          maxLength: props.maxLength,
          spellcheck: props.spellcheck ?? false,
          'aria-describedby': describedBy,
          'aria-invalid': error ? ('true' as const) : undefined,
          onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
        };
        // Separate elements: the JSX types tie an input's attributes to its type.
        return type === 'password' ? <input type="password" {...common} /> : <input type="text" {...common} />;
      }}
    </Field>
  );
}
