// Who crossed in a chosen year or period: the top ten nationalities as bars,
// and every nationality in a table that sorts and downloads.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { StatsCube } from '../../api/types';
import { useI18n } from '../../i18n';
import { BarChart } from '../../ui/BarChart';
import { nationalityName } from '../../ui/countries';
import { DataTable } from '../../ui/DataTable';
import { ErrorSummary, errorFor, type FieldError } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Loading';
import { MonthSelect } from '../../ui/MonthSelect';
import { Notice } from '../../ui/Notice';
import { capitalise, latestYearToDate } from './ComparisonSection';
import { makeMonth, type Coverage } from './months';
import { problemText } from './problem';

const TOP = 10;

interface Period {
  from: string;
  to: string;
}

interface NationalityRow {
  rank: number;
  iso3: string;
  name: string;
  count: number;
  sharePercent: number;
}

type Answer =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; period: Period; cube: StatsCube<'nationality'> };

/** The first and last month of `year` that have figures. */
function wholeYear(year: number, coverage: Coverage): Period {
  const months = coverage.months.filter((month) => month.startsWith(`${year}-`));
  return { from: months[0] ?? makeMonth(year, 1), to: months[months.length - 1] ?? makeMonth(year, 12) };
}

export function NationalitySection({ coverage }: { coverage: Coverage }) {
  const { t, formatNumber, formatMonthRange, locale } = useI18n();
  const initial = useMemo(() => latestYearToDate(coverage), [coverage]);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [asked, setAsked] = useState<Period>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setAnswer({ state: 'loading' });
    api
      .stats({ by: ['nationality'], from: asked.from, to: asked.to })
      .then((cube) => live && setAnswer({ state: 'ready', period: asked, cube }))
      .catch((error: unknown) => live && setAnswer({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, [asked]);

  const submit = (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = to < from ? [{ field: 'nationality-to', message: t('corridor.compare.errors.order') }] : [];
    setErrors(found);
    if (found.length === 0) setAsked({ from, to });
  };

  const chooseYear = (year: number) => {
    const period = wholeYear(year, coverage);
    setFrom(period.from);
    setTo(period.to);
    setErrors([]);
    setAsked(period);
  };

  const rows = useMemo<NationalityRow[]>(() => {
    if (answer.state !== 'ready') return [];
    return [...answer.cube.rows]
      .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality))
      .map((row, index) => ({
        rank: index + 1,
        iso3: row.nationality,
        name: nationalityName(row.nationality, locale, t),
        count: row.count,
        sharePercent: row.share_percent,
      }));
  }, [answer, locale, t]);

  const percent = (value: number) =>
    formatNumber(value / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const periodText = answer.state === 'ready' ? formatMonthRange(answer.period.from, answer.period.to) : '';

  return (
    <section class="section" aria-labelledby="corridor-nationality-heading" data-testid="nationalities">
      <h2 class="heading-l" id="corridor-nationality-heading">
        {t('corridor.nationality.title')}
      </h2>
      <ErrorSummary errors={errors} />
      <div class="year-buttons" role="group" aria-label={t('corridor.nationality.wholeYear')}>
        <span class="year-buttons__label" aria-hidden="true">
          {t('corridor.nationality.wholeYear')}
        </span>
        {[...coverage.years].reverse().map((year) => (
          <button
            key={year}
            type="button"
            class="button button--secondary button--small"
            aria-pressed={answer.state === 'ready' && sameAs(answer.period, wholeYear(year, coverage)) ? 'true' : 'false'}
            data-year={year}
            onClick={() => chooseYear(year)}
          >
            {year}
          </button>
        ))}
      </div>
      <form class="controls" onSubmit={submit} noValidate>
        <MonthSelect
          id="nationality-from"
          label={t('corridor.from')}
          months={coverage.months}
          value={from}
          onChange={setFrom}
          error={errorFor(errors, 'nationality-from')}
        />
        <MonthSelect
          id="nationality-to"
          label={t('corridor.to')}
          months={coverage.months}
          value={to}
          onChange={setTo}
          error={errorFor(errors, 'nationality-to')}
        />
        <button type="submit" class="button" data-testid="nationality-submit">
          {t('corridor.show')}
        </button>
      </form>
      <div aria-live="polite">
        {answer.state === 'loading' && <Loading />}
        {answer.state === 'failed' && (
          <Notice kind="error" title={t('corridor.nationality.failed')}>
            <p>{answer.message}</p>
          </Notice>
        )}
        {answer.state === 'ready' && (
          <p data-testid="nationality-summary">
            {rows.length === 0
              ? t('corridor.nationality.none', { period: capitalise(periodText, locale) })
              : t('corridor.nationality.summary', {
                  period: capitalise(periodText, locale),
                  total: formatNumber(answer.cube.total),
                  count: formatNumber(rows.length),
                  first: rows[0]!.name,
                  share: percent(rows[0]!.sharePercent),
                })}
          </p>
        )}
      </div>
      {answer.state === 'ready' && rows.length > 0 && (
        <>
          <figure class="figure">
            <figcaption class="figure__caption">{t('corridor.nationality.chart', { n: Math.min(TOP, rows.length), period: periodText })}</figcaption>
            <BarChart
              testId="nationality-bars"
              label={t('corridor.nationality.chart', { n: Math.min(TOP, rows.length), period: periodText })}
              bars={rows.slice(0, TOP).map((row) => ({
                key: row.iso3,
                label: row.name,
                value: row.count,
                valueText: `${formatNumber(row.count)} (${percent(row.sharePercent)})`,
              }))}
            />
          </figure>
          <DataTable
            caption={t('corridor.nationality.caption', { period: periodText })}
            testId="corridor-nationality-table"
            rows={rows}
            rowKey={(row) => row.iso3}
            initialSort={{ key: 'count', direction: 'descending' }}
            exportName={`darien-transits-by-nationality-${answer.period.from}-to-${answer.period.to}`}
            columns={[
              { key: 'rank', header: t('overview.col.rank'), value: (row) => row.rank, numeric: true },
              { key: 'name', header: t('overview.col.nationality'), value: (row) => row.name },
              {
                key: 'iso3',
                header: t('overview.col.iso3'),
                value: (row) => row.iso3,
                render: (row) => <code class="code">{row.iso3}</code>,
              },
              {
                key: 'count',
                header: t('overview.col.transits'),
                value: (row) => row.count,
                render: (row) => formatNumber(row.count),
                numeric: true,
              },
              {
                key: 'share',
                header: t('corridor.col.share'),
                value: (row) => Math.round(row.sharePercent * 100) / 100,
                render: (row) => percent(row.sharePercent),
                numeric: true,
              },
            ]}
          />
        </>
      )}
      <p class="source">{t('overview.source')}</p>
    </section>
  );
}

function sameAs(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}
