// Entities: one real person behind several records. Without an id in the
// address (`#/entities`), the review queue of uncertain pairs, where a
// reviewer says "same person" or "different people"; with one
// (`#/entities/42`), the entity's records, what links them and its history.
// Every read of identities here is audited by the server.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { Entity, PersonSummary, ReviewPair } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { Waterfall } from '../../ui/Waterfall';

function entityIdInHash(): number | undefined {
  const match = /^#\/entities\/(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

function useEntityId(): number | undefined {
  const route = useRoute();
  const [id, setId] = useState(entityIdInHash);
  useEffect(() => {
    const update = () => setId(entityIdInHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [route]);
  return id;
}

function PersonLine({ person }: { person: PersonSummary }) {
  const { t, formatDay } = useI18n();
  return (
    <dl class="person-line">
      <dt>{t('entities.name')}</dt>
      <dd>{`${person.given_names} ${person.family_names}`}</dd>
      <dt>{t('entities.birth')}</dt>
      <dd>{person.birth_date ? formatDay(person.birth_date) : person.estimated_age !== null ? `~${person.estimated_age}` : '—'}</dd>
      <dt>{t('entities.nationality')}</dt>
      <dd>{person.nationality || '—'}</dd>
      <dt>{t('entities.document')}</dt>
      <dd>{person.document_number ? `${person.document_type} ${person.document_country} ${person.document_number}` : '—'}</dd>
      <dt>{t('entities.phone')}</dt>
      <dd>{person.phone || '—'}</dd>
      <dt>{t('entities.registered')}</dt>
      <dd>{`${person.station}, ${formatDay(person.registered_on)}`}</dd>
    </dl>
  );
}

function EntityView({ id }: { id: number }) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const [state, setState] = useState<{ entity?: Entity; error?: string }>({});
  useEffect(() => {
    setState({});
    api
      .entity(id)
      .then((entity) => setState({ entity }))
      .catch((error: unknown) =>
        setState({ error: error instanceof ApiError && error.status === 404 ? t('entities.notFound', { id }) : String(error) }),
      );
  }, [id, t]);
  if (state.error) return <Notice kind="error" title={state.error} />;
  const entity = state.entity;
  if (!entity) return <Loading />;
  return (
    <>
      <PageHeading title={t('entities.entityTitle', { id: entity.id })} lead={t('entities.entityIntro')} />
      <p>
        <a href="#/entities">{t('entities.backToQueue')}</a>
      </p>
      <section class="section" aria-labelledby="records-heading">
        <h2 class="heading-l" id="records-heading">
          {t('entities.records', { n: entity.records.length })}
        </h2>
        <ol class="record-list" data-testid="entity-records">
          {entity.records.map((r) => (
            <li key={r.record_id} class="record-list__item">
              <p class="record-list__id">
                <code>{r.record_id}</code>{' '}
                {r.linked_to ? (
                  <span class="tag tag--grey">
                    {t('entities.joinedBy', {
                      record: r.linked_to,
                      p: formatNumber(r.probability, { style: 'percent', maximumFractionDigits: 1 }),
                    })}
                  </span>
                ) : null}
              </p>
              {r.person && <PersonLine person={r.person} />}
            </li>
          ))}
        </ol>
      </section>
      {entity.links.length > 0 && (
        <section class="section" aria-labelledby="links-heading">
          <h2 class="heading-l" id="links-heading">
            {t('entities.links')}
          </h2>
          {entity.links.map((link, i) => (
            <div key={`${link.record_a}~${link.record_b}`} class="link-why">
              <h3 class="heading-s">
                <code>{link.record_a}</code> ~ <code>{link.record_b}</code>
              </h3>
              <Waterfall pair={link} testId={`link-${i}`} />
            </div>
          ))}
        </section>
      )}
      <section class="section" aria-labelledby="history-heading">
        <h2 class="heading-l" id="history-heading">
          {t('entities.history')}
        </h2>
        {entity.history.length === 0 ? (
          <p>{t('entities.noHistory')}</p>
        ) : (
          <ul data-testid="entity-history">
            {entity.history.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)} · <strong>{e.kind}</strong> · {e.actor} · <code>{e.records}</code>
                {e.reason ? ` · ${e.reason}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function ReviewQueue() {
  const { t } = useI18n();
  const [pairs, setPairs] = useState<ReviewPair[] | undefined>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const load = useCallback(() => {
    api
      .reviewQueue(20)
      .then((answer) => setPairs(answer.pairs))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  useEffect(load, [load]);

  const decide = async (pair: ReviewPair, decision: 'same' | 'different') => {
    try {
      const answer = await api.decide({ decision, record_a: pair.why.record_a, record_b: pair.why.record_b });
      setDone(
        decision === 'same'
          ? t('entities.decidedSame', { id: answer.entities[0] ?? 0 })
          : t('entities.decidedDifferent'),
      );
      load();
    } catch (e: unknown) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeading title={t('entities.title')} lead={t('entities.intro')} />
      {error && <Notice kind="error" title={error} />}
      {done && <Notice kind="success" title={done} testId="review-done" />}
      {!pairs && !error && <Loading />}
      {pairs && pairs.length === 0 && <p data-testid="review-empty">{t('entities.queueEmpty')}</p>}
      {pairs && pairs.length > 0 && (
        <ol class="review-list" data-testid="review-queue">
          {pairs.map((pair) => (
            <li key={`${pair.why.record_a}~${pair.why.record_b}`} class="review-pair">
              <div class="review-pair__people">
                {[pair.person_a, pair.person_b].map((person, i) => (
                  <div key={i} class="review-pair__person">
                    <p>
                      <code>{i === 0 ? pair.why.record_a : pair.why.record_b}</code>
                    </p>
                    {person && <PersonLine person={person} />}
                  </div>
                ))}
              </div>
              <Waterfall pair={pair.why} />
              <div class="button-group">
                <button type="button" class="button" onClick={() => void decide(pair, 'same')}>
                  {t('entities.same')}
                </button>
                <button type="button" class="button button--secondary" onClick={() => void decide(pair, 'different')}>
                  {t('entities.different')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function EntitiesPage(_props: PageProps) {
  const id = useEntityId();
  return id === undefined ? <ReviewQueue /> : <EntityView id={id} />;
}
