// The year-end projection with its error told: what has been counted up to a
// cut-off month, the figure escudo projects for the year with its 80%
// interval, the two naive figures usually announced, and how far each method
// has landed from the truth in past years at each cut-off.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client';
import { PROJECTION_METHODS, type BacktestSummary, type Projection, type ProjectionMethod } from '../../api/types';
import { useI18n, type I18n } from '../../i18n';
import { DataTable, type Column } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { MonthSelect } from '../../ui/MonthSelect';
import { Notice } from '../../ui/Notice';
import { FanChart } from './FanChart';
import { makeMonth, monthNumber, yearOf, type Coverage } from './months';
import { problemText } from './problem';
import { BASELINES, countedToCutoff, cumulative, errorWords, methodName, relativeError, roundFigure } from './projection';

type Answer =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; projection: Projection };

/** The cut-off months `year` offers: January to November, as far as the figures go. */
function cutoffsOf(year: number, coverage: Coverage): string[] {
  return coverage.months.filter((month) => yearOf(month) === year && monthNumber(month) <= 11);
}

export function ProjectionSection({ coverage }: { coverage: Coverage }) {
  const { t, formatMonthName } = useI18n();
  const years = useMemo(() => coverage.years.filter((year) => cutoffsOf(year, coverage).length > 0), [coverage]);
  const initial = useMemo(() => {
    const year = years[0] ?? yearOf(coverage.months[coverage.months.length - 1]!);
    const cutoffs = cutoffsOf(year, coverage);
    return { year, cutoff: cutoffs[cutoffs.length - 1] ?? makeMonth(year, 1) };
  }, [years, coverage]);
  const [year, setYear] = useState(initial.year);
  const [cutoff, setCutoff] = useState(initial.cutoff);
  const [asked, setAsked] = useState(initial);
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });
  const cutoffs = cutoffsOf(year, coverage);

  useEffect(() => {
    let live = true;
    setAnswer({ state: 'loading' });
    api
      .projection(asked)
      .then((projection) => live && setAnswer({ state: 'ready', projection }))
      .catch((error: unknown) => live && setAnswer({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, [asked]);

  const chooseYear = (next: number) => {
    setYear(next);
    // Keep the same cut-off month where the new year has it, else its latest.
    const offered = cutoffsOf(next, coverage);
    const same = makeMonth(next, monthNumber(cutoff));
    setCutoff(offered.includes(same) ? same : (offered[offered.length - 1] ?? makeMonth(next, 1)));
  };

  const submit = (event: Event) => {
    event.preventDefault();
    setAsked({ year, cutoff });
  };

  return (
    <section class="section" aria-labelledby="projection-heading" data-testid="projection">
      <h2 class="heading-l" id="projection-heading">
        {t('corridor.projection.title')}
      </h2>
      <p>{t('corridor.projection.lead')}</p>
      <form class="controls" onSubmit={submit} noValidate>
        <Field id="projection-year" label={t('overview.col.year')}>
          {(describedBy) => (
            <select
              class="select"
              id="projection-year"
              value={String(year)}
              aria-describedby={describedBy}
              onChange={(event) => chooseYear(Number((event.currentTarget as HTMLSelectElement).value))}
            >
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
        <MonthSelect
          id="projection-cutoff"
          label={t('corridor.projection.cutoff')}
          hint={t('corridor.projection.cutoffHint')}
          months={cutoffs}
          value={cutoff}
          onChange={setCutoff}
          name={(month) => formatMonthName(month)}
        />
        <button type="submit" class="button" data-testid="projection-submit">
          {t('corridor.projection.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {answer.state === 'loading' && <Loading />}
        {answer.state === 'failed' && (
          <Notice kind="error" title={t('corridor.projection.failed')}>
            <p>{answer.message}</p>
          </Notice>
        )}
      </div>
      {answer.state === 'ready' && <ProjectionContent projection={answer.projection} coverage={coverage} />}
      <p class="source">{t('overview.source')}</p>
    </section>
  );
}

function ProjectionContent({ projection, coverage }: { projection: Projection; coverage: Coverage }) {
  const i18n = useI18n();
  const { t, formatNumber, formatMonth } = i18n;
  const { year, recommended, actual } = projection;
  const cutoffMonth = monthNumber(projection.cutoff);
  const known = useMemo(() => cumulative(countedToCutoff(projection), year, cutoffMonth), [projection, year, cutoffMonth]);
  // The real line comes from the monthly figures the page loaded from the server.
  const realLine = useMemo(() => (actual === null ? null : cumulative(coverage.totals, year, 12)), [actual, coverage, year]);
  const chosenByBacktest = projection.backtest.some((row) => row.years >= 2);
  const name = (method: string) => methodName(method, i18n, cutoffMonth);
  const inSentence = (method: string) => {
    const text = name(method);
    return text.charAt(0).toLocaleLowerCase(i18n.locale) + text.slice(1);
  };
  const baselines = BASELINES.map((method) => projection.methods.find((m) => m.method === method)).filter(
    (m): m is NonNullable<typeof m> => m !== undefined,
  );

  return (
    <>
      <p class="headline-figure" data-testid="projection-sentence">
        {t('corridor.projection.sentence', {
          month: formatMonth(projection.cutoff),
          known: formatNumber(projection.known_to_date),
          point: formatNumber(roundFigure(recommended.point)),
          low: formatNumber(roundFigure(recommended.low80)),
          high: formatNumber(roundFigure(recommended.high80)),
          method: inSentence(recommended.method),
          why: chosenByBacktest ? t('corridor.projection.chosen') : t('corridor.projection.default'),
        })}
      </p>
      {actual !== null ? (
        <p data-testid="projection-actual">
          {t('corridor.projection.actual', {
            year,
            actual: formatNumber(actual),
            error: errorWords(recommended.point, actual, i18n),
          })}
        </p>
      ) : (
        <p data-testid="projection-actual">{t('corridor.projection.notOver', { year })}</p>
      )}
      {recommended.interval_years < 2 && <p class="hint">{t('corridor.projection.conventionalInterval')}</p>}
      {baselines.length > 0 && (
        <div class="baselines">
          <h3 class="heading-m">{t('corridor.projection.baselines')}</h3>
          <ul class="plain-list baselines__list">
            {baselines.map((baseline) => (
              <li key={baseline.method} data-testid={`baseline-${baseline.method}`}>
                <strong>{name(baseline.method)}:</strong> {formatNumber(Math.round(baseline.point))}
                {actual !== null && ` (${errorWords(baseline.point, actual, i18n)})`}
              </li>
            ))}
          </ul>
        </div>
      )}
      <figure class="figure">
        <h3 class="heading-m">{t('corridor.fan.title', { year })}</h3>
        <figcaption class="figure__caption" data-testid="fan-summary">
          {t('corridor.fan.summary', {
            year,
            month: formatMonth(projection.cutoff),
            known: formatNumber(projection.known_to_date),
            point: formatNumber(Math.round(recommended.point)),
            low: formatNumber(Math.round(recommended.low80)),
            high: formatNumber(Math.round(recommended.high80)),
          })}
          {actual !== null && ` ${t('corridor.fan.summaryActual', { actual: formatNumber(actual) })}`}
        </figcaption>
        <FanChart
          year={year}
          cutoff={cutoffMonth}
          known={known}
          point={recommended.point}
          low80={recommended.low80}
          high80={recommended.high80}
          actual={realLine}
        />
      </figure>
      <MethodsTable projection={projection} name={name} i18n={i18n} />
      <BacktestTable projection={projection} i18n={i18n} />
      <details class="details">
        <summary class="details__summary">{t('corridor.projection.howTitle')}</summary>
        <div class="details__text">
          <dl class="summary-list">
            {(['last_year_total', 'year_to_date_scaled', 'seasonal_profile', 'recent_level', 'damped_trend', 'mix'] as const).map(
              (method) => (
                <div class="summary-list__row" key={method}>
                  <dt>{methodName(method, i18n)}</dt>
                  <dd>{t(`method.${method}.how`)}</dd>
                </div>
              ),
            )}
          </dl>
          <p>{t('corridor.projection.howInterval')}</p>
        </div>
      </details>
    </>
  );
}

interface MethodRow {
  method: ProjectionMethod;
  point: number;
  low80: number;
  high80: number;
}

function MethodsTable({ projection, name, i18n }: { projection: Projection; name: (m: string) => string; i18n: I18n }) {
  const { t, formatNumber } = i18n;
  const { actual } = projection;
  const columns: Column<MethodRow>[] = [
    {
      key: 'method',
      header: t('corridor.col.method'),
      value: (row) => name(row.method),
      render: (row) => (
        <>
          {name(row.method)}
          {row.method === projection.recommended.method && (
            <>
              {' '}
              <span class="tag">{t('corridor.projection.recommended')}</span>
            </>
          )}
        </>
      ),
    },
    { key: 'point', header: t('corridor.col.projected'), value: (row) => Math.round(row.point), render: (row) => formatNumber(Math.round(row.point)), numeric: true },
    { key: 'low80', header: t('corridor.col.low80'), value: (row) => Math.round(row.low80), render: (row) => formatNumber(Math.round(row.low80)), numeric: true },
    { key: 'high80', header: t('corridor.col.high80'), value: (row) => Math.round(row.high80), render: (row) => formatNumber(Math.round(row.high80)), numeric: true },
  ];
  if (actual !== null) {
    columns.push({
      key: 'error',
      header: t('corridor.col.error'),
      value: (row) => Math.round(relativeError(row.point, actual) * 1000) / 10,
      render: (row) => errorWords(row.point, actual, i18n),
      numeric: true,
    });
  }
  return (
    <DataTable
      caption={t('corridor.projection.methodsCaption', { year: projection.year })}
      testId="projection-methods"
      rows={projection.methods}
      rowKey={(row) => row.method}
      rowClass={(row) => (row.method === projection.recommended.method ? 'table__row--highlight' : undefined)}
      exportName={`darien-projection-${projection.year}-cutoff-${projection.cutoff}`}
      columns={columns}
    />
  );
}

interface BacktestRow {
  method: BacktestSummary['method'];
  /** Mean absolute percentage error by cut-off month (1..11). */
  mape: Map<number, number>;
  years: number;
  overall?: BacktestSummary;
}

/** The methods in the order the server lists them, the back-tested choice last. */
function backtestOrder(method: BacktestSummary['method']): number {
  const index = (PROJECTION_METHODS as readonly string[]).indexOf(method);
  return index >= 0 ? index : PROJECTION_METHODS.length;
}

function BacktestTable({ projection, i18n }: { projection: Projection; i18n: I18n }) {
  const { t, formatNumber, formatMonthName } = i18n;
  const cutoffMonth = monthNumber(projection.cutoff);
  const rows = useMemo(() => {
    const byMethod = new Map<BacktestSummary['method'], BacktestRow>();
    for (const entry of projection.backtest) {
      let row = byMethod.get(entry.method);
      if (!row) {
        row = { method: entry.method, mape: new Map(), years: 0 };
        byMethod.set(entry.method, row);
      }
      row.mape.set(entry.cutoff_month, entry.mape);
      row.years = Math.max(row.years, entry.years);
    }
    for (const entry of projection.backtest_overall ?? []) {
      const row = byMethod.get(entry.method);
      if (row) row.overall = entry;
    }
    return [...byMethod.values()].sort((a, b) => backtestOrder(a.method) - backtestOrder(b.method));
  }, [projection]);
  const months = useMemo(
    () => [...new Set(projection.backtest.map((entry) => entry.cutoff_month))].sort((a, b) => a - b),
    [projection],
  );
  if (rows.length === 0) return <p data-testid="backtest-none">{t('corridor.backtest.none')}</p>;

  const percent = (value: number) => formatNumber(value / 100, { style: 'percent', maximumFractionDigits: 0 });
  const name = (method: BacktestSummary['method']) =>
    method === 'recommended' ? t('corridor.backtest.choice') : methodName(method, i18n);
  const columns: Column<BacktestRow>[] = [
    {
      key: 'method',
      header: t('corridor.col.method'),
      value: (row) => name(row.method),
      render: (row) => (
        <>
          {name(row.method)}
          {row.method === projection.recommended.method && (
            <>
              {' '}
              <span class="tag">{t('corridor.projection.recommended')}</span>
            </>
          )}
        </>
      ),
    },
    ...months.map<Column<BacktestRow>>((month) => ({
      key: `m${month}`,
      header: formatMonthName(makeMonth(projection.year, month), 'short'),
      value: (row) => {
        const value = row.mape.get(month);
        return value === undefined ? null : Math.round(value * 10) / 10;
      },
      render: (row) => {
        const value = row.mape.get(month);
        return value === undefined ? '–' : percent(value);
      },
      numeric: true,
      ...(month === cutoffMonth ? { className: 'table__col--highlight' } : {}),
    })),
  ];
  if (rows.some((row) => row.overall)) {
    columns.push({
      key: 'overall',
      header: t('corridor.col.allMonths'),
      value: (row) => (row.overall ? Math.round(row.overall.mape * 10) / 10 : null),
      render: (row) => (row.overall ? percent(row.overall.mape) : '–'),
      numeric: true,
    });
  }
  if (rows.some((row) => row.overall?.coverage80 !== undefined)) {
    columns.push({
      key: 'coverage',
      header: t('corridor.col.coverage'),
      value: (row) => (row.overall?.coverage80 === undefined ? null : Math.round(row.overall.coverage80 * 1000) / 10),
      render: (row) => (row.overall?.coverage80 === undefined ? '–' : percent(row.overall.coverage80 * 100)),
      numeric: true,
    });
  }
  const most = rows.reduce((top, row) => Math.max(top, row.years), 0);
  return (
    <>
      <h3 class="heading-m">{t('corridor.backtest.title')}</h3>
      <p class="hint">{t('corridor.backtest.explain', { years: most, month: formatMonthName(projection.cutoff) })}</p>
      {columns.some((column) => column.key === 'coverage') && <p class="hint">{t('corridor.backtest.coverageHint')}</p>}
      <DataTable
        caption={t('corridor.backtest.caption')}
        captionHidden
        testId="backtest-table"
        rows={rows}
        rowKey={(row) => row.method}
        rowClass={(row) => (row.method === projection.recommended.method ? 'table__row--highlight' : undefined)}
        exportName={`darien-projection-backtest-${projection.year}`}
        columns={columns}
      />
    </>
  );
}
