// Import an official table of transits from a CSV file. The server stores
// every row or none; when it refuses, each bad row is listed.

import { useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { ImportResult, RowError } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { ErrorSummary, errorFor, type FieldError } from '../../ui/ErrorSummary';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

type Outcome =
  | { state: 'idle' }
  | { state: 'stored'; file: string; result: ImportResult }
  | { state: 'rejected'; file: string; rows: RowError[]; message: string };

export function ImportPage(_: PageProps) {
  const { t, tn, formatNumber } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setOutcome({ state: 'idle' });
    if (!file) {
      setErrors([{ field: 'csv-file', message: t('import.errors.noFile') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const result = await api.importTransits(file);
      setOutcome({ state: 'stored', file: file.name, result });
    } catch (error) {
      if (error instanceof ApiError && error.rows.length > 0) {
        setOutcome({ state: 'rejected', file: file.name, rows: error.rows, message: error.message });
        setErrors([{ message: tn('import.rejected.summary', error.rows.length) }]);
      } else if (error instanceof ApiError && error.status === 413) {
        setErrors([{ field: 'csv-file', message: t('import.errors.tooLarge') }]);
      } else if (error instanceof ApiError && error.code !== 'network' && error.status < 500) {
        setErrors([{ field: 'csv-file', message: t('import.errors.refused', { message: error.message }) }]);
      } else {
        setErrors([{ message: t('errors.unreachable') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading title={t('import.title')} lead={t('import.lead')} />
      {outcome.state === 'stored' && (
        <Notice kind="success" title={t('import.stored.title')} testId="import-stored">
          <p>
            {tn('import.stored.body', outcome.result.rows, {
              file: outcome.file,
              total: formatNumber(outcome.result.total),
            })}
          </p>
          <p>
            {t('import.stored.kind')} <code class="code">{outcome.result.kind}</code>
          </p>
        </Notice>
      )}
      {outcome.state === 'rejected' && (
        <section class="section" aria-labelledby="rejected-heading" data-testid="import-rejected">
          <Notice kind="error">
            <h2 class="notice__title" id="rejected-heading">
              {t('import.rejected.title')}
            </h2>
            <p>{tn('import.rejected.body', outcome.rows.length, { file: outcome.file })}</p>
          </Notice>
          <DataTable
            caption={t('import.rejected.caption')}
            testId="import-errors"
            rows={outcome.rows.map((row, index) => ({ ...row, index }))}
            rowKey={(row) => row.index}
            initialSort={{ key: 'line', direction: 'ascending' }}
            exportName="import-errors"
            columns={[
              { key: 'line', header: t('import.col.line'), value: (r) => r.line, numeric: true },
              { key: 'column', header: t('import.col.column'), value: (r) => r.column ?? null },
              { key: 'field', header: t('import.col.field'), value: (r) => r.field ?? null },
              { key: 'message', header: t('import.col.message'), value: (r) => r.message },
            ]}
          />
        </section>
      )}
      <form onSubmit={submit} noValidate>
        <Field
          id="csv-file"
          label={t('import.file')}
          hint={t('import.fileHint')}
          error={errorFor(errors, 'csv-file')}
        >
          {(describedBy) => (
            <input
              class="file-input"
              type="file"
              id="csv-file"
              name="csv-file"
              accept=".csv,text/csv"
              aria-describedby={describedBy}
              onChange={(event) => {
                setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
                setOutcome({ state: 'idle' });
              }}
            />
          )}
        </Field>
        <button type="submit" class="button" disabled={busy} data-testid="import-submit">
          {busy ? t('import.uploading') : t('import.submit')}
        </button>
      </form>
      <h2 class="heading-m">{t('import.layout.title')}</h2>
      <p>{t('import.layout.body')}</p>
      <pre class="code-block">
        month,period_type,quarter,nationality_iso3,count{'\n'}2019-01,annual_total,,VEN,2567{'\n'}2024-01,month,2024-Q1,VEN,21500{'\n'}2024-01,month,2024-Q1,ECU,4150
      </pre>
    </>
  );
}
