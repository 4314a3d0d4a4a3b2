// Months as `YYYY-MM` text: the months the figures cover, and simple
// arithmetic on them.

import type { StatsCube, YearlyTransits } from '../../api/types';

export function yearOf(month: string): number {
  return Number(month.slice(0, 4));
}

export function monthNumber(month: string): number {
  return Number(month.slice(5, 7));
}

export function makeMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** `2023-05` + 3 → `2023-08`; negative counts go back. */
export function addMonths(month: string, count: number): string {
  const index = yearOf(month) * 12 + monthNumber(month) - 1 + count;
  return makeMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** How many months from..to holds, both included (1 for the same month). */
export function monthsSpanned(from: string, to: string): number {
  return (yearOf(to) - yearOf(from)) * 12 + monthNumber(to) - monthNumber(from) + 1;
}

/** Every month from `first` to `last`, both included. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** A `YYYY-MM-DD` date (or a month) as its month. */
export function toMonth(date: string): string {
  return date.slice(0, 7);
}

export interface Coverage {
  /** Every month from the first with monthly figures to the last, gaps included. */
  months: string[];
  /** People counted each month (0 for a month the figures skip). */
  totals: Map<string, number>;
  /** Years with monthly figures, latest first. */
  years: number[];
}

/**
 * The months with monthly figures. Years the official tables give only as an
 * annual total (stored under January) are left out: a month picker must not
 * offer them as if they were months.
 */
export function coverage(byMonth: StatsCube<'month'>, yearly: YearlyTransits): Coverage {
  const annualOnly = new Set(yearly.years.filter((y) => y.annual_only).map((y) => y.year));
  const totals = new Map<string, number>();
  for (const row of byMonth.rows) {
    if (!annualOnly.has(yearOf(row.month))) totals.set(row.month, row.count);
  }
  const known = [...totals.keys()].sort();
  if (known.length === 0) return { months: [], totals, years: [] };
  const months = monthRange(known[0]!, known[known.length - 1]!);
  for (const month of months) if (!totals.has(month)) totals.set(month, 0);
  const years = [...new Set(months.map(yearOf))].sort((a, b) => b - a);
  return { months, totals, years };
}
