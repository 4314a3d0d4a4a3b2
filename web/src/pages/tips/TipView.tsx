// One tip, opened with the desk key: what the tipster wrote, their files
// (cleaned of metadata), the conversation, internal notes, handling, links and
// extracts for investigators. Each opening and each change is audited.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { Me, TipDetail, TipStatus } from '../../api/types';
import { useI18n } from '../../i18n';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { TIP_STATUSES, UnlockForm, explainError } from './TipsPage';

function TextArea({ id, label, hint, value, onInput }: {
  id: string; label: string; hint?: string; value: string; onInput: (v: string) => void;
}) {
  return (
    <div class="form-group">
      <label class="label" for={id}>{label}</label>
      {hint && <div class="hint" id={`${id}-hint`}>{hint}</div>}
      <textarea id={id} class="textarea" rows={4} value={value} aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onInput((e.currentTarget as HTMLTextAreaElement).value)} />
    </div>
  );
}

export function TipView({ id, me }: { id: number; me: Me }) {
  const { t, formatDay, formatDateTime } = useI18n();
  const [detail, setDetail] = useState<TipDetail | null>(null);
  const [locked, setLocked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reply, setReply] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<TipStatus>('new');
  const [assign, setAssign] = useState('');
  const [tag, setTag] = useState('');
  const [duplicate, setDuplicate] = useState('');
  const [entity, setEntity] = useState('');
  const [caseId, setCaseId] = useState('');
  const [personName, setPersonName] = useState('');
  const [personPhone, setPersonPhone] = useState('');
  const [recipient, setRecipient] = useState('');
  const [extract, setExtract] = useState('');
  const canManage = me.permissions.includes('tips.manage');

  const load = () => {
    api
      .tip(id)
      .then((d) => {
        setDetail(d);
        setLocked(false);
        setStatus(d.tip.status);
        setAssign(d.tip.assigned_to ?? '');
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && (error.reason === 'keys_locked')) setLocked(true);
        else setProblem(explainError(error, t('errors.unreachable')));
      });
  };
  useEffect(load, [id]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    setProblem(null);
    setNotice(null);
    try {
      await work();
      setNotice(done);
      load();
      return true;
    } catch (error) {
      setProblem(explainError(error, t('errors.unreachable')));
      return false;
    }
  };

  if (locked) return <UnlockForm onUnlocked={load} />;
  if (!detail) return problem ? <Notice kind="error" title={problem} /> : <Loading />;
  const c = detail.content;
  const fields: [string, string][] = [
    [t('tips.field.who'), c.who], [t('tips.field.where'), c.where], [t('tips.field.when'), c.when],
    [t('tips.field.phones'), c.phones], [t('tips.field.accounts'), c.accounts], [t('tips.field.language'), c.language],
  ];
  return (
    <>
      <PageHeading title={t('tips.tipTitle', { id })} lead={`${formatDay(detail.tip.received_on)} · ${t(`tips.status.${detail.tip.status}`)}`} />
      <p><a href="#/tips">{t('tips.back')}</a></p>
      {problem && <Notice kind="error" title={problem} testId="tip-problem" />}
      {notice && <Notice kind="success" title={notice} testId="tip-notice" />}
      <section class="section" aria-labelledby="content-heading">
        <h2 class="heading-l" id="content-heading">{t('tips.content')}</h2>
        <p class="tip-text" data-testid="tip-text">{c.text}</p>
        <dl class="summary-list">
          {fields.filter(([, v]) => v).map(([k, v]) => (
            <div key={k} class="summary-list__row"><dt>{k}</dt><dd class="tip-text">{v}</dd></div>
          ))}
        </dl>
        {detail.attachments.length > 0 && (
          <>
            <h3 class="heading-s">{t('tips.attachments')}</h3>
            <ul data-testid="tip-attachments">
              {detail.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/tips/${id}/attachments/${a.id}`} download={a.name}>{a.name}</a> ({a.media_type})
                  {a.removed.length > 0 && <> — {t('tips.removed', { what: a.removed.join(', ') })}</>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section class="section" aria-labelledby="messages-heading">
        <h2 class="heading-l" id="messages-heading">{t('tips.messages')}</h2>
        {detail.messages.length === 0 && <p>{t('tips.noMessages')}</p>}
        <ol class="messages" data-testid="tip-messages">
          {detail.messages.map((m) => (
            <li key={m.id} class={`message message--${m.author}`}>
              <p class="message__who">{m.author === 'desk' ? m.username : t('tips.fromTipster')} · {formatDay(m.on_day)}</p>
              <p class="tip-text">{m.text}</p>
            </li>
          ))}
        </ol>
        {canManage && (
          <form onSubmit={(e) => { e.preventDefault(); void act(() => api.tipReply(id, reply), t('tips.saved')).then((ok) => ok && setReply('')); }}>
            <TextArea id="tip-reply" label={t('tips.reply')} hint={t('tips.replyHint')} value={reply} onInput={setReply} />
            <button type="submit" class="button" data-testid="send-reply">{t('tips.send')}</button>
          </form>
        )}
      </section>
      <section class="section" aria-labelledby="notes-heading">
        <h2 class="heading-l" id="notes-heading">{t('tips.notes')}</h2>
        <ul data-testid="tip-notes">
          {detail.notes.map((n) => (
            <li key={n.id}><strong>{n.username}</strong>, {formatDateTime(n.at)}: <span class="tip-text">{n.text}</span></li>
          ))}
        </ul>
        {canManage && (
          <form onSubmit={(e) => { e.preventDefault(); void act(() => api.tipNote(id, note), t('tips.saved')).then((ok) => ok && setNote('')); }}>
            <TextArea id="tip-note" label={t('tips.noteLabel')} value={note} onInput={setNote} />
            <button type="submit" class="button button--secondary">{t('tips.addNote')}</button>
          </form>
        )}
      </section>
      {canManage && (
        <section class="section" aria-labelledby="handling-heading">
          <h2 class="heading-l" id="handling-heading">{t('tips.handling')}</h2>
          <form onSubmit={(e) => {
            e.preventDefault();
            void act(() => api.updateTip(id, {
              status,
              assign_to: assign,
              ...(tag ? { add_tags: [tag] } : {}),
              ...(duplicate ? { duplicate_of: Number(duplicate) } : {}),
            }), t('tips.saved')).then((ok) => ok && setTag(''));
          }}>
            <div class="form-group">
              <label class="label" for="tip-new-status">{t('tips.filter.status')}</label>
              <select id="tip-new-status" class="select" value={status} onChange={(e) => setStatus((e.currentTarget as HTMLSelectElement).value as TipStatus)}>
                {TIP_STATUSES.map((s) => <option key={s} value={s}>{t(`tips.status.${s}`)}</option>)}
              </select>
            </div>
            <TextField id="tip-assign" label={t('tips.assign')} value={assign} onInput={setAssign} width="half" />
            <TextField id="tip-tag-add" label={t('tips.addTag')} value={tag} onInput={setTag} width="half" />
            <p>{t('tips.col.tags')}: <span data-testid="tip-tags">{detail.tip.tags.join(', ') || t('tips.none')}</span></p>
            <TextField id="tip-duplicate" label={t('tips.duplicateOf')} value={duplicate} onInput={setDuplicate} inputMode="numeric" width="short" />
            <button type="submit" class="button" data-testid="save-handling">{t('tips.save')}</button>
          </form>
          <h3 class="heading-m">{t('tips.links')}</h3>
          <p data-testid="tip-links">
            {t('tips.entities', { ids: detail.entity_ids.join(', ') || t('tips.none') })}
            {' · '}
            {t('tips.cases', { ids: detail.case_ids.join(', ') || t('tips.none') })}
          </p>
          <form onSubmit={(e) => { e.preventDefault(); void act(() => api.linkTipEntity(id, Number(entity)), t('tips.saved')).then((ok) => ok && setEntity('')); }}>
            <TextField id="tip-entity" label={t('tips.linkEntity')} value={entity} onInput={setEntity} inputMode="numeric" width="short" />
            <button type="submit" class="button button--secondary">{t('tips.link')}</button>
          </form>
          <form onSubmit={(e) => { e.preventDefault(); void act(() => api.linkTipCase(id, Number(caseId)), t('tips.saved')).then((ok) => ok && setCaseId('')); }}>
            <TextField id="tip-case" label={t('tips.linkCase')} value={caseId} onInput={setCaseId} inputMode="numeric" width="short" />
            <button type="submit" class="button button--secondary">{t('tips.link')}</button>
          </form>
          <h3 class="heading-m">{t('tips.person')}</h3>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setProblem(null);
              setNotice(null);
              api
                .tipPerson(id, personName, personPhone)
                .then((named) => {
                  setNotice(t('tips.personResolved', { entity: String(named.entity_id) }));
                  setPersonName('');
                  setPersonPhone('');
                  load();
                })
                .catch((error: unknown) => setProblem(explainError(error, t('errors.unreachable'))));
            }}
          >
            <p class="hint">{t('tips.personHint')}</p>
            <TextField id="tip-person-name" label={t('tips.personName')} value={personName} onInput={setPersonName} width="half" />
            <TextField id="tip-person-phone" label={t('tips.personPhone')} value={personPhone} onInput={setPersonPhone} width="half" />
            <button type="submit" class="button button--secondary" data-testid="tip-person">{t('tips.personButton')}</button>
          </form>
          <h3 class="heading-m">{t('tips.forward')}</h3>
          <form onSubmit={(e) => { e.preventDefault(); void act(() => api.tipExtract(id, recipient, extract), t('tips.forwarded')).then((ok) => ok && setExtract('')); }}>
            <TextField id="tip-recipient" label={t('tips.recipient')} value={recipient} onInput={setRecipient} width="half" />
            <TextArea id="tip-extract" label={t('tips.extractText')} hint={t('tips.forwardHint')} value={extract} onInput={setExtract} />
            <button type="submit" class="button button--secondary">{t('tips.forwardButton')}</button>
          </form>
        </section>
      )}
    </>
  );
}
