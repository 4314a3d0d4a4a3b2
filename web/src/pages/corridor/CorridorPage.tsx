// Corridor: the flow through the Darién as an official would brief it. The
// same months against last year, who is crossing, how many are children, the
// year-end projection with its error told, and where the route runs. Every
// figure comes from the server; the page computes only shares and sums.

import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { ChildrenSection } from './ChildrenSection';
import { ComparisonSection } from './ComparisonSection';
import { coverage, type Coverage } from './months';
import { NationalitySection } from './NationalitySection';
import { problemText } from './problem';
import { ProjectionSection } from './ProjectionSection';
import { RouteMapSection } from './RouteMapSection';

type Data = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; coverage: Coverage };

export function CorridorPage(_: PageProps) {
  const { t } = useI18n();
  const [data, setData] = useState<Data>({ state: 'loading' });

  useEffect(() => {
    let live = true;
    Promise.all([api.stats({ by: ['month'] }), api.transitsYearly()])
      .then(([byMonth, yearly]) => live && setData({ state: 'ready', coverage: coverage(byMonth, yearly) }))
      .catch((error: unknown) => live && setData({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
    // The figures do not depend on the language: load them once.
  }, []);

  return (
    <>
      <PageHeading title={t('corridor.title')} lead={t('corridor.lead')} />
      {data.state === 'loading' && <Loading />}
      {data.state === 'failed' && (
        <Notice kind="error" title={t('corridor.loadFailed')}>
          <p>{data.message}</p>
        </Notice>
      )}
      {data.state === 'ready' && data.coverage.months.length === 0 && (
        <Notice kind="info" title={t('overview.empty.title')}>
          <p>{t('overview.empty.body')}</p>
        </Notice>
      )}
      {data.state === 'ready' && data.coverage.months.length > 0 && (
        <>
          <ComparisonSection coverage={data.coverage} />
          <NationalitySection coverage={data.coverage} />
          <ChildrenSection coverage={data.coverage} />
          <ProjectionSection coverage={data.coverage} />
        </>
      )}
      <RouteMapSection />
    </>
  );
}
