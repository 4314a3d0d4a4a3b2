// Screening figures as a table: screenings, hits, claims, claim decisions,
// returns decided and executed, and returns stopped by a safeguard, by
// nationality and month (counts only, no names), for a period of months.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { ScreeningFigure } from '../../api/types';
import { type MessageKey, useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** "decisions:recognised" → its words; "stopped:claim_pending" → "Returns stopped: a claim is pending". */
function useMeasureName() {
  const { t } = useI18n();
  return (measure: string) => {
    const [kind, detail] = measure.split(':') as [string, string | undefined];
    const base = t(`screening.measure.${kind}` as MessageKey);
    if (!detail) return base;
    const words = kind === 'decisions' ? t(`screening.claimStatus.${detail}` as MessageKey) : t(`screening.safeguard.${detail}` as MessageKey);
    return `${base}: ${words}`;
  };
}

export function ScreeningFigures() {
  const { t, formatNumber } = useI18n();
  const measureName = useMeasureName();
  const [from, setFrom] = useState('2000-01');
  const [to, setTo] = useState('2100-12');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [rows, setRows] = useState<ScreeningFigure[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    const bad: { from?: string; to?: string } = {};
    if (!MONTH.test(from)) bad.from = t('screening.figuresMonthError');
    if (!MONTH.test(to)) bad.to = t('screening.figuresMonthError');
    setErrors(bad);
    if (bad.from || bad.to) return;
    setProblem(null);
    api
      .screeningFigures(from, to)
      .then((answer) => setRows(answer.rows))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t('errors.unreachable')));
  };
  useEffect(load, []);
  const stopped = useMemo(() => (rows ?? []).filter((r) => r.measure.startsWith('stopped:')).reduce((n, r) => n + r.count, 0), [rows]);
  return (
    <section class="section" aria-labelledby="figures-heading" data-testid="screening-figures">
      <h2 class="heading-l" id="figures-heading">{t('screening.figuresTitle')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          load();
        }}
      >
        <TextField id="figures-from" label={t('screening.figuresFrom')} hint={t('screening.figuresMonthHint')} value={from} onInput={setFrom} error={errors.from} width="short" />
        <TextField id="figures-to" label={t('screening.figuresTo')} hint={t('screening.figuresMonthHint')} value={to} onInput={setTo} error={errors.to} width="short" />
        <button type="submit" class="button button--secondary" data-testid="figures-show">{t('screening.figuresShow')}</button>
      </form>
      {problem && <Notice kind="error" title={problem} />}
      {rows && (
        <>
          <p data-testid="figures-stopped">{t('screening.figuresStopped', { count: formatNumber(stopped) })}</p>
          <DataTable
            caption={t('screening.figuresCaption')}
            testId="figures-table"
            columns={[
              { key: 'measure', header: t('screening.figuresMeasure'), value: (r: ScreeningFigure) => measureName(r.measure) },
              { key: 'nationality', header: t('screening.figuresNationality'), value: (r: ScreeningFigure) => r.nationality || '–' },
              { key: 'month', header: t('screening.figuresMonth'), value: (r: ScreeningFigure) => r.month },
              { key: 'count', header: t('screening.figuresCount'), value: (r: ScreeningFigure) => r.count, numeric: true },
            ]}
            rows={rows}
            rowKey={(r) => `${r.measure}|${r.nationality}|${r.month}`}
            exportName="screening-figures"
            emptyText={t('screening.figuresEmpty')}
          />
        </>
      )}
    </section>
  );
}
