// The months from..to against the same months a year earlier, as the sentence
// an official would quote: "January – May 2023: 166,649 people, ×4.9 the same
// months of 2022 (33,819)".

import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PeriodComparison } from '../../api/types';
import { useI18n, type I18n } from '../../i18n';
import { ErrorSummary, errorFor, type FieldError } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Loading';
import { MonthSelect } from '../../ui/MonthSelect';
import { Notice } from '../../ui/Notice';
import { problemText } from './problem';
import { RegisteredSection } from './RegisteredSection';
import { makeMonth, monthsSpanned, toMonth, yearOf, type Coverage } from './months';

type Answer =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; comparison: PeriodComparison };

/** January to the last month with figures, of the latest year. */
export function latestYearToDate(coverage: Coverage): { from: string; to: string } {
  const last = coverage.months[coverage.months.length - 1]!;
  return { from: makeMonth(yearOf(last), 1), to: last };
}

export function ComparisonSection({ coverage }: { coverage: Coverage }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [from, setFrom] = useState(() => latestYearToDate(coverage).from);
  const [to, setTo] = useState(() => latestYearToDate(coverage).to);
  const [asked, setAsked] = useState(() => latestYearToDate(coverage));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [answer, setAnswer] = useState<Answer>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    setAnswer({ state: 'loading' });
    api
      .compare(asked.from, asked.to)
      .then((comparison) => live && setAnswer({ state: 'ready', comparison }))
      .catch((error: unknown) => live && setAnswer({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
    // `t` only words a failure; a new language needs no new figures.
  }, [asked]);

  const submit = (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (to < from) found.push({ field: 'compare-to', message: t('corridor.compare.errors.order') });
    else if (monthsSpanned(from, to) > 12) found.push({ field: 'compare-to', message: t('corridor.compare.errors.span') });
    setErrors(found);
    if (found.length === 0) setAsked({ from, to });
  };

  return (
    <>
      <section class="section" aria-labelledby="compare-heading" data-testid="comparison">
        <h2 class="heading-l" id="compare-heading">
          {t('corridor.compare.title')}
        </h2>
        <ErrorSummary errors={errors} />
        <p class="hint" id="compare-hint">
          {t('corridor.compare.hint')}
        </p>
        <form class="controls" onSubmit={submit} noValidate aria-describedby="compare-hint">
          <MonthSelect
            id="compare-from"
            label={t('corridor.from')}
            months={coverage.months}
            value={from}
            onChange={setFrom}
            error={errorFor(errors, 'compare-from')}
          />
          <MonthSelect
            id="compare-to"
            label={t('corridor.to')}
            months={coverage.months}
            value={to}
            onChange={setTo}
            error={errorFor(errors, 'compare-to')}
          />
          <button type="submit" class="button" data-testid="compare-submit">
            {t('corridor.compare.submit')}
          </button>
        </form>
        <div aria-live="polite">
          {answer.state === 'loading' && <Loading />}
          {answer.state === 'failed' && (
            <Notice kind="error" title={t('corridor.compare.failed')}>
              <p>{answer.message}</p>
            </Notice>
          )}
          {answer.state === 'ready' && (
            <p class="headline-figure" data-testid="comparison-sentence">
              {comparisonSentence(answer.comparison, i18n)}
            </p>
          )}
        </div>
        <p class="source">{t('overview.source')}</p>
      </section>
      {/* The same months, counted at the stations: beside the official total, never added to it. */}
      <RegisteredSection
        period={asked}
        official={answer.state === 'ready' ? answer.comparison.current.total : undefined}
      />
    </>
  );
}

/** The sentence's first letter in capitals: Spanish month names are written in lower case. */
export function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** A ratio as "4.9" (one decimal), or with two significant digits below 1 ("0.021"). */
export function formatRatio(ratio: number, i18n: I18n): string {
  return ratio >= 1
    ? i18n.formatNumber(ratio, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    : i18n.formatNumber(ratio, { maximumSignificantDigits: 2 });
}

/** A change in percent (392.8) as "up 393%" / "down 42%" in words. */
function changeWords(changePercent: number, i18n: I18n): string {
  const size = Math.abs(changePercent) / 100;
  const percent = i18n.formatNumber(size, { style: 'percent', maximumFractionDigits: size < 0.1 ? 1 : 0 });
  if (size < 0.0005) return i18n.t('corridor.compare.same');
  return i18n.t(changePercent > 0 ? 'corridor.compare.up' : 'corridor.compare.down', { percent });
}

export function comparisonSentence(comparison: PeriodComparison, i18n: I18n): string {
  const { t, formatNumber, formatMonthRange, locale } = i18n;
  const { current, previous } = comparison;
  const period = capitalise(formatMonthRange(toMonth(current.from), toMonth(current.to)), locale);
  const previousFrom = toMonth(previous.from);
  const previousTo = toMonth(previous.to);
  const previousPeriod =
    yearOf(previousFrom) === yearOf(previousTo)
      ? t('corridor.compare.sameMonthsOf', { year: yearOf(previousFrom), previous: formatNumber(previous.total) })
      : t('corridor.compare.sameMonthsBefore', {
          period: formatMonthRange(previousFrom, previousTo),
          previous: formatNumber(previous.total),
        });
  if (comparison.ratio === null) {
    return t('corridor.compare.sentenceNoBase', { period, current: formatNumber(current.total) });
  }
  const change = comparison.change_percent === null ? '' : `, ${changeWords(comparison.change_percent, i18n)}`;
  return t('corridor.compare.sentence', {
    period,
    current: formatNumber(current.total),
    ratio: formatRatio(comparison.ratio, i18n),
    previousPeriod,
    change,
  });
}
