// The report of one month: the total and how it changed, the year to date,
// the main nationalities, children and adults, the last 24 months, the
// year-end projection and the source. Plain tables (no sorting or download
// buttons): the page is meant to be printed as it is.

import { useMemo } from 'preact/hooks';
import { useI18n, type I18n } from '../../i18n';
import { nationalityName } from '../../ui/countries';
import { LineChart, type MonthValue } from '../../ui/LineChart';
import { capitalise, comparisonSentence } from '../corridor/ComparisonSection';
import { addMonths, monthNumber, monthRange, yearOf } from '../corridor/months';
import { methodName, roundFigure } from '../corridor/projection';
import { CHART_MONTHS, type ReportData } from './report';

const TOP = 10;

/** A change from `before` to `now` as a signed percentage ("−34.6%"), or undefined without a base. */
function change(now: number, before: number | undefined, i18n: I18n): string | undefined {
  if (before === undefined || before === 0) return undefined;
  const ratio = (now - before) / before;
  return i18n.formatNumber(ratio, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
}

/** "34.6% fewer than in September 2023" / "12% more than in …" / "the same as in …". */
function changeWords(now: number, before: number, period: string, i18n: I18n): string {
  const ratio = (now - before) / before;
  const percent = i18n.formatNumber(Math.abs(ratio), { style: 'percent', maximumFractionDigits: 1 });
  if (Math.abs(ratio) < 0.0005) return i18n.t('report.change.same', { period });
  return i18n.t(ratio > 0 ? 'report.change.more' : 'report.change.fewer', { percent, period });
}

export function ReportBody({ data }: { data: ReportData }) {
  const i18n = useI18n();
  const { t, formatNumber, formatMonth, locale } = i18n;
  const { month } = data;
  const counts = useMemo(() => new Map(data.byMonth.rows.map((row) => [row.month, row.count])), [data]);
  const total = counts.get(month) ?? 0;
  const previousMonth = addMonths(month, -1);
  const yearEarlier = addMonths(month, -12);
  const previous = counts.get(previousMonth);
  const lastYear = counts.get(yearEarlier);
  const monthName = formatMonth(month);

  const sentences = [
    previous !== undefined && previous > 0 ? changeWords(total, previous, formatMonth(previousMonth), i18n) : undefined,
    lastYear !== undefined && lastYear > 0 ? changeWords(total, lastYear, formatMonth(yearEarlier), i18n) : undefined,
  ].filter((s): s is string => s !== undefined);

  const percent = (value: number) =>
    formatNumber(value / 100, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <>
      <section class="report__section" aria-labelledby="report-month-heading" data-testid="report-month">
        <h2 class="heading-l" id="report-month-heading">
          {t('report.month.title')}
        </h2>
        <p class="headline-figure">
          <span data-testid="report-total">{formatNumber(total)}</span> {t('report.month.people', { month: monthName })}
        </p>
        {sentences.length > 0 && (
          <p data-testid="report-change">
            {t('report.month.change', { changes: sentences.join(t('report.change.and')) })}
          </p>
        )}
        <table class="table table--report" data-testid="report-changes">
          <caption class="table__caption">{t('report.month.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.col.month')}</th>
              <th scope="col" class="numeric">
                {t('report.col.people')}
              </th>
              <th scope="col" class="numeric">
                {t('report.col.change', { month: monthName })}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{capitalise(monthName, locale)}</th>
              <td class="numeric">{formatNumber(total)}</td>
              <td class="numeric">–</td>
            </tr>
            {[
              { key: previousMonth, label: capitalise(t('report.row.previousMonth', { month: formatMonth(previousMonth) }), locale), value: previous },
              { key: yearEarlier, label: capitalise(t('report.row.yearEarlier', { month: formatMonth(yearEarlier) }), locale), value: lastYear },
            ].map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td class="numeric">{row.value === undefined ? t('report.noFigure') : formatNumber(row.value)}</td>
                <td class="numeric">{change(total, row.value, i18n) ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section class="report__section" aria-labelledby="report-ytd-heading">
        <h2 class="heading-l" id="report-ytd-heading">
          {t('report.ytd.title')}
        </h2>
        <p class="headline-figure" data-testid="report-ytd">
          {comparisonSentence(data.yearToDate, i18n)}
        </p>
      </section>

      <NationalitiesPart data={data} percent={percent} />
      <AgePart data={data} percent={percent} />

      <section class="report__section report__section--chart" aria-labelledby="report-chart-heading">
        <h2 class="heading-l" id="report-chart-heading">
          {t('report.chart.title')}
        </h2>
        <SeriesFigure data={data} counts={counts} />
      </section>

      {data.projection && <ProjectionPart data={data} />}

      <footer class="report__footer">
        <p class="source" data-testid="report-source">
          {t('overview.source')}
        </p>
        <p class="source">{t('report.sourceNote')}</p>
      </footer>
    </>
  );
}

function NationalitiesPart({ data, percent }: { data: ReportData; percent: (value: number) => string }) {
  const { t, formatNumber, formatMonth, locale } = useI18n();
  const rows = useMemo(
    () =>
      [...data.nationalities.rows]
        .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality))
        .slice(0, TOP),
    [data],
  );
  const first = rows[0];
  return (
    <section class="report__section" aria-labelledby="report-nationality-heading">
      <h2 class="heading-l" id="report-nationality-heading">
        {t('report.nationality.title', { n: Math.min(TOP, rows.length) || TOP })}
      </h2>
      {first ? (
        <>
          <p data-testid="report-top-nationality">
            {t('report.nationality.first', {
              name: nationalityName(first.nationality, locale, t),
              count: formatNumber(first.count),
              share: percent(first.share_percent),
              month: formatMonth(data.month),
            })}
          </p>
          <table class="table table--report" data-testid="report-nationalities">
            <caption class="table__caption">{t('report.nationality.caption', { month: formatMonth(data.month) })}</caption>
            <thead>
              <tr>
                <th scope="col" class="numeric">
                  {t('overview.col.rank')}
                </th>
                <th scope="col">{t('overview.col.nationality')}</th>
                <th scope="col" class="numeric">
                  {t('report.col.people')}
                </th>
                <th scope="col" class="numeric">
                  {t('report.col.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={row.nationality} data-iso3={row.nationality}>
                  <th scope="row" class="numeric">
                    {index + 1}
                  </th>
                  <td>{nationalityName(row.nationality, locale, t)}</td>
                  <td class="numeric">{formatNumber(row.count)}</td>
                  <td class="numeric">{percent(row.share_percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p>{t('report.nationality.none')}</p>
      )}
    </section>
  );
}

function AgePart({ data, percent }: { data: ReportData; percent: (value: number) => string }) {
  const { t, formatNumber, formatMonth } = useI18n();
  const cube = data.ageGroups;
  const count = (group: string) => cube?.rows.find((row) => row.age_group === group);
  const children = count('child');
  const adults = count('adult');
  const known = children !== undefined || adults !== undefined;
  return (
    <section class="report__section" aria-labelledby="report-age-heading" data-testid="report-age">
      <h2 class="heading-l" id="report-age-heading">
        {t('report.age.title')}
      </h2>
      {known ? (
        <>
          <p>
            {t('report.age.sentence', {
              children: formatNumber(children?.count ?? 0),
              childShare: percent(children?.share_percent ?? 0),
              adults: formatNumber(adults?.count ?? 0),
              adultShare: percent(adults?.share_percent ?? 0),
              month: formatMonth(data.month),
            })}
          </p>
          <table class="table table--report" data-testid="report-age-table">
            <caption class="table__caption">{t('report.age.caption', { month: formatMonth(data.month) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.group')}</th>
                <th scope="col" class="numeric">
                  {t('report.col.people')}
                </th>
                <th scope="col" class="numeric">
                  {t('report.col.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {[
                { key: 'child', label: t('corridor.col.children'), row: children },
                { key: 'adult', label: t('corridor.col.adults'), row: adults },
                { key: 'unknown', label: t('corridor.col.notSeparated'), row: count('unknown') },
              ]
                .filter((item) => item.row !== undefined)
                .map((item) => (
                  <tr key={item.key}>
                    <th scope="row">{item.label}</th>
                    <td class="numeric">{formatNumber(item.row!.count)}</td>
                    <td class="numeric">{percent(item.row!.share_percent)}</td>
                  </tr>
                ))}
              <tr class="table__total">
                <th scope="row">{t('corridor.col.total')}</th>
                <td class="numeric">{formatNumber(cube!.total)}</td>
                <td class="numeric">{percent(100)}</td>
              </tr>
            </tbody>
          </table>
          <p class="hint">{t('report.age.tableNote')}</p>
        </>
      ) : (
        <p>{cube === null || cube.rows.length === 0 ? t('report.age.noTable') : t('report.age.notSeparated')}</p>
      )}
    </section>
  );
}

function SeriesFigure({ data, counts }: { data: ReportData; counts: Map<string, number> }) {
  const { t, formatNumber, formatMonth } = useI18n();
  const points = useMemo<MonthValue[]>(() => {
    const months = monthRange(addMonths(data.month, -(CHART_MONTHS - 1)), data.month);
    // Months before the monthly figures begin are left out, not drawn as 0.
    const first = months.findIndex((m) => counts.has(m));
    return months.slice(Math.max(first, 0)).map((m) => ({ month: m, value: counts.get(m) ?? null }));
  }, [data, counts]);
  const format = useMemo(() => (value: number) => formatNumber(value), [formatNumber]);
  const known = points.filter((p): p is { month: string; value: number } => p.value !== null);
  if (known.length === 0) return null;
  const peak = known.reduce((top, p) => (p.value > top.value ? p : top), known[0]!);
  const last = known[known.length - 1]!;
  return (
    <figure class="figure">
      <figcaption class="figure__caption" data-testid="report-chart-summary">
        {t('overview.chart.summary', {
          from: formatMonth(points[0]!.month),
          to: formatMonth(last.month),
          peakMonth: formatMonth(peak.month),
          peak: formatNumber(peak.value),
          lastMonth: formatMonth(last.month),
          last: formatNumber(last.value),
        })}
      </figcaption>
      <LineChart points={points} label={t('overview.chart.transits')} format={format} testId="report-chart" />
    </figure>
  );
}

function ProjectionPart({ data }: { data: ReportData }) {
  const i18n = useI18n();
  const { t, formatNumber, formatMonth, locale } = i18n;
  const projection = data.projection!;
  const { recommended } = projection;
  const method = methodName(recommended.method, i18n, monthNumber(projection.cutoff));
  return (
    <section class="report__section" aria-labelledby="report-projection-heading">
      <h2 class="heading-l" id="report-projection-heading">
        {t('report.projection.title', { year: yearOf(data.month) })}
      </h2>
      <p data-testid="report-projection">
        {t('report.projection.sentence', {
          year: projection.year,
          point: formatNumber(roundFigure(recommended.point)),
          low: formatNumber(roundFigure(recommended.low80)),
          high: formatNumber(roundFigure(recommended.high80)),
          method: method.charAt(0).toLocaleLowerCase(locale) + method.slice(1),
          month: formatMonth(projection.cutoff),
        })}
      </p>
    </section>
  );
}
