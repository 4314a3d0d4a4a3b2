// The monthly report: one month of the official figures set out like a
// statistical bulletin, to read on screen or print (the stylesheet's
// `@media print` leaves out the navigation and the controls). The month is in
// the address (`#/report/2023-10`), so a report can be shared or bookmarked.

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { MonthSelect } from '../../ui/MonthSelect';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { coverage as coverageOf, type Coverage } from '../corridor/months';
import { problemText } from '../corridor/problem';
import { loadReport, type ReportData } from './report';
import { ReportBody } from './ReportBody';

type Months = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; coverage: Coverage };
type Report = { state: 'idle' } | { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; data: ReportData };

/** The month in the address (`#/report/2023-10`), if any. */
function monthInAddress(): string | undefined {
  return /^#\/report\/(\d{4}-\d{2})$/.exec(window.location.hash)?.[1];
}

export function ReportPage(_: PageProps) {
  const { t, formatMonth } = useI18n();
  const [months, setMonths] = useState<Months>({ state: 'loading' });
  const [chosen, setChosen] = useState('');
  const [asked, setAsked] = useState('');
  const [report, setReport] = useState<Report>({ state: 'idle' });

  useEffect(() => {
    let live = true;
    Promise.all([api.stats({ by: ['month'] }), api.transitsYearly()])
      .then(([byMonth, yearly]) => {
        if (!live) return;
        const found = coverageOf(byMonth, yearly);
        setMonths({ state: 'ready', coverage: found });
        const wanted = monthInAddress();
        const month = wanted && found.months.includes(wanted) ? wanted : found.months[found.months.length - 1];
        if (month) {
          setChosen(month);
          setAsked(month);
        }
      })
      .catch((error: unknown) => live && setMonths({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!asked) return undefined;
    let live = true;
    setReport({ state: 'loading' });
    loadReport(asked)
      .then((data) => live && setReport({ state: 'ready', data }))
      .catch((error: unknown) => live && setReport({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, [asked]);

  const show = (event: Event) => {
    event.preventDefault();
    setAsked(chosen);
    // The address names the month without a new history entry or a new page.
    history.replaceState(null, '', `#/report/${chosen}`);
  };

  const offered = useMemo(
    () => (months.state === 'ready' ? [...months.coverage.months].reverse() : []),
    [months],
  );
  const title = asked ? t('report.title', { month: formatMonth(asked) }) : t('report.titlePlain');

  return (
    <article class="report" data-testid="report">
      <p class="report__kicker">{t('report.kicker')}</p>
      <PageHeading title={title} />
      {months.state === 'loading' && <Loading />}
      {months.state === 'failed' && (
        <Notice kind="error" title={t('report.failed')}>
          <p>{months.message}</p>
        </Notice>
      )}
      {months.state === 'ready' && offered.length === 0 && (
        <Notice kind="info" title={t('overview.empty.title')}>
          <p>{t('overview.empty.body')}</p>
        </Notice>
      )}
      {months.state === 'ready' && offered.length > 0 && (
        <form class="controls report__controls no-print" onSubmit={show} noValidate>
          <MonthSelect id="report-month" label={t('report.month')} months={offered} value={chosen} onChange={setChosen} />
          <button type="submit" class="button" data-testid="report-submit">
            {t('report.show')}
          </button>
          <button type="button" class="button button--secondary" data-testid="report-print" onClick={() => window.print()}>
            {t('report.print')}
          </button>
        </form>
      )}
      <div aria-live="polite">
        {report.state === 'loading' && <Loading />}
        {report.state === 'failed' && (
          <Notice kind="error" title={t('report.failed')}>
            <p>{report.message}</p>
          </Notice>
        )}
      </div>
      {report.state === 'ready' && <ReportBody data={report.data} />}
    </article>
  );
}
