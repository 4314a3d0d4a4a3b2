// Children among the people counted, from the official table by sex and age.
// Until the table separates children from adults (January 2023), its "men"
// and "women" include them: the server labels those rows "unknown", and they
// are kept apart here rather than counted as adults.

import type { AgeGroup, StatsCube } from '../../api/types';

export interface AgeSplit {
  /** `YYYY-MM` or `YYYY` */
  period: string;
  children: number;
  adults: number;
  /** People the table does not separate into children and adults. */
  unknown: number;
  total: number;
  /** Children as a percentage of everyone counted; null when children are not separated. */
  childPercent: number | null;
}

type Rows<Dim extends 'month' | 'year'> = StatsCube<Dim | 'age_group'>['rows'];

export function splitByAge<Dim extends 'month' | 'year'>(rows: Rows<Dim>, dim: Dim): AgeSplit[] {
  const byPeriod = new Map<string, AgeSplit>();
  for (const row of rows) {
    const period = row[dim];
    let split = byPeriod.get(period);
    if (!split) {
      split = { period, children: 0, adults: 0, unknown: 0, total: 0, childPercent: null };
      byPeriod.set(period, split);
    }
    const group = row.age_group as AgeGroup;
    if (group === 'child') split.children += row.count;
    else if (group === 'adult') split.adults += row.count;
    else split.unknown += row.count;
    split.total += row.count;
  }
  const splits = [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
  for (const split of splits) {
    const separated = split.children + split.adults;
    // A period where part of the people are not separated has no honest share.
    split.childPercent = separated > 0 && split.unknown === 0 ? (split.children / split.total) * 100 : null;
  }
  return splits;
}

/** The first period whose people are separated into children and adults, if any. */
export function firstSeparated(splits: AgeSplit[]): string | undefined {
  return splits.find((split) => split.children + split.adults > 0)?.period;
}
