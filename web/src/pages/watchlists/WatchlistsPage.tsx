// Watchlists: every imported version of every list (wanted smugglers,
// sanctions lists), the latest of each being the one registrations are
// screened against, and for those who manage them an upload of a new version
// (CSV in the shape of the public consolidated sanctions lists). A file with
// any bad row is refused whole, each bad row listed.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { WatchlistImportResult, WatchlistKind, WatchlistVersion } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorSummary, type FieldError, errorFor } from '../../ui/ErrorSummary';
import { Field, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

const EXAMPLE = [
  'entry_id,name,aliases,dates_of_birth,nationalities,documents,listed_for',
  'W-17,José Luis Mosquera Palacios,El Mono; Luis Palacios,1984-03-07,COL,passport:COL:AB123456,migrant smuggling resulting in death',
  'S-2,Wilmer Antonio Rentería Córdoba,,1979-11,COL;PAN,,sanctioned',
].join('\n');

const KINDS: WatchlistKind[] = ['wanted', 'sanctions', 'other'];

function NewVersion({ lists, onImported }: { lists: string[]; onImported: (result: WatchlistImportResult, name: string) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<WatchlistKind>('wanted');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [refused, setRefused] = useState<{ title: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setRefused(null);
    const bad: FieldError[] = [];
    if (name.trim() === '') bad.push({ field: 'watchlist-name', message: t('watchlists.nameError') });
    if (!file) bad.push({ field: 'watchlist-file', message: t('import.errors.noFile') });
    setErrors(bad);
    if (bad.length > 0 || !file) return;
    setBusy(true);
    try {
      const result = await api.importWatchlist(file, { name: name.trim(), kind, file_name: file.name });
      onImported(result, name.trim());
    } catch (error) {
      if (error instanceof ApiError && error.code !== 'network' && error.status < 500) {
        // "FILE: N bad row(s); nothing was imported" then one line a bad row.
        const [title, ...lines] = error.message.split('\n');
        setRefused({ title: title ?? error.message, lines });
        setErrors([{ field: 'watchlist-file', message: t('watchlists.refused') }]);
      } else {
        setErrors([{ message: t('errors.unreachable') }]);
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="section" onSubmit={submit} aria-labelledby="watchlist-new-heading" noValidate data-testid="watchlist-form">
      <h2 class="heading-l" id="watchlist-new-heading">{t('watchlists.newTitle')}</h2>
      <p>{t('watchlists.newLead')}</p>
      <ErrorSummary errors={errors} />
      {refused && (
        <Notice kind="error" title={refused.title} testId="watchlist-refused">
          <ul class="plain-list">
            {refused.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Notice>
      )}
      <TextField
        id="watchlist-name"
        label={t('watchlists.name')}
        hint={t('watchlists.nameHint')}
        value={name}
        onInput={setName}
        error={errorFor(errors, 'watchlist-name')}
        list="watchlist-names"
        width="half"
      />
      <datalist id="watchlist-names">
        {lists.map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      <Field id="watchlist-kind" label={t('watchlists.kind')}>
        {(describedBy) => (
          <select id="watchlist-kind" class="select" aria-describedby={describedBy} value={kind} onChange={(e) => setKind((e.currentTarget as HTMLSelectElement).value as WatchlistKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`watchlists.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="watchlist-file" label={t('import.file')} hint={t('watchlists.fileHint')} error={errorFor(errors, 'watchlist-file')}>
        {(describedBy) => (
          <input
            class="file-input"
            type="file"
            id="watchlist-file"
            name="watchlist-file"
            accept=".csv,text/csv"
            aria-describedby={describedBy}
            onChange={(event) => {
              setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
              setRefused(null);
            }}
          />
        )}
      </Field>
      <button type="submit" class="button" disabled={busy} data-testid="watchlist-submit">
        {busy ? t('import.uploading') : t('watchlists.submit')}
      </button>
      <h3 class="heading-m">{t('watchlists.layoutTitle')}</h3>
      <p>{t('watchlists.layoutBody')}</p>
      <pre class="code-block">{EXAMPLE}</pre>
    </form>
  );
}

export function WatchlistsPage({ me }: PageProps) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const [versions, setVersions] = useState<WatchlistVersion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const load = () => {
    api
      .watchlists()
      .then((answer) => setVersions(answer.versions))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t('errors.unreachable')));
  };
  useEffect(load, []);
  // Newest first: the first row of each list is its version in use.
  const current = new Set<number>();
  const seen = new Set<string>();
  for (const v of versions ?? []) {
    if (!seen.has(v.watchlist)) {
      seen.add(v.watchlist);
      current.add(v.id);
    }
  }
  return (
    <>
      <PageHeading title={t('watchlists.title')} lead={t('watchlists.lead')} />
      {problem && <Notice kind="error" title={problem} />}
      {!versions && !problem && <Loading />}
      {imported && <Notice kind="success" title={imported} testId="watchlist-imported" />}
      {versions && (
        <section class="section" aria-labelledby="watchlist-versions-heading">
          <h2 class="heading-l" id="watchlist-versions-heading">{t('watchlists.versionsTitle')}</h2>
          <DataTable
            caption={t('watchlists.versionsTitle')}
            captionHidden
            testId="watchlist-versions"
            rows={versions}
            rowKey={(v) => v.id}
            emptyText={t('watchlists.none')}
            columns={[
              { key: 'watchlist', header: t('watchlists.col.list'), value: (v) => v.watchlist },
              { key: 'kind', header: t('watchlists.col.kind'), value: (v) => t(`watchlists.kind.${v.kind}`) },
              {
                key: 'version',
                header: t('watchlists.col.version'),
                value: (v) => v.version,
                numeric: true,
              },
              {
                key: 'use',
                header: t('watchlists.col.use'),
                value: (v) => (current.has(v.id) ? t('watchlists.inUse') : t('watchlists.kept')),
                render: (v) => (current.has(v.id) ? <strong class="tag">{t('watchlists.inUse')}</strong> : t('watchlists.kept')),
              },
              { key: 'entries', header: t('watchlists.col.entries'), value: (v) => v.entries, render: (v) => formatNumber(v.entries), numeric: true },
              { key: 'file', header: t('watchlists.col.file'), value: (v) => v.file_name, wideOnly: true },
              { key: 'imported', header: t('watchlists.col.imported'), value: (v) => v.imported_at, render: (v) => t('watchlists.importedBy', { at: formatDateTime(v.imported_at), who: v.imported_by }) },
              { key: 'sha256', header: t('watchlists.col.sha256'), value: (v) => v.sha256, render: (v) => <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>, wideOnly: true },
            ]}
            exportName="watchlist-versions"
          />
        </section>
      )}
      {versions && me.permissions.includes('watchlists.manage') && (
        <NewVersion
          lists={[...seen]}
          onImported={(result, name) => {
            setImported(
              t('watchlists.imported', {
                name,
                version: result.version,
                entries: formatNumber(result.entries),
                screened: formatNumber(result.screened_entries),
              }),
            );
            load();
          }}
        />
      )}
    </>
  );
}
