// Cases (`#/cases`, `#/cases/7` for case 7): the cases the user may open, a
// form to open one, and a case's members, entities, events and figures. The
// figures (arrests and convictions by period, agency and country) are shown
// to every role that may read them, commanders included; a user who is not a
// member of a case is told whom to ask.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { CaseDetail, CaseFigures, CaseSummary } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { type MessageKey, useI18n } from '../../i18n';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

function caseInHash(): number | undefined {
  const match = /^#\/cases\/(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

function Figures() {
  const { t, formatNumber } = useI18n();
  const [figures, setFigures] = useState<CaseFigures>();
  useEffect(() => {
    api.caseFigures().then(setFigures).catch(() => setFigures(undefined));
  }, []);
  if (!figures) return null;
  return (
    <section class="section" aria-labelledby="figures-heading">
      <h2 class="heading-m" id="figures-heading">
        {t('cases.figures')}
      </h2>
      <p data-testid="figures-total">{t('cases.figuresTotal', { arrests: formatNumber(figures.arrests), convictions: formatNumber(figures.convictions) })}</p>
      <div class="table-wrap">
        <table class="table" data-testid="figures">
          <caption class="table__caption visually-hidden">{t('cases.figures')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.period')}</th>
              <th scope="col">{t('cases.agency')}</th>
              <th scope="col">{t('cases.country')}</th>
              <th scope="col" class="table__numeric">{t('cases.arrests')}</th>
              <th scope="col" class="table__numeric">{t('cases.convictions')}</th>
            </tr>
          </thead>
          <tbody>
            {figures.rows.map((r) => (
              <tr key={`${r.period}-${r.agency}-${r.country}`}>
                <td>{r.period}</td>
                <td>{r.agency}</td>
                <td>{r.country}</td>
                <td class="table__numeric">{formatNumber(r.arrests)}</td>
                <td class="table__numeric">{formatNumber(r.convictions)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function CaseView({ id }: { id: number }) {
  const { t } = useI18n();
  const [view, setView] = useState<CaseDetail>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setView(undefined);
    setError(undefined);
    api
      .caseDetail(id)
      .then(setView)
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [id]);
  if (error) return <Notice kind="error" title={error} />;
  if (!view) return null;
  return (
    <div data-testid="case">
      <h2 class="heading-l">{view.title}</h2>
      <p>
        {view.agency} · {view.country} · {t(`cases.status.${view.status}` as MessageKey)} · {t('cases.lead', { name: view.lead.display_name })}
      </p>
      <section class="section" aria-labelledby="members-heading">
        <h3 class="heading-m" id="members-heading">
          {t('cases.members')}
        </h3>
        <ul data-testid="case-members">
          {view.members.map((m) => (
            <li key={m.username}>{`${m.display_name} (${m.username}, ${m.agency})`}</li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="items-heading">
        <h3 class="heading-m" id="items-heading">
          {t('cases.items')}
        </h3>
        {view.items.length === 0 ? (
          <p>{t('cases.noItems')}</p>
        ) : (
          <ul data-testid="case-items">
            {view.items.map((i) => (
              <li key={`${i.kind}-${i.id}`}>
                {i.kind === 'entity' ? <a href={`#/network/${i.id}`}>{i.label}</a> : `${i.kind} ${i.id} ${i.label}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="section" aria-labelledby="events-heading">
        <h3 class="heading-m" id="events-heading">
          {t('cases.events')}
        </h3>
        {view.events.length === 0 ? (
          <p>{t('cases.noEvents')}</p>
        ) : (
          <ul data-testid="case-events">
            {view.events.map((e) => (
              <li key={e.id}>{`${e.date} · ${t(`cases.event.${e.kind}` as MessageKey)} · ${e.entity_label} · ${e.agency} (${e.country})`}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function NewCaseForm({ onCreated }: { onCreated: (id: number) => void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [agency, setAgency] = useState('');
  const [country, setCountry] = useState('PAN');
  const [error, setError] = useState<string>();
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      const { id } = await api.createCase({ title, agency, country });
      onCreated(id);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <form class="section" onSubmit={submit} aria-labelledby="new-case-heading">
      <h2 class="heading-m" id="new-case-heading">
        {t('cases.new')}
      </h2>
      {error && <Notice kind="error" title={error} />}
      <label class="label" for="case-title">
        {t('cases.title')}
      </label>
      <input id="case-title" class="input" value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <label class="label" for="case-agency">
        {t('cases.agency')}
      </label>
      <input id="case-agency" class="input" value={agency} onInput={(e) => setAgency(e.currentTarget.value)} />
      <label class="label" for="case-country">
        {t('cases.country')}
      </label>
      <input id="case-country" class="input input--half" value={country} onInput={(e) => setCountry(e.currentTarget.value.toUpperCase())} />
      <p>
        <button type="submit" class="button">
          {t('cases.open')}
        </button>
      </p>
    </form>
  );
}

export function CasesPage({ me }: PageProps) {
  const { t } = useI18n();
  const route = useRoute();
  const [id, setId] = useState(caseInHash);
  const [cases, setCases] = useState<CaseSummary[]>();
  const canRead = me.permissions.includes('cases.read');
  const load = useCallback(() => {
    if (canRead) api.cases().then((a) => setCases(a.cases)).catch(() => setCases([]));
  }, [canRead]);
  useEffect(load, [load]);
  useEffect(() => {
    const update = () => setId(caseInHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [route]);
  return (
    <>
      <PageHeading title={t('cases.heading')} lead={t('cases.lead.page')} />
      {id !== undefined && <CaseView id={id} />}
      {canRead && cases && (
        <section class="section" aria-labelledby="cases-heading">
          <h2 class="heading-m" id="cases-heading">
            {t('cases.yours')}
          </h2>
          {cases.length === 0 ? (
            <p>{t('cases.none')}</p>
          ) : (
            <ul data-testid="case-list">
              {cases.map((c) => (
                <li key={c.id}>
                  <a href={`#/cases/${c.id}`}>{c.title}</a> · {c.agency} · {c.country}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {me.permissions.includes('cases.manage') && (
        <NewCaseForm
          onCreated={(created) => {
            load();
            window.location.hash = `#/cases/${created}`;
          }}
        />
      )}
      <Figures />
    </>
  );
}
