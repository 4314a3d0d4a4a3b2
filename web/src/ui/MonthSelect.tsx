// A labelled drop-down of months (`YYYY-MM`), named in the UI's language.
// A list rather than a free date field: only months with figures are offered.

import { useI18n } from '../i18n';
import { Field } from './Field';

interface MonthSelectProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  months: readonly string[];
  value: string;
  onChange: (month: string) => void;
  /** How each month is named; "May 2023" when omitted. */
  name?: (month: string) => string;
}

export function MonthSelect({ id, label, hint, error, months, value, onChange, name }: MonthSelectProps) {
  const { formatMonth } = useI18n();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <select
          class={`select${error ? ' input--error' : ''}`}
          id={id}
          name={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
        >
          {months.map((month) => (
            <option key={month} value={month}>
              {name ? name(month) : formatMonth(month)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
