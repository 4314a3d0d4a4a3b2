// Totals by nationality for one year, from the monthly rows of the API.

import type { MonthlyTransits } from '../../api/types';

export interface NationalityTotal {
  rank: number;
  iso3: string;
  count: number;
  /** Fraction of the year's transits, 0..1. */
  share: number;
}

/** Years that have monthly rows, latest first. */
export function yearsWithRows(rows: MonthlyTransits['rows']): number[] {
  const years = new Set(rows.map((row) => Number(row.month.slice(0, 4))));
  return [...years].filter((year) => Number.isFinite(year)).sort((a, b) => b - a);
}

export function nationalitiesIn(rows: MonthlyTransits['rows'], year: number): NationalityTotal[] {
  const prefix = `${year}-`;
  const counts = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (!row.month.startsWith(prefix)) continue;
    counts.set(row.nationality, (counts.get(row.nationality) ?? 0) + row.count);
    total += row.count;
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([iso3, count], index) => ({ rank: index + 1, iso3, count, share: total ? count / total : 0 }));
}

/**
 * The monthly series with the months it skips put back as 0: the official
 * tables leave out a month nobody crossed (April, May and July 2020, when the
 * border was closed), and the chart's axis must not skip them.
 */
export function everyMonth(series: MonthlyTransits['series']): MonthlyTransits['series'] {
  if (series.length === 0) return series;
  const byMonth = new Map(series.map((point) => [point.month, point.total]));
  const months = [...byMonth.keys()].sort();
  const last = months[months.length - 1]!;
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const filled: MonthlyTransits['series'] = [];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    filled.push({ month: key, total: byMonth.get(key) ?? 0 });
    if (key >= last) return filled;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
