// Language of the UI: the message tables, number and date formats, and the
// context that hands them to every component.
//
//   const { t, formatNumber } = useI18n();
//   t('import.stored', { rows: formatNumber(12) })

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language, Timestamp } from '../api/types';
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey } from './en';

const tables: Record<Language, Record<MessageKey, string>> = { en, es };

// Spanish uses the Colombian conventions (520.085): the grouping with a dot
// that officers on both sides of the border read without thinking twice.
const numberLocales: Record<Language, string> = { en: 'en-GB', es: 'es-CO' };

const STORAGE_KEY = 'escudo.language';

export type Params = Record<string, string | number>;

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = tables[language][key] ?? en[key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export interface I18n {
  language: Language;
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  /**
   * Like t, for a sentence about `count` things: uses the key's `.one` variant
   * when the language's plural rules call for it. `{count}` is the formatted count.
   */
  tn: (key: MessageKey, count: number, params?: Params) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** `2023-05` → "May 2023" / "mayo de 2023" */
  formatMonth: (month: string, style?: 'long' | 'short') => string;
  /** `2023-05` → "May" / "mayo"; the month alone, for a picker within a chosen year. */
  formatMonthName: (month: string, style?: 'long' | 'short') => string;
  /**
   * The months `from`..`to` as a period: "January – May 2023", "enero a mayo de
   * 2023", "June 2022 – March 2023"; a single month when they are the same.
   */
  formatMonthRange: (from: string, to: string) => string;
  /** A server timestamp as a local date and time. */
  formatDateTime: (at: Timestamp) => string;
  /** A server timestamp as a local date. */
  formatDate: (at: Timestamp) => string;
  /** A calendar day `YYYY-MM-DD` as "23 November 2026" / "23 de noviembre de 2026", whatever the time zone. */
  formatDay: (day: string) => string;
}

export function makeI18n(language: Language): I18n {
  const locale = numberLocales[language];
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const months = {
    long: new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  };
  const monthNames = {
    long: new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    short: new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
  };
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const days = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const format = (formatter: Intl.DateTimeFormat, at: Timestamp) => {
    const date = toDate(at);
    return date ? formatter.format(date) : String(at);
  };
  return {
    language,
    locale,
    t: (key, params) => translate(language, key, params),
    tn: (key, count, params) => {
      const one = `${key}.one`;
      const chosen = plurals.select(count) === 'one' && one in en ? (one as MessageKey) : key;
      return translate(language, chosen, { ...params, count: numbers.format(count) });
    },
    formatNumber: (value, options) =>
      options ? new Intl.NumberFormat(locale, options).format(value) : numbers.format(value),
    formatMonth: (month, style = 'long') => {
      const date = monthDate(month);
      return date ? months[style].format(date) : month;
    },
    formatMonthName: (month, style = 'long') => {
      const date = monthDate(month);
      return date ? monthNames[style].format(date) : month;
    },
    formatMonthRange: (from, to) => {
      const start = monthDate(from);
      const end = monthDate(to);
      if (!start || !end) return `${from} – ${to}`;
      return start.getTime() === end.getTime() ? months.long.format(start) : months.long.formatRange(start, end);
    },
    formatDateTime: (iso) => format(dateTimes, iso),
    formatDate: (iso) => format(dates, iso),
    formatDay: (day) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
      return match ? days.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))) : day;
    },
  };
}

/** The first day of a `YYYY-MM` month (or of the month of a `YYYY-MM-DD` date), UTC. */
function monthDate(month: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return undefined;
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
}

/** A server timestamp (seconds since the epoch, or ISO 8601) as a Date; undefined if unreadable. */
export function toDate(at: Timestamp): Date | undefined {
  const date = typeof at === 'number' ? new Date(at * 1000) : new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** A server timestamp as ISO 8601 text, for CSV files and `<time datetime>`. */
export function toIso(at: Timestamp): string {
  return toDate(at)?.toISOString() ?? String(at);
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/** The language chosen before signing in, kept in this browser. */
export function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage may be blocked; fall back to the browser's language.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept across visits then; the choice still applies to this page.
  }
}
