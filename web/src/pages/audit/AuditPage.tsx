// Audit: the latest entries of the hash-chained log, and a check of the chain.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { AuditEntry, AuditVerification } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { toIso, useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

const PAGE_SIZE = 100;

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

export function AuditPage(_: PageProps) {
  const { t, tn, formatNumber, formatDateTime } = useI18n();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);

  const explain = (error: unknown) =>
    error instanceof ApiError && error.code !== 'network' ? error.message : t('errors.unreachable');

  const load = async (before?: AuditEntry['id']) => {
    try {
      const page = await api.audit({ limit: PAGE_SIZE, ...(before !== undefined ? { before } : {}) });
      setEntries((current) => (before !== undefined && current ? [...current, ...page.entries] : page.entries));
      setMore(page.entries.length === PAGE_SIZE);
    } catch (error) {
      setProblem(explain(error));
    }
  };

  useEffect(() => {
    void load();
  }, []);

  const verify = async () => {
    setVerifying(true);
    setVerification(null);
    setProblem(null);
    try {
      setVerification(await api.verifyAudit());
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setVerifying(false);
    }
  };

  const older = async () => {
    if (!entries || entries.length === 0) return;
    setLoadingMore(true);
    await load(entries[entries.length - 1]!.id);
    setLoadingMore(false);
  };

  return (
    <>
      <PageHeading title={t('audit.title')} lead={t('audit.lead')} />
      {problem && (
        <Notice kind="error" title={t('audit.problem')}>
          <p>{problem}</p>
        </Notice>
      )}
      <section class="section" aria-labelledby="verify-heading">
        <h2 class="heading-m" id="verify-heading">
          {t('audit.verify.title')}
        </h2>
        <p>{t('audit.verify.body')}</p>
        <button type="button" class="button" onClick={verify} disabled={verifying} data-testid="verify-chain">
          {verifying ? t('audit.verify.running') : t('audit.verify.button')}
        </button>
        {verification?.ok === true && (
          <Notice kind="success" title={t('audit.verify.okTitle')} testId="verify-result">
            <p>{tn('audit.verify.ok', verification.entries)}</p>
          </Notice>
        )}
        {verification?.ok === false && (
          <Notice kind="error" title={t('audit.verify.brokenTitle')} testId="verify-result">
            <p>
              {t('audit.verify.broken', {
                id: String(verification.first_broken),
                entries: formatNumber(verification.entries),
              })}
            </p>
            <p>
              {t('audit.verify.reason')} {verification.reason}
            </p>
          </Notice>
        )}
      </section>
      <section class="section" aria-labelledby="entries-heading">
        <h2 class="heading-l" id="entries-heading">
          {t('audit.entries.title')}
        </h2>
        {entries === null && !problem && <Loading />}
        {entries && (
          <>
            <DataTable
              caption={t('audit.entries.title')}
              captionHidden
              testId="audit-table"
              rows={entries}
              rowKey={(e) => e.id}
              exportName="audit-log"
              emptyText={t('audit.entries.empty')}
              columns={[
                { key: 'id', header: t('audit.col.id'), value: (e) => e.id, numeric: true },
                {
                  key: 'at',
                  header: t('audit.col.at'),
                  value: (e) => toIso(e.at),
                  render: (e) => <time dateTime={toIso(e.at)}>{formatDateTime(e.at)}</time>,
                },
                { key: 'actor', header: t('audit.col.actor'), value: (e) => e.actor },
                {
                  key: 'action',
                  header: t('audit.col.action'),
                  value: (e) => e.action,
                  render: (e) => <code class="code">{e.action}</code>,
                },
                { key: 'object', header: t('audit.col.object'), value: (e) => e.object },
                {
                  key: 'detail',
                  header: t('audit.col.detail'),
                  value: (e) => detailText(e.detail),
                  render: (e) => <span class="cell-wrap">{detailText(e.detail)}</span>,
                },
                {
                  key: 'hash',
                  header: t('audit.col.hash'),
                  value: (e) => e.hash,
                  render: (e) => (
                    <code class="code" title={e.hash}>
                      {e.hash.slice(0, 12)}…
                    </code>
                  ),
                },
              ]}
            />
            {more && (
              <button type="button" class="button button--secondary" onClick={older} disabled={loadingMore}>
                {t('audit.entries.older')}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
