// One entity of the intelligence graph (`#/entity/42`): what it is, its links
// grouped by type with the evidence of each (source record, dates,
// confidence, who entered it), its measures in the whole network, why it
// ranks as a key player with the suggested rewards tiers, the cases it
// belongs to that the reader may open, and the tips those cases hold. The
// entity-resolution pages live under `#/entities`; this is the graph's.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import { LINK_TYPES, type EntityCase, type IntelEntityDetail, type IntelLink, type KeyPlayer, type NodeMeasures } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { type MessageKey, useI18n } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { KeyPlayerReasons } from '../network/KeyPlayerReasons';

function entityInHash(): number | undefined {
  const match = /^#\/entity\/(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

function LinksOfType({ entity, type, links }: { entity: number; type: string; links: IntelLink[] }) {
  const { t, formatNumber } = useI18n();
  return (
    <div class="table-wrap">
      <table class="table" data-testid={`links-${type}`}>
        <caption class="table__caption">{`${t(`network.type.${type}` as MessageKey)} (${formatNumber(links.length)})`}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.other')}</th>
            <th scope="col">{t('network.source')}</th>
            <th scope="col">{t('entity.period')}</th>
            <th scope="col" class="numeric">{t('network.confidence')}</th>
            <th scope="col">{t('network.enteredBy')}</th>
            <th scope="col">{t('entity.details')}</th>
          </tr>
        </thead>
        <tbody>
          {links.map((l) => {
            const other = l.source.id === entity ? l.target : l.source;
            const dates = l.date_from ? (l.date_to && l.date_to !== l.date_from ? `${l.date_from} – ${l.date_to}` : l.date_from) : t('entity.undated');
            return (
              <tr key={l.id}>
                <td>
                  <a href={`#/entity/${other.id}`}>{other.label}</a> ({t(`network.kind.${other.kind}` as MessageKey)})
                </td>
                <td>
                  <code>{l.source_record}</code>
                </td>
                <td>{dates}</td>
                <td class="numeric">{formatNumber(l.confidence, { style: 'percent' })}</td>
                <td>{l.entered_by}</td>
                <td>
                  {[
                    l.count > 1 ? t('entity.times', { n: formatNumber(l.count) }) : '',
                    l.amount_cents !== null ? `${formatNumber(l.amount_cents / 100)} ${l.currency ?? ''}` : '',
                    l.note,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Cases({ cases }: { cases: EntityCase[] }) {
  const { t, formatNumber } = useI18n();
  const tips = cases.flatMap((c) => c.tips.map((tip) => ({ tip, case: c })));
  return (
    <>
      <section class="section" aria-labelledby="entity-cases-heading" data-testid="entity-cases">
        <h2 class="heading-m" id="entity-cases-heading">
          {t('entity.cases')}
        </h2>
        {cases.length === 0 ? (
          <p>{t('entity.noCases')}</p>
        ) : (
          <ul>
            {cases.map((c) => (
              <li key={c.id}>
                <a href={`#/cases/${c.id}`}>{c.title}</a> ({c.agency}, {c.country}, {t(`cases.status.${c.status}` as MessageKey)})
                {c.events.length > 0 && (
                  <ul class="hint">
                    {c.events.map((e) => (
                      <li key={e.id}>{`${e.date} · ${e.kind} · ${e.agency} (${e.country})`}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="section" aria-labelledby="entity-tips-heading" data-testid="entity-tips">
        <h2 class="heading-m" id="entity-tips-heading">
          {t('entity.tips')}
        </h2>
        {tips.length === 0 ? (
          <p>{t('entity.noTips')}</p>
        ) : (
          <ul>
            {tips.map(({ tip, case: c }) => (
              <li key={`${c.id}-${tip}`}>{t('entity.tipInCase', { tip: formatNumber(tip, { useGrouping: false }), title: c.title })}</li>
            ))}
          </ul>
        )}
        <p class="hint">{t('entity.tipsHint')}</p>
      </section>
    </>
  );
}

export function EntityPage({ me }: PageProps) {
  const { t, formatNumber } = useI18n();
  const route = useRoute();
  const [id, setId] = useState(entityInHash);
  const [detail, setDetail] = useState<IntelEntityDetail>();
  const [measures, setMeasures] = useState<NodeMeasures>();
  const [player, setPlayer] = useState<KeyPlayer | null>();
  const [cases, setCases] = useState<EntityCase[]>();
  const [error, setError] = useState<string>();
  const readsCases = me.permissions.includes('cases.read');

  useEffect(() => {
    const update = () => setId(entityInHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [route]);

  useEffect(() => {
    setDetail(undefined);
    setMeasures(undefined);
    setPlayer(undefined);
    setCases(undefined);
    setError(undefined);
    if (id === undefined) return;
    const problem = (e: unknown) => setError(e instanceof ApiError ? e.message : t('errors.unreachable'));
    api.intelEntity(id).then(setDetail).catch(problem);
    api
      .analysis([id])
      .then((a) => setMeasures(a.nodes[0]))
      .catch(() => setMeasures(undefined));
    api
      .keyPlayer(id)
      .then((k) => setPlayer(k.players[0] ?? null))
      .catch(() => setPlayer(null));
    if (readsCases) {
      api
        .casesOfEntity(id)
        .then((c) => setCases(c.cases))
        .catch(() => setCases([]));
    }
  }, [id, readsCases, t]);

  if (id === undefined) {
    return (
      <>
        <PageHeading title={t('entity.title')} />
        <p>
          <a href="#/network">{t('entity.findInNetwork')}</a>
        </p>
      </>
    );
  }
  if (error) {
    return (
      <>
        <PageHeading title={t('entity.title')} />
        <Notice kind="error" title={error} />
        <p>
          <a href="#/network">{t('entity.findInNetwork')}</a>
        </p>
      </>
    );
  }
  if (!detail) return <Loading />;

  const e = detail.entity;
  const byType = LINK_TYPES.map((type) => ({ type, links: detail.links.filter((l) => l.type === type) })).filter((g) => g.links.length > 0);
  // The player's entry is its owner's when the entity is a phone or account attributed to someone.
  const ownEntry = player && player.entity.id === e.id ? player : undefined;
  return (
    <>
      <PageHeading title={e.label} lead={t('entity.lead', { kind: t(`network.kind.${e.kind}` as MessageKey), id: e.id })} />
      <p>
        <a href={`#/network/${e.id}`} data-testid="back-to-network">
          {t('entity.showInNetwork')}
        </a>
      </p>
      <section class="section" aria-labelledby="entity-about-heading">
        <h2 class="heading-m" id="entity-about-heading">
          {t('entity.about')}
        </h2>
        <dl class="summary-list" data-testid="entity-attributes">
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('entity.kind')}</dt>
            <dd class="summary-list__value">{t(`network.kind.${e.kind}` as MessageKey)}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('entity.name')}</dt>
            <dd class="summary-list__value">{e.label_hidden ? t('entity.nameHidden') : e.label}</dd>
          </div>
          {e.person_entity_id !== null && (
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('entity.resolved')}</dt>
              <dd class="summary-list__value">{e.person_entity_id}</dd>
            </div>
          )}
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('entity.enteredBy')}</dt>
            <dd class="summary-list__value">{e.created_by}</dd>
          </div>
        </dl>
      </section>
      {measures && (
        <section class="section" aria-labelledby="entity-measures-heading">
          <h2 class="heading-m" id="entity-measures-heading">
            {t('entity.measures')}
          </h2>
          <dl class="summary-list" data-testid="entity-measures">
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('network.measure.degree')}</dt>
              <dd class="summary-list__value">{formatNumber(measures.degree)}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('network.measure.betweenness')}</dt>
              <dd class="summary-list__value">{formatNumber(measures.betweenness, { maximumFractionDigits: 3 })}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('network.measure.pagerank')}</dt>
              <dd class="summary-list__value">{formatNumber(measures.pagerank, { maximumFractionDigits: 3 })}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('entity.community')}</dt>
              <dd class="summary-list__value">{formatNumber(measures.community + 1)}</dd>
            </div>
          </dl>
        </section>
      )}
      <section class="section" aria-labelledby="entity-player-heading" data-testid="entity-key-player">
        <h2 class="heading-m" id="entity-player-heading">
          {t('network.keyPlayers')}
        </h2>
        {player === undefined && <Loading />}
        {player === null && <p>{t('entity.notRanked')}</p>}
        {player && !ownEntry && (
          <p>
            {t('entity.rankedAsOwner')} <a href={`#/entity/${player.entity.id}`}>{player.entity.label}</a>
          </p>
        )}
        {player && (
          <>
            <p>{t('entity.rank', { rank: formatNumber(player.rank), score: formatNumber(player.score, { maximumFractionDigits: 2 }) })}</p>
            <KeyPlayerReasons player={player} />
            {player.suggested_tiers.length > 0 && (
              <p data-testid="entity-tiers">
                {player.suggested_tiers.map((tier) => (
                  <span key={tier} class="tag tag--grey">
                    {t('network.suggestedTier', { tier })}
                  </span>
                ))}
              </p>
            )}
            <p class="hint">{t('network.tiersAreSuggestions')}</p>
          </>
        )}
      </section>
      <section class="section" aria-labelledby="entity-links-heading" data-testid="entity-links">
        <h2 class="heading-m" id="entity-links-heading">
          {t('entity.links')}
        </h2>
        <p>{t('network.linkCount', { n: formatNumber(detail.link_count) })}</p>
        {byType.map((g) => (
          <LinksOfType key={g.type} entity={e.id} type={g.type} links={g.links} />
        ))}
      </section>
      {readsCases && cases && <Cases cases={cases} />}
    </>
  );
}
