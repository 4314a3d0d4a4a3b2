// What the monthly report shows, fetched in one go for a month.

import { api } from '../../api/client';
import type { PeriodComparison, Projection, StatsCube } from '../../api/types';
import { addMonths, makeMonth, monthNumber, yearOf } from '../corridor/months';

/** The months the chart shows: the chosen one and the 23 before it. */
export const CHART_MONTHS = 24;

export interface ReportData {
  month: string;
  /** People counted each month, the chart's months (and so the month before and a year before). */
  byMonth: StatsCube<'month'>;
  /** January to the month against the same months a year earlier. */
  yearToDate: PeriodComparison;
  nationalities: StatsCube<'nationality'>;
  /** Null when the table by sex and age could not be read. */
  ageGroups: StatsCube<'age_group'> | null;
  /** Only for January to November; null when it could not be made. */
  projection: Projection | null;
}

export async function loadReport(month: string): Promise<ReportData> {
  const year = yearOf(month);
  const [byMonth, yearToDate, nationalities, ageGroups, projection] = await Promise.all([
    api.stats({ by: ['month'], from: addMonths(month, -(CHART_MONTHS - 1)), to: month }),
    api.compare(makeMonth(year, 1), month),
    api.stats({ by: ['nationality'], from: month, to: month }),
    api.stats({ by: ['age_group'], from: month, to: month }).catch(() => null),
    monthNumber(month) <= 11 ? api.projection({ year, cutoff: month }).catch(() => null) : Promise.resolve(null),
  ]);
  return { month, byMonth, yearToDate, nationalities, ageGroups, projection };
}

