// The drop-down and date fields of the registration form, labelled like every
// field (label above, hint, inline error).

import { Field } from '../../ui/Field';

interface SelectFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  /** A first, empty choice ("Select"); none when omitted. */
  placeholder?: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  onBlur?: () => void;
}

export function SelectField({ id, label, hint, error, value, placeholder, options, onChange, onBlur }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          class={`select select--full${error ? ' input--error' : ''}`}
          id={id}
          name={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
          onBlur={onBlur}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface DayFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  /** `YYYY-MM-DD`, or empty. */
  value: string;
  max?: string;
  /** The day, and whether the field holds something that is not a date. */
  onChange: (value: string, unreadable: boolean) => void;
  onBlur?: () => void;
}

/** A calendar day: the browser's date field (a picker on tablets; typed digits on a keyboard). */
export function DayField({ id, label, hint, error, value, max, onChange, onBlur }: DayFieldProps) {
  const read = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    onChange(input.value, input.validity.badInput);
  };
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          type="date"
          class={`input input--date${error ? ' input--error' : ''}`}
          id={id}
          name={id}
          value={value}
          max={max}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onInput={read}
          onChange={read}
          onBlur={(event) => {
            read(event);
            onBlur?.();
          }}
        />
      )}
    </Field>
  );
}
