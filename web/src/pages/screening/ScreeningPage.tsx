// Screening: the queue of hits against watchlists and earlier records, each
// with why it matched, for an officer to confirm or dismiss (audited); and a
// person's file (`#/screening/42`): claims, trafficking and best-interest
// assessments, referrals, returns, and what would stop a return today.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { PersonFile, ScreeningHit } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { useI18n } from '../../i18n';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

function personInHash(): number | undefined {
  const match = /^#\/screening\/(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

function problemOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

function HitCard({ hit, canDecide, onDecided }: { hit: ScreeningHit; canDecide: boolean; onDecided: () => void }) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const decide = (decision: 'confirm' | 'dismiss') => {
    setProblem(null);
    api
      .decideHit(hit.id, decision, note)
      .then(onDecided)
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  return (
    <li class="hit" data-testid={`hit-${hit.id}`}>
      <h2 class="heading-m">
        {t('screening.hitTitle', { person: hit.person_id, entry: hit.entry_id, score: hit.score.toFixed(3) })}
      </h2>
      <p>
        {hit.source === 'watchlist'
          ? t('screening.fromList', { list: hit.watchlist, name: hit.matched_name })
          : t(hit.source === 'earlier_return' ? 'screening.earlierReturn' : 'screening.earlierRecord')}
      </p>
      <ul class="hit__reasons" data-testid="hit-reasons">
        {hit.reasons.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
      <p>
        <a href={`#/screening/${hit.person_id}`}>{t('screening.openFile')}</a>
      </p>
      {problem && <Notice kind="error" title={problem} />}
      {canDecide && hit.status === 'open' && (
        <div class="hit__decision">
          <TextField id={`hit-note-${hit.id}`} label={t('screening.note')} hint={t('screening.noteHint')} value={note} onInput={setNote} />
          <button type="button" class="button" data-testid={`confirm-${hit.id}`} onClick={() => decide('confirm')}>
            {t('screening.confirm')}
          </button>{' '}
          <button type="button" class="button button--secondary" data-testid={`dismiss-${hit.id}`} onClick={() => decide('dismiss')}>
            {t('screening.dismiss')}
          </button>
        </div>
      )}
      {hit.status !== 'open' && <p>{t(hit.status === 'confirmed' ? 'screening.confirmedBy' : 'screening.dismissedBy', { who: hit.decided_by })}</p>}
    </li>
  );
}

function Queue({ me }: PageProps) {
  const { t } = useI18n();
  const [hits, setHits] = useState<ScreeningHit[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    api
      .screeningHits('open')
      .then((answer) => setHits(answer.hits))
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  useEffect(load, []);
  return (
    <>
      <PageHeading title={t('screening.title')} lead={t('screening.lead')} />
      {problem && <Notice kind="error" title={problem} />}
      {!hits && !problem && <Loading />}
      {hits && hits.length === 0 && <p data-testid="queue-empty">{t('screening.empty')}</p>}
      {hits && hits.length > 0 && (
        <ol class="hits" data-testid="hits">
          {hits.map((h) => (
            <HitCard key={h.id} hit={h} canDecide={me.permissions.includes('screening.decide')} onDecided={load} />
          ))}
        </ol>
      )}
    </>
  );
}

function ProtectionForms({ id, onChange }: { id: number; onChange: () => void }) {
  const { t } = useI18n();
  const [lodgedOn, setLodgedOn] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const lodge = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    api
      .lodgeClaim(id, lodgedOn)
      .then((claim) => {
        setDone(t('screening.claimLodged', { id: claim.id }));
        onChange();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  return (
    <form class="section" onSubmit={lodge} aria-labelledby="lodge-heading" noValidate>
      <h2 class="heading-l" id="lodge-heading">{t('screening.lodgeTitle')}</h2>
      {problem && <Notice kind="error" title={problem} testId="lodge-problem" />}
      {done && <Notice kind="success" title={done} testId="lodged" />}
      <TextField id="claim-lodged-on" label={t('screening.lodgedOn')} hint={t('returns.dayHint')} value={lodgedOn} onInput={setLodgedOn} width="half" />
      <button type="submit" class="button" data-testid="lodge-claim">{t('screening.lodge')}</button>
    </form>
  );
}

function FileView({ id, me }: { id: number; me: PageProps['me'] }) {
  const { t } = useI18n();
  const [file, setFile] = useState<PersonFile | null>(null);
  const [hits, setHits] = useState<ScreeningHit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    api
      .personFile(id)
      .then(setFile)
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
    if (me.permissions.includes('screening.read')) {
      api
        .screeningHits('all', id)
        .then((answer) => setHits(answer.hits))
        .catch(() => setHits([]));
    }
  };
  useEffect(() => {
    setFile(null);
    load();
  }, [id]);
  if (problem) return <Notice kind="error" title={problem} />;
  if (!file) return <Loading />;
  return (
    <>
      <PageHeading title={t('screening.fileTitle', { id: file.person_id })} lead={t('screening.fileLead')} />
      <p>
        <a href="#/screening">{t('screening.backToQueue')}</a>
      </p>
      <section class="section" aria-labelledby="safeguards-heading">
        <h2 class="heading-l" id="safeguards-heading">{t('screening.safeguards')}</h2>
        {file.safeguards.length === 0 ? (
          <p data-testid="no-safeguard">{t('screening.noSafeguard')}</p>
        ) : (
          <ul data-testid="safeguards">
            {file.safeguards.map((s) => (
              <li key={s.safeguard}>
                <strong>{t('screening.returnStopped')}</strong> {s.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="section" aria-labelledby="file-hits-heading">
        <h2 class="heading-l" id="file-hits-heading">{t('screening.hits')}</h2>
        {hits.length === 0 && <p>{t('screening.none')}</p>}
        <ul data-testid="file-hits">
          {hits.map((h) => (
            <li key={h.id}>{t('screening.hitLine', { entry: h.entry_id, score: h.score.toFixed(3), status: h.status })}</li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="claims-heading">
        <h2 class="heading-l" id="claims-heading">{t('screening.claims')}</h2>
        {file.claims.length === 0 && <p>{t('screening.none')}</p>}
        <ul data-testid="file-claims">
          {file.claims.map((c) => (
            <li key={c.id}>{t('screening.claimLine', { id: c.id, lodged: c.lodged_on, status: c.status })}</li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="returns-heading">
        <h2 class="heading-l" id="returns-heading">{t('screening.returns')}</h2>
        {file.returns.length === 0 && <p>{t('screening.none')}</p>}
        <ul>
          {file.returns.map((r) => (
            <li key={r.id}>
              {t('screening.returnLine', { id: r.id, to: r.receiving_country, status: r.status })}
              {r.stopped_reason && ` — ${r.stopped_reason}`}
            </li>
          ))}
        </ul>
      </section>
      {me.permissions.includes('protection.manage') && <ProtectionForms id={id} onChange={load} />}
    </>
  );
}

export function ScreeningPage(props: PageProps) {
  const route = useRoute();
  const [id, setId] = useState(personInHash);
  useEffect(() => {
    const update = () => setId(personInHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [route]);
  return id !== undefined ? <FileView id={id} me={props.me} /> : <Queue {...props} />;
}
