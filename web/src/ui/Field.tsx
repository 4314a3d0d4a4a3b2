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
  /** After leaving the field: where a form checks what was typed. */
  onBlur?: () => void;
  type?: 'text' | 'password' | 'tel';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'tel' | 'text';
  maxLength?: number;
  width?: 'full' | 'half' | 'code' | 'short';
  spellcheck?: boolean;
  /** The id of a <datalist> of suggestions. */
  list?: string;
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
          onBlur: props.onBlur,
          list: props.list,
        };
        // Separate elements: the JSX types tie an input's attributes to its type.
        if (type === 'password') return <input type="password" {...common} />;
        if (type === 'tel') return <input type="tel" {...common} />;
        return <input type="text" {...common} />;
      }}
    </Field>
  );
}
