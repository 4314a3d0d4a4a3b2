// Reading a projection: the words for each method, errors against the real
// total, and the cumulative counts the fan chart draws.

import type { Projection, ProjectionMethod } from '../../api/types';
import type { I18n, MessageKey } from '../../i18n';
import { makeMonth, monthNumber } from './months';

/** The naive baselines every projection is measured against. */
export const BASELINES: readonly ProjectionMethod[] = ['last_year_total', 'year_to_date_scaled'];

/** A method's name; year-to-date × 12/k names its k when the cut-off month is given. */
export function methodName(method: string, i18n: I18n, cutoffMonth?: number): string {
  if (method === 'year_to_date_scaled') {
    return cutoffMonth
      ? i18n.t('method.year_to_date_scaled', { k: cutoffMonth })
      : i18n.t('method.year_to_date_scaled.any');
  }
  // A method this UI does not know yet is shown by the server's name for it.
  const name = i18n.t(`method.${method}` as MessageKey) as string | undefined;
  return name ?? method;
}

/** (projected − actual) / actual, e.g. −0.077 for 7.7% too low. */
export function relativeError(projected: number, actual: number): number {
  return (projected - actual) / actual;
}

/** "7.7% too low" / "12% too high" / "on the mark". */
export function errorWords(projected: number, actual: number, i18n: I18n): string {
  const error = relativeError(projected, actual);
  const size = Math.abs(error);
  if (size < 0.0005) return i18n.t('corridor.projection.exact');
  const percent = i18n.formatNumber(size, { style: 'percent', maximumFractionDigits: 1 });
  return i18n.t(error < 0 ? 'corridor.projection.tooLow' : 'corridor.projection.tooHigh', { percent });
}

/** A projected figure as it should be quoted: three significant digits (481,237 → 481,000). */
export function roundFigure(value: number): number {
  if (Math.abs(value) < 1000) return Math.round(value);
  const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(value))) - 2);
  return Math.round(value / magnitude) * magnitude;
}

/** Running totals of `monthly` for each month of `year` up to `last` (1..12); missing months count 0. */
export function cumulative(monthly: Map<string, number>, year: number, last: number): number[] {
  const sums: number[] = [];
  let sum = 0;
  for (let month = 1; month <= last; month += 1) {
    sum += monthly.get(makeMonth(year, month)) ?? 0;
    sums.push(sum);
  }
  return sums;
}

/** The projection's own monthly counts as a map, months after the cut-off left out. */
export function countedToCutoff(projection: Projection): Map<string, number> {
  const cutoff = monthNumber(projection.cutoff);
  return new Map(
    projection.monthly
      .filter((m) => m.month.startsWith(`${projection.year}-`) && monthNumber(m.month) <= cutoff)
      .map((m) => [m.month.slice(0, 7), m.total]),
  );
}
