// Registration at a reception station: the registrar's main page. One tab to
// register a group as it arrives, one to import registrations from a file.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client';
import type { Station } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { problemText } from '../corridor/problem';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationImport } from './RegistrationImport';

type Tab = 'form' | 'import';
const TABS: Tab[] = ['form', 'import'];

type Stations = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; stations: Station[] };

export function RegisterPage(_: PageProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('form');
  const [stations, setStations] = useState<Stations>({ state: 'loading' });
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ form: null, import: null });

  useEffect(() => {
    let live = true;
    api
      .stations()
      .then((answer) => live && setStations({ state: 'ready', stations: answer.stations.filter((s) => s.active) }))
      .catch((error: unknown) => live && setStations({ state: 'failed', message: problemText(error, t('errors.unreachable')) }));
    return () => {
      live = false;
    };
  }, []);

  // The tabs pattern: arrow keys move between tabs, Tab moves into the panel.
  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    let next: Tab | undefined;
    if (event.key === 'ArrowRight') next = TABS[(index + 1) % TABS.length];
    else if (event.key === 'ArrowLeft') next = TABS[(index + TABS.length - 1) % TABS.length];
    else if (event.key === 'Home') next = TABS[0];
    else if (event.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <>
      <PageHeading title={t('register.title')} lead={t('register.lead')} />
      <div class="tabs__list" role="tablist" aria-label={t('register.tabs.label')}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            class="tabs__tab"
            id={`tab-${name}`}
            aria-selected={tab === name ? 'true' : 'false'}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            data-testid={`tab-${name}`}
            ref={(element) => {
              tabRefs.current[name] = element;
            }}
            onClick={() => setTab(name)}
            onKeyDown={onTabKey}
          >
            {t(name === 'form' ? 'register.tabs.form' : 'register.tabs.import')}
          </button>
        ))}
      </div>
      {/* Both panels stay mounted, so a half-entered group survives a look at the other tab. */}
      <div class="tabs__panel" role="tabpanel" id="panel-form" aria-labelledby="tab-form" hidden={tab !== 'form'}>
        {stations.state === 'loading' && <Loading />}
        {stations.state === 'failed' && (
          <Notice kind="error" title={t('register.stationsFailed')}>
            <p>{stations.message}</p>
          </Notice>
        )}
        {stations.state === 'ready' && <RegistrationForm stations={stations.stations} />}
      </div>
      <div class="tabs__panel" role="tabpanel" id="panel-import" aria-labelledby="tab-import" hidden={tab !== 'import'}>
        <RegistrationImport />
      </div>
    </>
  );
}
