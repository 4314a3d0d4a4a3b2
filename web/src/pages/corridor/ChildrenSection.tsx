// How many of the people crossing are children: each month's count and share
// since the official table began to separate them, and the totals by year.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { LineChart } from '../../ui/LineChart';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { firstSeparated, splitByAge, type AgeSplit } from './children';
import type { Coverage } from './months';
import { problemText } from './problem';

type Data =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; months: AgeSplit[]; years: AgeSplit[] };

export function ChildrenSection({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  const [data, setData] = useState<Data>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    Promise.all([api.stats({ by: ['month', 'age_group'] }), api.stats({ by: ['year', 'age_group'] })])
      .then(([byMonth, byYear]) => {
        if (!live) return;
        setData({ state: 'ready', months: splitByAge(byMonth.rows, 'month'), years: splitByAge(byYear.rows, 'year') });
      })
      .catch((error: unknown) => live && setData({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, []);

  return (
    <section class="section" aria-labelledby="children-heading" data-testid="children">
      <h2 class="heading-l" id="children-heading">
        {t('corridor.children.title')}
      </h2>
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && (
        <Notice kind="error" title={t('corridor.children.failed')}>
          <p>{data.message}</p>
        </Notice>
      )}
      {data.state === 'ready' && <ChildrenContent months={data.months} years={data.years} coverage={coverage} />}
      <p class="source">{t('overview.source')}</p>
    </section>
  );
}

function ChildrenContent({ months, years, coverage }: { months: AgeSplit[]; years: AgeSplit[]; coverage: Coverage }) {
  const { t, formatNumber, formatMonth } = useI18n();
  const first = firstSeparated(months);
  const separated = useMemo(() => (first ? months.filter((m) => m.period >= first) : []), [months, first]);
  const percent = useCallback(
    (value: number) => formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 1 }),
    [formatNumber],
  );
  const count = useCallback((value: number) => formatNumber(Math.round(value)), [formatNumber]);
  const sharePoints = useMemo(() => separated.map((m) => ({ month: m.period, value: m.childPercent })), [separated]);
  const countPoints = useMemo(() => separated.map((m) => ({ month: m.period, value: m.children })), [separated]);

  if (years.length === 0) {
    return <p>{t('corridor.children.noTable')}</p>;
  }
  // The headline is about a whole year: the latest with all twelve months, children apart.
  const complete = (year: string) => coverage.months.filter((month) => month.startsWith(`${year}-`)).length === 12;
  const latest = [...years].reverse().find((y) => y.childPercent !== null && complete(y.period));
  const peak = separated.reduce<AgeSplit | undefined>(
    (best, m) => (m.childPercent !== null && (!best || m.childPercent > (best.childPercent ?? 0)) ? m : best),
    undefined,
  );

  return (
    <>
      <p data-testid="children-note">
        {first ? t('corridor.children.note', { first: formatMonth(first) }) : t('corridor.children.neverSeparated')}
      </p>
      {latest && (
        <p class="headline-figure" data-testid="children-summary">
          {t('corridor.children.summary', {
            year: latest.period,
            children: formatNumber(latest.children),
            share: percent(latest.childPercent ?? 0),
          })}
        </p>
      )}
      <DataTable
        caption={t('corridor.children.yearCaption')}
        testId="children-by-year"
        rows={years}
        rowKey={(y) => y.period}
        initialSort={{ key: 'year', direction: 'descending' }}
        exportName="darien-children-by-year"
        columns={[
          { key: 'year', header: t('overview.col.year'), value: (y) => Number(y.period) },
          { key: 'children', header: t('corridor.col.children'), value: (y) => (y.unknown > 0 && y.children === 0 ? null : y.children), render: (y) => (y.unknown > 0 && y.children === 0 ? '–' : formatNumber(y.children)), numeric: true },
          { key: 'adults', header: t('corridor.col.adults'), value: (y) => (y.unknown > 0 && y.adults === 0 ? null : y.adults), render: (y) => (y.unknown > 0 && y.adults === 0 ? '–' : formatNumber(y.adults)), numeric: true },
          { key: 'unknown', header: t('corridor.col.notSeparated'), value: (y) => y.unknown, render: (y) => formatNumber(y.unknown), numeric: true },
          { key: 'total', header: t('corridor.col.total'), value: (y) => y.total, render: (y) => formatNumber(y.total), numeric: true },
          {
            key: 'share',
            header: t('corridor.col.childShare'),
            value: (y) => (y.childPercent === null ? null : Math.round(y.childPercent * 100) / 100),
            render: (y) => (y.childPercent === null ? '–' : percent(y.childPercent)),
            numeric: true,
          },
        ]}
      />
      {separated.length > 0 && (
        <div class="chart-pair">
          <figure class="figure">
            <h3 class="heading-m" id="children-share-heading">
              {t('corridor.children.shareTitle')}
            </h3>
            <figcaption class="figure__caption">
              {peak &&
                t('corridor.children.shareSummary', {
                  from: formatMonth(separated[0]!.period),
                  to: formatMonth(separated[separated.length - 1]!.period),
                  peakMonth: formatMonth(peak.period),
                  peak: percent(peak.childPercent ?? 0),
                })}
            </figcaption>
            <LineChart points={sharePoints} label={t('corridor.children.shareSeries')} format={percent} testId="children-share-chart" />
          </figure>
          <figure class="figure">
            <h3 class="heading-m">{t('corridor.children.countTitle')}</h3>
            <figcaption class="figure__caption">{t('corridor.children.countSummary')}</figcaption>
            <LineChart points={countPoints} label={t('corridor.col.children')} format={count} testId="children-count-chart" />
          </figure>
        </div>
      )}
      {separated.length > 0 && (
        <details class="details">
          <summary class="details__summary">{t('corridor.children.showMonthly')}</summary>
          <div class="details__text">
            <DataTable
              caption={t('corridor.children.monthCaption')}
              rows={separated}
              rowKey={(m) => m.period}
              exportName="darien-children-by-month"
              columns={[
                { key: 'month', header: t('overview.col.month'), value: (m) => m.period, render: (m) => formatMonth(m.period) },
                { key: 'children', header: t('corridor.col.children'), value: (m) => m.children, render: (m) => formatNumber(m.children), numeric: true },
                { key: 'adults', header: t('corridor.col.adults'), value: (m) => m.adults, render: (m) => formatNumber(m.adults), numeric: true },
                {
                  key: 'share',
                  header: t('corridor.col.childShare'),
                  value: (m) => (m.childPercent === null ? null : Math.round(m.childPercent * 100) / 100),
                  render: (m) => (m.childPercent === null ? '–' : percent(m.childPercent)),
                  numeric: true,
                },
              ]}
            />
          </div>
        </details>
      )}
    </>
  );
}
