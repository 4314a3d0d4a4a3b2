// The network explorer (`#/network`, `#/network/42` to open entity 42): find
// an entity, load its neighbourhood, expand a neighbour with a click, filter
// the links by type and period, colour by community, size by a measure, find
// the shortest path between two entities, and read an entity's evidence (its
// links with where each was learnt). Names of people are shown only to users
// who may see them; the server masks them otherwise and audits every read.

import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import { LINK_TYPES, type GraphEdge, type GraphNode, type IntelEntity, type IntelEntityDetail, type KeyPlayer, type LinkFilter, type Disruption, type MoneyFlows, type SliceComparison } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { type MessageKey, useI18n } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { KeyPlayerReasons } from './KeyPlayerReasons';
import { NetworkGraph, edgeKey, type DrawnGraph, type SliceMark } from './NetworkGraph';

type SizeMeasure = 'degree' | 'pagerank' | 'betweenness';

function entityInHash(): number | undefined {
  const match = /^#\/network\/(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

function merge(graph: { nodes: GraphNode[]; edges: GraphEdge[] }, more: { nodes: GraphNode[]; edges: GraphEdge[] }) {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const n of more.nodes) nodes.set(n.id, n);
  const edges = new Map(graph.edges.map((e) => [edgeKey(e.source, e.target), e]));
  for (const e of more.edges) edges.set(edgeKey(e.source, e.target), e);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function Evidence({ detail }: { detail: IntelEntityDetail }) {
  const { t, formatNumber } = useI18n();
  return (
    <section class="section" aria-labelledby="evidence-heading" data-testid="evidence">
      <h2 class="heading-m" id="evidence-heading">
        {t('network.evidenceOf', { label: detail.entity.label, kind: t(`network.kind.${detail.entity.kind}` as MessageKey) })}
      </h2>
      <p>{t('network.linkCount', { n: formatNumber(detail.link_count) })}</p>
      <p>
        <a href={`#/entity/${detail.entity.id}`} data-testid="open-entity-page">
          {t('network.openEntityPage', { label: detail.entity.label })}
        </a>
      </p>
      <div class="table-wrap">
        <table class="table">
          <caption class="table__caption visually-hidden">{t('network.evidence')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('network.link')}</th>
              <th scope="col">{t('network.other')}</th>
              <th scope="col">{t('network.source')}</th>
              <th scope="col">{t('network.date')}</th>
              <th scope="col">{t('network.confidence')}</th>
              <th scope="col">{t('network.enteredBy')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.links.map((l) => {
              const other = l.source.id === detail.entity.id ? l.target : l.source;
              return (
                <tr key={l.id}>
                  <td>
                    {l.type}
                    {l.amount_cents !== null ? ` · ${formatNumber(l.amount_cents / 100)} ${l.currency ?? ''}` : ''}
                    {l.note ? ` · ${l.note}` : ''}
                  </td>
                  <td>
                    <a href={`#/network/${other.id}`}>{other.label}</a>
                  </td>
                  <td>
                    <code>{l.source_record}</code>
                  </td>
                  <td>{l.date_from ?? '—'}</td>
                  <td>{formatNumber(l.confidence, { style: 'percent' })}</td>
                  <td>{l.entered_by}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function KeyPlayers({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, formatNumber } = useI18n();
  const [players, setPlayers] = useState<KeyPlayer[]>();
  useEffect(() => {
    api.keyPlayers(10).then((a) => setPlayers(a.players)).catch(() => setPlayers([]));
  }, []);
  if (!players || players.length === 0) return null;
  return (
    <section class="section" aria-labelledby="key-players-heading">
      <h2 class="heading-m" id="key-players-heading">
        {t('network.keyPlayers')}
      </h2>
      <p class="hint">{t('network.tiersAreSuggestions')}</p>
      <ol data-testid="key-players">
        {players.map((p) => (
          <li key={p.entity.id}>
            <button type="button" class="link-button" onClick={() => onOpen(p.entity.id)}>
              {p.entity.label}
            </button>{' '}
            <a href={`#/entity/${p.entity.id}`}>{t('network.entityPage')}</a>{' '}
            ({formatNumber(p.score, { maximumFractionDigits: 2 })})
            {p.suggested_tiers.map((tier) => (
              <span key={tier} class="tag tag--grey">
                {t('network.suggestedTier', { tier })}
              </span>
            ))}
            <KeyPlayerReasons player={p} />
          </li>
        ))}
      </ol>
    </section>
  );
}

const PERIOD_FIELDS = ['from1', 'to1', 'from2', 'to2'] as const;
type PeriodField = (typeof PERIOD_FIELDS)[number];

/**
 * The network of one period against another: the drawn links and entities
 * marked new, gone or kept, and the change in neighbours and brokerage. With
 * nothing drawn, the largest changes in the whole network.
 */
function ComparePeriods({
  entities,
  types,
  onCompared,
}: {
  entities: number[];
  types: string | undefined;
  onCompared: (comparison: SliceComparison | undefined) => void;
}) {
  const { t, formatNumber } = useI18n();
  const [dates, setDates] = useState<Record<PeriodField, string>>({ from1: '', to1: '', from2: '', to2: '' });
  const [result, setResult] = useState<SliceComparison>();
  const [problems, setProblems] = useState<{ field?: PeriodField; message: string }[]>([]);

  const compare = async (event: Event) => {
    event.preventDefault();
    const missing = PERIOD_FIELDS.filter((f) => !dates[f]).map((f) => ({ field: f, message: t('network.compare.missing', { field: t(`network.compare.${f}`) }) }));
    const reversed = [
      ['from1', 'to1'],
      ['from2', 'to2'],
    ]
      .filter(([a, b]) => dates[a as PeriodField] && dates[b as PeriodField] && dates[b as PeriodField] < dates[a as PeriodField])
      .map(([, b]) => ({ field: b as PeriodField, message: t('network.compare.reversed') }));
    const found = [...missing, ...reversed];
    setProblems(found);
    if (found.length > 0) return;
    try {
      // Every entity drawn, and every link among them, whatever their number.
      const drawn = entities.length > 0 ? { entities: entities.join(','), limit: 5000 } : {};
      const answer = await api.slices({ ...dates, types, ...drawn });
      setResult(answer);
      onCompared(answer);
    } catch (e) {
      const message = e instanceof ApiError ? e.message : t('errors.unreachable');
      const field = PERIOD_FIELDS.find((f) => message.startsWith(f));
      setProblems([{ ...(field ? { field } : {}), message }]);
    }
  };

  const clear = () => {
    setResult(undefined);
    onCompared(undefined);
  };

  // The summary takes the focus when its list changes: the same list while typing.
  const summary = useMemo(
    () => problems.map((p) => ({ ...(p.field ? { field: `compare-${p.field}` } : {}), message: p.message })),
    [problems],
  );
  const statusText = (status: string) => t(`network.compare.status.${status}` as MessageKey);
  return (
    <form class="section" onSubmit={compare} aria-labelledby="compare-heading" noValidate>
      <h2 class="heading-m" id="compare-heading">
        {t('network.compare.title')}
      </h2>
      <p class="hint">{t('network.compare.lead')}</p>
      <ErrorSummary errors={summary} />
      <div class="button-group">
        {PERIOD_FIELDS.map((f) => {
          const problem = problems.find((p) => p.field === f);
          return (
            <Field key={f} id={`compare-${f}`} label={t(`network.compare.${f}`)} error={problem?.message}>
              {(describedBy) => (
                <input
                  id={`compare-${f}`}
                  class="input"
                  type="date"
                  value={dates[f]}
                  aria-describedby={describedBy}
                  aria-invalid={problem ? 'true' : undefined}
                  onChange={(e) => setDates({ ...dates, [f]: e.currentTarget.value })}
                />
              )}
            </Field>
          );
        })}
        <button type="submit" class="button button--secondary" data-testid="compare">
          {t('network.compare.run')}
        </button>
        {result && (
          <button type="button" class="button button--secondary" onClick={clear}>
            {t('network.compare.clear')}
          </button>
        )}
      </div>
      {result && (
        <>
          <p role="status" data-testid="compare-summary">
            {t('network.compare.summary', {
              linksNew: formatNumber(result.edges_new),
              linksGone: formatNumber(result.edges_gone),
              linksKept: formatNumber(result.edges_kept),
              entitiesNew: formatNumber(result.nodes_new),
              entitiesGone: formatNumber(result.nodes_gone),
              entitiesKept: formatNumber(result.nodes_kept),
            })}
          </p>
          <p class="hint">{t('network.compare.legend')}</p>
          <div class="table-wrap">
            <table class="table" data-testid="compare-table">
              <caption class="table__caption">{t('network.compare.caption', { from1: result.from1, to1: result.to1, from2: result.from2, to2: result.to2 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('network.compare.entity')}</th>
                  <th scope="col">{t('network.compare.status')}</th>
                  <th scope="col" class="numeric">{t('network.compare.degree')}</th>
                  <th scope="col" class="numeric">{t('network.compare.betweenness')}</th>
                </tr>
              </thead>
              <tbody>
                {result.nodes.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <a href={`#/entity/${n.id}`}>{n.label}</a>
                    </td>
                    <td>{statusText(n.status)}</td>
                    <td class="numeric">{`${formatNumber(n.degree_before)} → ${formatNumber(n.degree_after)}`}</td>
                    <td class="numeric">{`${formatNumber(n.betweenness_before, { maximumFractionDigits: 3 })} → ${formatNumber(n.betweenness_after, { maximumFractionDigits: 3 })}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {result.truncated && <p class="hint">{t('network.compare.truncated')}</p>}
        </>
      )}
    </form>
  );
}

const DISRUPT_MEASURES = ['betweenness', 'pagerank', 'degree', 'strength', 'closeness', 'kcore'] as const;

/** What would happen to the network of people if its top entities by a measure were removed. */
function DisruptionPanel({ onOpen }: { onOpen: (id: number) => void }) {
  const { t, formatNumber } = useI18n();
  const [by, setBy] = useState<(typeof DISRUPT_MEASURES)[number]>('betweenness');
  const [steps, setSteps] = useState('5');
  const [result, setResult] = useState<Disruption>();
  const [problem, setProblem] = useState<string>();
  const run = (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    api
      .disrupt(by, Number(steps) || 5)
      .then(setResult)
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t('errors.unreachable')));
  };
  return (
    <form class="section" onSubmit={run} aria-labelledby="disrupt-heading">
      <h2 class="heading-m" id="disrupt-heading">
        {t('network.disruptTitle')}
      </h2>
      <p class="hint">{t('network.disruptLead')}</p>
      <div class="button-group">
        <div>
          <label class="label" for="disrupt-by">
            {t('network.disruptBy')}
          </label>
          <select id="disrupt-by" class="input" value={by} onChange={(e) => setBy(e.currentTarget.value as typeof by)}>
            {DISRUPT_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`network.disruptMeasure.${m}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label class="label" for="disrupt-steps">
            {t('network.disruptSteps')}
          </label>
          <input id="disrupt-steps" class="input input--short" inputMode="numeric" value={steps} onInput={(e) => setSteps(e.currentTarget.value)} />
        </div>
        <button type="submit" class="button button--secondary" data-testid="disrupt">
          {t('network.disruptRun')}
        </button>
      </div>
      {problem && <Notice kind="error" title={problem} />}
      {result && (
        <div class="table-wrap">
          <table class="table" data-testid="disruption">
            <caption class="table__caption">{t('network.disruptStart', { n: formatNumber(result.initial_largest_group) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('network.disruptRemoved')}</th>
                <th scope="col" class="numeric">{t('network.disruptLargest')}</th>
                <th scope="col" class="numeric">{t('network.disruptGroups')}</th>
              </tr>
            </thead>
            <tbody>
              {result.steps.map((s) => (
                <tr key={s.removed.id}>
                  <td>
                    <button type="button" class="link-button" onClick={() => onOpen(s.removed.id)}>
                      {s.removed.label}
                    </button>
                  </td>
                  <td class="numeric">{formatNumber(s.largest_group)}</td>
                  <td class="numeric">{formatNumber(s.groups)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}

/** Money in and out of an account, or of a person with the accounts they own or use. */
function Flows({ entity }: { entity: number }) {
  const { t, formatNumber } = useI18n();
  const [flows, setFlows] = useState<MoneyFlows>();
  useEffect(() => {
    setFlows(undefined);
    api.flows(entity).then(setFlows).catch(() => setFlows(undefined));
  }, [entity]);
  if (!flows || (flows.amount_in_cents === 0 && flows.amount_out_cents === 0)) return null;
  const money = (cents: number) => `${formatNumber(cents / 100, { maximumFractionDigits: 0 })} ${flows.currency}`;
  return (
    <section class="section" aria-labelledby="flows-heading" data-testid="flows">
      <h3 class="heading-m" id="flows-heading">
        {t('network.flowsTitle')}
      </h3>
      <p>
        {t('network.flowsSummary', {
          in: money(flows.amount_in_cents),
          senders: formatNumber(flows.senders),
          out: money(flows.amount_out_cents),
          receivers: formatNumber(flows.receivers),
        })}
      </p>
      {[
        ['network.flowsFrom', flows.top_senders],
        ['network.flowsTo', flows.top_receivers],
      ].map(([title, list]) =>
        (list as MoneyFlows['top_senders']).length === 0 ? null : (
          <p key={title as string}>
            {t(title as MessageKey)}{' '}
            {(list as MoneyFlows['top_senders']).map((c, i) => (
              <span key={c.entity.id}>
                {i > 0 && ', '}
                <a href={`#/network/${c.entity.id}`}>{c.entity.label}</a> ({money(c.amount_cents)})
              </span>
            ))}
          </p>
        ),
      )}
    </section>
  );
}

export function NetworkPage(_: PageProps) {
  const { t } = useI18n();
  const route = useRoute();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<IntelEntity[]>();
  const [graph, setGraph] = useState<{ nodes: GraphNode[]; edges: GraphEdge[] }>({ nodes: [], edges: [] });
  const [centre, setCentre] = useState<number | undefined>(entityInHash);
  const [selected, setSelected] = useState<number>();
  const [detail, setDetail] = useState<IntelEntityDetail>();
  const [types, setTypes] = useState<Set<string>>(new Set());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [byCommunity, setByCommunity] = useState(false);
  const [sizeBy, setSizeBy] = useState<SizeMeasure>('degree');
  const [measures, setMeasures] = useState<{ size: Map<number, number>; community: Map<number, number> }>();
  const [pathFrom, setPathFrom] = useState('');
  const [pathTo, setPathTo] = useState('');
  const [path, setPath] = useState<DrawnGraph['path']>();
  const [message, setMessage] = useState<string>();
  const [comparison, setComparison] = useState<DrawnGraph['comparison']>();
  const [error, setError] = useState<string>();

  const filter = useMemo<LinkFilter>(
    () => ({ types: [...types].join(',') || undefined, from: from || undefined, to: to || undefined }),
    [types, from, to],
  );

  useEffect(() => {
    const update = () => setCentre(entityInHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [route]);

  const open = useCallback(
    (id: number, expand: boolean) => {
      setError(undefined);
      setSelected(id);
      api
        .neighbourhood(id, filter)
        .then((n) => setGraph((g) => (expand ? merge(g, n) : n)))
        .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
      api
        .intelEntity(id)
        .then(setDetail)
        .catch(() => setDetail(undefined));
    },
    [filter],
  );

  useEffect(() => {
    if (centre !== undefined) open(centre, false);
  }, [centre, open]);

  useEffect(() => {
    if (graph.nodes.length === 0) return;
    api
      .analysis(graph.nodes.map((n) => n.id))
      .then((a) =>
        setMeasures({
          size: new Map(a.nodes.map((n) => [n.id, n[sizeBy]])),
          community: new Map(a.nodes.map((n) => [n.id, n.community])),
        }),
      )
      .catch(() => setMeasures(undefined));
  }, [graph, sizeBy]);

  const drawn = useMemo<DrawnGraph>(
    () => ({
      nodes: graph.nodes,
      edges: graph.edges,
      size: measures?.size,
      community: byCommunity ? measures?.community : undefined,
      path,
      selected,
      comparison,
    }),
    [graph, measures, byCommunity, path, selected, comparison],
  );

  const search = async (event: Event) => {
    event.preventDefault();
    try {
      setFound((await api.intelEntities(query)).entities);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const findPath = async (event: Event) => {
    event.preventDefault();
    const a = Number(pathFrom);
    const b = Number(pathTo);
    if (!a || !b) return;
    try {
      const answer = await api.path(a, b, filter.types);
      const first = answer.paths[0];
      if (!first) {
        setPath(undefined);
        setMessage(t('network.noPath'));
        return;
      }
      setGraph((g) => merge(g, first));
      setPath({ nodes: new Set(first.nodes.map((n) => n.id)), edges: new Set(first.edges.map((e) => edgeKey(e.source, e.target))) });
      setMessage(t('network.pathFound', { hops: first.edges.length, via: first.nodes.map((n) => n.label).join(' → ') }));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const toggleType = (type: string) =>
    setTypes((current) => {
      const next = new Set(current);
      if (next.has(type)) next.delete(type);
      else next.add(type);
      return next;
    });

  return (
    <>
      <PageHeading title={t('network.title')} lead={t('network.lead')} />
      {error && <Notice kind="error" title={error} />}
      <form class="section" onSubmit={search} role="search">
        <label class="label" for="network-search">
          {t('network.search')}
        </label>
        <div class="button-group">
          <input id="network-search" class="input" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          <button type="submit" class="button">
            {t('network.find')}
          </button>
        </div>
        {found && (
          <ul data-testid="search-results">
            {found.length === 0 && <li>{t('network.nothingFound')}</li>}
            {found.map((e) => (
              <li key={e.id}>
                <a href={`#/network/${e.id}`}>{`${e.label} (${t(`network.kind.${e.kind}` as MessageKey)}, ${e.id})`}</a>
              </li>
            ))}
          </ul>
        )}
      </form>
      <div class="network-layout">
        <fieldset class="fieldset network-controls">
          <legend>{t('network.filters')}</legend>
          <div class="checkboxes checkboxes--small">
            {LINK_TYPES.map((type) => (
              <div class="checkbox" key={type}>
                <input class="checkbox__input" type="checkbox" id={`type-${type}`} checked={types.has(type)} onChange={() => toggleType(type)} />
                <label class="checkbox__label" for={`type-${type}`}>
                  {t(`network.type.${type}` as MessageKey)}
                </label>
              </div>
            ))}
          </div>
          <label class="label" for="network-from">
            {t('network.from')}
          </label>
          <input id="network-from" class="input" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <label class="label" for="network-to">
            {t('network.to')}
          </label>
          <input id="network-to" class="input" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <div class="checkbox">
            <input class="checkbox__input" type="checkbox" id="by-community" checked={byCommunity} onChange={() => setByCommunity(!byCommunity)} />
            <label class="checkbox__label" for="by-community">
              {t('network.colourByCommunity')}
            </label>
          </div>
          <label class="label" for="size-by">
            {t('network.sizeBy')}
          </label>
          <select id="size-by" class="input" value={sizeBy} onChange={(e) => setSizeBy(e.currentTarget.value as SizeMeasure)}>
            <option value="degree">{t('network.measure.degree')}</option>
            <option value="pagerank">{t('network.measure.pagerank')}</option>
            <option value="betweenness">{t('network.measure.betweenness')}</option>
          </select>
        </fieldset>
        <div>
          {graph.nodes.length === 0 ? (
            <p>{t('network.empty')}</p>
          ) : (
            <p class="hint">{t('network.clickToExpand')}</p>
          )}
          <NetworkGraph graph={drawn} onSelect={(id) => open(id, true)} label={t('network.drawing', { nodes: graph.nodes.length, edges: graph.edges.length })} />
          {graph.nodes.length > 0 && (
            <details class="section">
              <summary>{t('network.shownList', { n: graph.nodes.length })}</summary>
              <ul data-testid="drawn-nodes">
                {graph.nodes.map((n) => (
                  <li key={n.id}>
                    <button type="button" class="link-button" data-testid={`expand-${n.id}`} onClick={() => open(n.id, true)}>
                      {t('network.expand', { label: n.label, id: n.id })}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </div>
      <form class="section" onSubmit={findPath} aria-labelledby="path-heading">
        <h2 class="heading-m" id="path-heading">
          {t('network.pathTitle')}
        </h2>
        <div class="button-group">
          <div>
            <label class="label" for="path-from">
              {t('network.pathFrom')}
            </label>
            <input id="path-from" class="input input--half" inputMode="numeric" value={pathFrom} onInput={(e) => setPathFrom(e.currentTarget.value)} />
          </div>
          <div>
            <label class="label" for="path-to">
              {t('network.pathTo')}
            </label>
            <input id="path-to" class="input input--half" inputMode="numeric" value={pathTo} onInput={(e) => setPathTo(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button">
            {t('network.findPath')}
          </button>
        </div>
        {message && (
          <p role="status" data-testid="path-result">
            {message}
          </p>
        )}
      </form>
      <ComparePeriods
        entities={graph.nodes.map((n) => n.id)}
        types={filter.types}
        onCompared={(c) =>
          setComparison(
            c && {
              nodes: new Map(c.nodes.filter((n) => n.status !== 'absent').map((n) => [n.id, n.status as SliceMark])),
              edges: new Map(c.edges.map((e) => [edgeKey(e.source, e.target), e.status])),
            },
          )
        }
      />
      {detail && <Evidence detail={detail} />}
      {detail && (detail.entity.kind === 'person' || detail.entity.kind === 'account' || detail.entity.kind === 'organisation') && (
        <Flows entity={detail.entity.id} />
      )}
      <KeyPlayers onOpen={(id) => (window.location.hash = `#/network/${id}`)} />
      <DisruptionPanel onOpen={(id) => (window.location.hash = `#/network/${id}`)} />
    </>
  );
}
