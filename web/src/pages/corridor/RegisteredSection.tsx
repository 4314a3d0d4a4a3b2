// The people registered on arrival at the reception stations, for the same
// months as the comparison above, by station and age group, shown beside the
// official total of those months. The two are different sources (a count at
// the stations; Panama's official monthly tables) and are never added up.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { StatsCube, Station } from '../../api/types';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { problemText } from './problem';

interface Period {
  from: string;
  to: string;
}

type Answer =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; period: Period; cube: StatsCube<'station' | 'age_group'>; stations: Station[] };

interface StationRow {
  code: string;
  name: string;
  children: number;
  adults: number;
  unknown: number;
  total: number;
}

export function RegisteredSection({ period, official }: { period: Period; official: number | undefined }) {
  const { t, tn, formatNumber, formatMonthRange, locale } = useI18n();
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setAnswer({ state: 'loading' });
    Promise.all([
      api.stats({ by: ['station', 'age_group'], source: 'registered', from: period.from, to: period.to }),
      api.stations(),
    ])
      .then(([cube, { stations }]) => live && setAnswer({ state: 'ready', period, cube, stations }))
      .catch((error: unknown) => live && setAnswer({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, [period.from, period.to]);

  const rows = useMemo<StationRow[]>(() => {
    if (answer.state !== 'ready') return [];
    const byStation = new Map<string, StationRow>();
    for (const row of answer.cube.rows) {
      const code = row.station;
      const entry = byStation.get(code) ?? {
        code,
        name: answer.stations.find((s) => s.code === code)?.name ?? code,
        children: 0,
        adults: 0,
        unknown: 0,
        total: 0,
      };
      if (row.age_group === 'child') entry.children += row.count;
      else if (row.age_group === 'adult') entry.adults += row.count;
      else entry.unknown += row.count;
      entry.total += row.count;
      byStation.set(code, entry);
    }
    return [...byStation.values()];
  }, [answer]);

  const range = formatMonthRange(period.from, period.to);
  // Spanish month names are lower case; the sentence starts with a capital.
  const periodText = range.charAt(0).toLocaleUpperCase(locale) + range.slice(1);

  return (
    <section class="section" aria-labelledby="registered-heading" data-testid="registered">
      <h2 class="heading-l" id="registered-heading">
        {t('corridor.registered.title')}
      </h2>
      <p>{t('corridor.registered.lead')}</p>
      <div aria-live="polite">
        {answer.state === 'loading' && <Loading />}
        {answer.state === 'failed' && (
          <Notice kind="error" title={t('corridor.registered.failed')}>
            <p>{answer.message}</p>
          </Notice>
        )}
      </div>
      {answer.state === 'ready' && (
        <>
          <dl class="summary-list sources" data-testid="registered-sources">
            <div class="summary-list__row">
              <dt>{t('corridor.registered.officialLabel')}</dt>
              <dd data-testid="registered-official">
                {official === undefined ? '–' : tn('corridor.registered.people', official)}
              </dd>
            </div>
            <div class="summary-list__row">
              <dt>{t('corridor.registered.registeredLabel')}</dt>
              <dd data-testid="registered-total">{tn('corridor.registered.people', answer.cube.total)}</dd>
            </div>
          </dl>
          <p data-testid="registered-not-summed">
            {t('corridor.registered.notSummed')}
          </p>
          {answer.cube.total === 0 ? (
            <Notice kind="info" title={t('corridor.registered.emptyTitle')} testId="registered-empty">
              <p>{t('corridor.registered.empty', { period: periodText })}</p>
            </Notice>
          ) : (
            <DataTable
              caption={t('corridor.registered.caption', { period: range })}
              testId="registered-table"
              rows={rows}
              rowKey={(row) => row.code}
              initialSort={{ key: 'total', direction: 'descending' }}
              exportName={`registered-by-station-${period.from}-to-${period.to}`}
              columns={[
                { key: 'name', header: t('corridor.registered.col.station'), value: (row) => row.name },
                {
                  key: 'children',
                  header: t('corridor.col.children'),
                  value: (row) => row.children,
                  render: (row) => formatNumber(row.children),
                  numeric: true,
                },
                {
                  key: 'adults',
                  header: t('corridor.col.adults'),
                  value: (row) => row.adults,
                  render: (row) => formatNumber(row.adults),
                  numeric: true,
                },
                {
                  key: 'unknown',
                  header: t('corridor.registered.col.ageUnknown'),
                  value: (row) => row.unknown,
                  render: (row) => formatNumber(row.unknown),
                  numeric: true,
                },
                {
                  key: 'total',
                  header: t('corridor.col.total'),
                  value: (row) => row.total,
                  render: (row) => formatNumber(row.total),
                  numeric: true,
                },
              ]}
            />
          )}
        </>
      )}
      <p class="source">{t('corridor.registered.source')}</p>
    </section>
  );
}
