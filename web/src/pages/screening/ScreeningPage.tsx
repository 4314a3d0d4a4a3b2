// Screening: the queue of hits against watchlists and earlier records, each
// with why it matched, for an officer to confirm or dismiss (audited), and the
// screening figures; a person's file (`#/screening/42`) is PersonFileView.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { ScreeningHit } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { useI18n } from '../../i18n';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { PersonFileView } from './PersonFileView';
import { ScreeningFigures } from './ScreeningFigures';

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
      {me.permissions.includes('screening.figures') && <ScreeningFigures />}
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
  return id !== undefined ? <PersonFileView id={id} me={props.me} /> : <Queue {...props} />;
}
