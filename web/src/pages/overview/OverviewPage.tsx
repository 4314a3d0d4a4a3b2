// Overview: the official monthly irregular transits through the Darién since
// 2020, yearly totals, and the nationalities of a chosen year.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { MonthlyTransits, YearlyTransits } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { nationalityName } from '../../ui/countries';
import { everyMonth, nationalitiesIn, yearsWithRows, type NationalityTotal } from './nationalities';
import { TransitsChart, type MonthPoint } from './TransitsChart';

type YearRow = YearlyTransits['years'][number];

type Data =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; monthly: MonthlyTransits; yearly: YearlyTransits };

export function OverviewPage(_: PageProps) {
  const { t } = useI18n();
  const [data, setData] = useState<Data>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    Promise.all([api.transitsMonthly(), api.transitsYearly()])
      .then(([monthly, yearly]) => live && setData({ state: 'ready', monthly, yearly }))
      .catch((error: unknown) => {
        if (!live) return;
        const message = error instanceof ApiError && error.code !== 'network' ? error.message : t('errors.unreachable');
        setData({ state: 'failed', message });
      });
    return () => {
      live = false;
    };
    // The figures do not depend on the language: load them once.
  }, []);

  return (
    <>
      <PageHeading title={t('overview.title')} lead={t('overview.lead')} />
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && (
        <Notice kind="error" title={t('overview.loadFailed')}>
          <p>{data.message}</p>
        </Notice>
      )}
      {data.state === 'ready' && <OverviewContent monthly={data.monthly} yearly={data.yearly} />}
    </>
  );
}

function OverviewContent({ monthly, yearly }: { monthly: MonthlyTransits; yearly: YearlyTransits }) {
  const { t } = useI18n();
  const series = useMemo(() => everyMonth(monthly.series), [monthly.series]);
  if (series.length === 0 && yearly.years.length === 0) {
    return (
      <Notice kind="info" title={t('overview.empty.title')}>
        <p>{t('overview.empty.body')}</p>
      </Notice>
    );
  }
  return (
    <>
      {series.length > 0 && <MonthlySection series={series} />}
      <YearlySection years={yearly.years} />
      {monthly.rows.length > 0 && <NationalitySection rows={monthly.rows} />}
    </>
  );
}

function MonthlySection({ series }: { series: MonthPoint[] }) {
  const { t, formatNumber, formatMonth } = useI18n();
  const peak = series.reduce((best, point) => (point.total > best.total ? point : best), series[0]!);
  const last = series[series.length - 1]!;
  const summary = t('overview.chart.summary', {
    from: formatMonth(series[0]!.month),
    to: formatMonth(last.month),
    peakMonth: formatMonth(peak.month),
    peak: formatNumber(peak.total),
    lastMonth: formatMonth(last.month),
    last: formatNumber(last.total),
  });
  return (
    <section class="section" aria-labelledby="monthly-heading">
      <figure class="figure">
        <h2 class="heading-l" id="monthly-heading">
          {t('overview.chart.title')}
        </h2>
        <figcaption class="figure__caption" data-testid="chart-summary">
          {summary}
        </figcaption>
        <TransitsChart series={series} />
        <p class="source" data-testid="chart-source">
          {t('overview.source')}
        </p>
      </figure>
      <details class="details">
        <summary class="details__summary">{t('overview.monthly.show')}</summary>
        <div class="details__text">
          <DataTable
            caption={t('overview.monthly.caption')}
            rows={series}
            rowKey={(point) => point.month}
            exportName="darien-transits-by-month"
            columns={[
              {
                key: 'month',
                header: t('overview.col.month'),
                value: (point) => point.month,
                render: (point) => formatMonth(point.month),
              },
              {
                key: 'total',
                header: t('overview.col.transits'),
                value: (point) => point.total,
                render: (point) => formatNumber(point.total),
                numeric: true,
              },
            ]}
          />
        </div>
      </details>
    </section>
  );
}

function YearlySection({ years }: { years: YearRow[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <section class="section" aria-labelledby="yearly-heading">
      <h2 class="heading-l" id="yearly-heading">
        {t('overview.yearly.title')}
      </h2>
      <DataTable
        caption={t('overview.yearly.caption')}
        captionHidden
        testId="yearly-table"
        rows={years}
        rowKey={(year) => year.year}
        initialSort={{ key: 'year', direction: 'descending' }}
        exportName="darien-transits-by-year"
        columns={[
          { key: 'year', header: t('overview.col.year'), value: (y) => y.year },
          {
            key: 'total',
            header: t('overview.col.transits'),
            value: (y) => y.total,
            render: (y) => formatNumber(y.total),
            numeric: true,
          },
          {
            key: 'months',
            header: t('overview.col.months'),
            value: (y) => y.months,
            render: (y) => (y.annual_only && y.months === 0 ? '–' : String(y.months)),
            numeric: true,
          },
          {
            key: 'annual_only',
            header: t('overview.col.note'),
            value: (y) => (y.annual_only ? t('overview.annualOnly') : ''),
            render: (y) => (y.annual_only ? <span class="tag">{t('overview.annualOnly')}</span> : null),
          },
        ]}
      />
      {years.some((y) => y.annual_only) && <p class="hint">{t('overview.annualOnlyHint')}</p>}
    </section>
  );
}

function NationalitySection({ rows }: { rows: MonthlyTransits['rows'] }) {
  const { t, formatNumber, locale } = useI18n();
  const years = useMemo(() => yearsWithRows(rows), [rows]);
  const [year, setYear] = useState<number>(years[0]!);
  const [limit, setLimit] = useState(10);
  const totals = useMemo(() => nationalitiesIn(rows, year), [rows, year]);
  const shown = limit > 0 ? totals.slice(0, limit) : totals;
  const name = (n: NationalityTotal) => nationalityName(n.iso3, locale, t);
  return (
    <section class="section" aria-labelledby="nationality-heading">
      <h2 class="heading-l" id="nationality-heading">
        {t('overview.nationality.title')}
      </h2>
      <div class="controls">
        <div class="form-group form-group--inline">
          <label class="label" for="nationality-year">
            {t('overview.nationality.year')}
          </label>
          <select
            class="select"
            id="nationality-year"
            value={String(year)}
            onChange={(event) => setYear(Number((event.currentTarget as HTMLSelectElement).value))}
          >
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group form-group--inline">
          <label class="label" for="nationality-limit">
            {t('overview.nationality.show')}
          </label>
          <select
            class="select"
            id="nationality-limit"
            value={String(limit)}
            onChange={(event) => setLimit(Number((event.currentTarget as HTMLSelectElement).value))}
          >
            <option value="10">{t('overview.nationality.top', { n: 10 })}</option>
            <option value="25">{t('overview.nationality.top', { n: 25 })}</option>
            <option value="0">{t('overview.nationality.all', { n: totals.length })}</option>
          </select>
        </div>
      </div>
      <DataTable
        caption={t('overview.nationality.caption', { year })}
        captionHidden
        testId="nationality-table"
        rows={shown}
        rowKey={(n) => n.iso3}
        exportName={`darien-transits-by-nationality-${year}`}
        columns={[
          { key: 'rank', header: t('overview.col.rank'), value: (n) => n.rank, numeric: true },
          { key: 'name', header: t('overview.col.nationality'), value: name },
          {
            key: 'iso3',
            header: t('overview.col.iso3'),
            value: (n) => n.iso3,
            render: (n) => <code class="code">{n.iso3}</code>,
          },
          {
            key: 'count',
            header: t('overview.col.transits'),
            value: (n) => n.count,
            render: (n) => formatNumber(n.count),
            numeric: true,
          },
          {
            key: 'share',
            header: t('overview.col.share'),
            value: (n) => Math.round(n.share * 10000) / 10000,
            render: (n) =>
              formatNumber(n.share, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
            numeric: true,
          },
        ]}
      />
    </section>
  );
}
