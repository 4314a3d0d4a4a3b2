// A country typed or picked from a searchable list of names in the UI's
// language: "ven", "Venezuela" or "venez…" then the suggestion. On leaving the
// field, what was typed becomes "Venezuela (VEN)" when it names a country.
// The list is a <datalist>, rendered once per page with <CountryList>.

import { useMemo } from 'preact/hooks';
import { useI18n } from '../i18n';
import { countryLabel, countryOptions, findCountry } from './countries';
import { Field } from './Field';

export function CountryList({ id }: { id: string }) {
  const { locale } = useI18n();
  const options = useMemo(() => countryOptions(locale), [locale]);
  return (
    <datalist id={id}>
      {options.map((option) => (
        <option key={option.code} value={option.label} />
      ))}
    </datalist>
  );
}

interface CountryFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  /** The id of the page's <CountryList>. */
  listId: string;
  onInput: (value: string) => void;
  /** After leaving the field, with what it then holds. */
  onBlur: (value: string) => void;
}

export function CountryField({ id, label, hint, error, value, listId, onInput, onBlur }: CountryFieldProps) {
  const { locale } = useI18n();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          type="text"
          class={`input${error ? ' input--error' : ''}`}
          id={id}
          name={id}
          value={value}
          list={listId}
          autoComplete="off"
          spellcheck={false}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
          onBlur={(event) => {
            const typed = (event.currentTarget as HTMLInputElement).value;
            const code = findCountry(typed, locale);
            const shown = code ? countryLabel(code, locale) : typed;
            if (shown !== typed) onInput(shown);
            onBlur(shown);
          }}
        />
      )}
    </Field>
  );
}
