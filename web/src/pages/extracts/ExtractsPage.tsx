// Forwarded tips: the extracts the tip desk chose to share with this
// investigator, opened with the key their sign-in unlocked (audited).

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { TipExtract } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';
import { UnlockForm } from '../tips/TipsPage';

export function ExtractsPage(_: PageProps) {
  const { t, formatDateTime } = useI18n();
  const [extracts, setExtracts] = useState<TipExtract[] | null>(null);
  const [locked, setLocked] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    api
      .myExtracts()
      .then((answer) => {
        setLocked(false);
        setExtracts(answer.extracts);
      })
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.reason === 'keys_locked') setLocked(true);
        else setProblem(error instanceof ApiError ? error.message : t('errors.unreachable'));
      });
  };
  useEffect(load, []);
  return (
    <>
      <PageHeading title={t('extracts.title')} lead={t('extracts.lead')} />
      {problem && <Notice kind="error" title={problem} />}
      {locked && <UnlockForm onUnlocked={load} />}
      {!extracts && !problem && !locked && <Loading />}
      {extracts && extracts.length === 0 && <p>{t('extracts.empty')}</p>}
      {extracts && (
        <ul class="extracts" data-testid="extracts">
          {extracts.map((e) => (
            <li key={e.id} class="extract">
              <p class="message__who">{t('extracts.from', { tip: e.tip_id, from: e.from, at: formatDateTime(e.created_at) })}</p>
              <p class="tip-text">{e.text}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
