// The tip desk: without an id in the address (`#/tips`), the inbox (only what
// is not sealed: status, day, assignment, tags); with one (`#/tips/42`), the
// tip opened with the desk key, its conversation, notes, handling and links.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { TipInbox, TipInboxQuery, TipStatus } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useRoute } from '../../app/router';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { TipView } from './TipView';

export const TIP_STATUSES: TipStatus[] = ['new', 'triaged', 'actionable', 'closed'];

function tipIdInHash(): number | undefined {
  const match = /^#\/tips\/(\d+)/.exec(window.location.hash);
  return match ? Number(match[1]) : undefined;
}

export function explainError(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.code !== 'network' ? error.message : fallback;
}

/** The password form that unlocks the desk key again (after a server restart). */
export function UnlockForm({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    try {
      await api.unlockKeys(password);
      setPassword('');
      onUnlocked();
    } catch (error) {
      setProblem(explainError(error, t('errors.unreachable')));
    }
  };
  return (
    <Notice kind="warning" title={t('tips.locked.title')} testId="desk-locked">
      <p>{t('tips.locked.body')}</p>
      <form onSubmit={submit}>
        <TextField id="unlock-password" label={t('tips.locked.password')} type="password" value={password}
          onInput={setPassword} error={problem ?? undefined} autoComplete="current-password" />
        <button type="submit" class="button">{t('tips.locked.unlock')}</button>
      </form>
    </Notice>
  );
}

function Inbox() {
  const { t, tn, formatDay } = useI18n();
  const [query, setQuery] = useState<TipInboxQuery>({});
  const [status, setStatus] = useState('');
  const [tag, setTag] = useState('');
  const [unread, setUnread] = useState(false);
  const [inbox, setInbox] = useState<TipInbox | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = () => {
    api
      .tipInbox(query)
      .then(setInbox)
      .catch((error: unknown) => setProblem(explainError(error, t('errors.unreachable'))));
  };
  useEffect(load, [query]);

  const filter = (event: Event) => {
    event.preventDefault();
    setQuery({
      ...(status ? { status: status as TipStatus } : {}),
      ...(tag ? { tag } : {}),
      ...(unread ? { unread: '1' as const } : {}),
    });
  };

  return (
    <>
      <PageHeading title={t('tips.title')} lead={t('tips.lead')} />
      {problem && <Notice kind="error" title={problem} />}
      {inbox && !inbox.desk_unlocked && <UnlockForm onUnlocked={load} />}
      <form class="filters" onSubmit={filter} data-testid="tip-filters">
        <div class="form-group">
          <label class="label" for="tip-status">{t('tips.filter.status')}</label>
          <select id="tip-status" class="select" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('tips.filter.any')}</option>
            {TIP_STATUSES.map((s) => (
              <option key={s} value={s}>{t(`tips.status.${s}`)}</option>
            ))}
          </select>
        </div>
        <TextField id="tip-tag" label={t('tips.filter.tag')} value={tag} onInput={setTag} width="short" />
        <div class="form-group">
          <label class="checkbox">
            <input type="checkbox" checked={unread} onChange={(e) => setUnread((e.currentTarget as HTMLInputElement).checked)} />{' '}
            {t('tips.filter.unread')}
          </label>
        </div>
        <button type="submit" class="button button--secondary">{t('tips.filter.apply')}</button>
      </form>
      {!inbox && !problem && <Loading />}
      {inbox && (
        <>
          <p data-testid="tip-total">{tn('tips.total', inbox.total)}</p>
          <DataTable
            caption={t('tips.title')}
            captionHidden
            testId="tip-inbox"
            rows={inbox.tips}
            rowKey={(tip) => tip.id}
            emptyText={t('tips.empty')}
            exportName="tips"
            columns={[
              { key: 'id', header: t('tips.col.id'), value: (tip) => tip.id, numeric: true,
                render: (tip) => <a href={`#/tips/${tip.id}`}>{tip.id}</a> },
              { key: 'received', header: t('tips.col.received'), value: (tip) => tip.received_on,
                render: (tip) => formatDay(tip.received_on) },
              { key: 'status', header: t('tips.col.status'), value: (tip) => tip.status,
                render: (tip) => t(`tips.status.${tip.status}`) },
              { key: 'assigned', header: t('tips.col.assigned'), value: (tip) => tip.assigned_to ?? '' },
              { key: 'tags', header: t('tips.col.tags'), value: (tip) => tip.tags.join(' ') },
              { key: 'files', header: t('tips.col.files'), value: (tip) => tip.attachment_count, numeric: true },
              { key: 'unread', header: t('tips.col.unread'), value: (tip) => (tip.unread ? t('tips.yes') : '') },
            ]}
          />
        </>
      )}
    </>
  );
}

export function TipsPage({ me }: PageProps) {
  const route = useRoute();
  const [id, setId] = useState(tipIdInHash);
  useEffect(() => {
    const update = () => setId(tipIdInHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, [route]);
  return id === undefined ? <Inbox /> : <TipView id={id} me={me} />;
}
