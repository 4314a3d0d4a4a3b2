// Uploading a CSV file the server stores whole or not at all: the file field
// with its button, the state of one upload, and the table of the rows the
// server refused. The Import page (official tables) and the Register page
// (registrations) both use them.
//
//   const upload = useCsvUpload('csv-file', (file) => api.importTransits(file));
//   <ErrorSummary errors={upload.errors} />
//   {upload.outcome.state === 'rejected' && <ImportRejected file=… rows=… />}
//   <CsvUploadForm upload={upload} label=… hint=… submitTestId="import-submit" />

import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import type { RowError } from '../api/types';
import { useI18n } from '../i18n';
import { DataTable } from './DataTable';
import { errorFor, type FieldError } from './ErrorSummary';
import { Field } from './Field';
import { Notice } from './Notice';

export type UploadOutcome<Result> =
  | { state: 'idle' }
  | { state: 'stored'; file: string; result: Result }
  | { state: 'rejected'; file: string; rows: RowError[] };

export interface CsvUpload<Result> {
  /** The id of the file field (errors about the file link to it). */
  fieldId: string;
  file: File | null;
  chooseFile: (file: File | null) => void;
  errors: FieldError[];
  outcome: UploadOutcome<Result>;
  busy: boolean;
  submit: (event: Event) => Promise<void>;
}

/** One file field and what became of its last upload. */
export function useCsvUpload<Result>(fieldId: string, upload: (file: File) => Promise<Result>): CsvUpload<Result> {
  const { t, tn } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [outcome, setOutcome] = useState<UploadOutcome<Result>>({ state: 'idle' });
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setOutcome({ state: 'idle' });
    if (!file) {
      setErrors([{ field: fieldId, message: t('import.errors.noFile') }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const result = await upload(file);
      setOutcome({ state: 'stored', file: file.name, result });
    } catch (error) {
      if (error instanceof ApiError && error.rows.length > 0) {
        setOutcome({ state: 'rejected', file: file.name, rows: error.rows });
        setErrors([{ message: tn('import.rejected.summary', error.rows.length) }]);
      } else if (error instanceof ApiError && error.status === 413) {
        setErrors([{ field: fieldId, message: t('import.errors.tooLarge') }]);
      } else if (error instanceof ApiError && error.code !== 'network' && error.status < 500) {
        setErrors([{ field: fieldId, message: t('import.errors.refused', { message: error.message }) }]);
      } else {
        setErrors([{ message: t('errors.unreachable') }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = (next: File | null) => {
    setFile(next);
    setOutcome({ state: 'idle' });
  };

  return { fieldId, file, chooseFile, errors, outcome, busy, submit };
}

interface CsvUploadFormProps {
  upload: CsvUpload<unknown>;
  label: string;
  hint: string;
  submitTestId: string;
}

/** The file field and the upload button. */
export function CsvUploadForm({ upload, label, hint, submitTestId }: CsvUploadFormProps) {
  const { t } = useI18n();
  const id = upload.fieldId;
  return (
    <form onSubmit={upload.submit} noValidate>
      <Field id={id} label={label} hint={hint} error={errorFor(upload.errors, id)}>
        {(describedBy) => (
          <input
            class="file-input"
            type="file"
            id={id}
            name={id}
            accept=".csv,text/csv"
            aria-describedby={describedBy}
            onChange={(event) => upload.chooseFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null)}
          />
        )}
      </Field>
      <button type="submit" class="button" disabled={upload.busy} data-testid={submitTestId}>
        {upload.busy ? t('import.uploading') : t('import.submit')}
      </button>
    </form>
  );
}

interface ImportRejectedProps {
  file: string;
  rows: RowError[];
  /** Prefix of the test ids: `<prefix>-rejected` for the section, `<prefix>-errors` for the table. */
  testIdPrefix: string;
  /** File name of the CSV download of the table, without extension. */
  exportName: string;
}

/** Nothing was stored: says so, and lists every bad row in a table that sorts and downloads. */
export function ImportRejected({ file, rows, testIdPrefix, exportName }: ImportRejectedProps) {
  const { t, tn } = useI18n();
  const headingId = `${testIdPrefix}-rejected-heading`;
  return (
    <section class="section" aria-labelledby={headingId} data-testid={`${testIdPrefix}-rejected`}>
      <Notice kind="error">
        <h2 class="notice__title" id={headingId}>
          {t('import.rejected.title')}
        </h2>
        <p>{tn('import.rejected.body', rows.length, { file })}</p>
      </Notice>
      <DataTable
        caption={t('import.rejected.caption')}
        testId={`${testIdPrefix}-errors`}
        rows={rows.map((row, index) => ({ ...row, index }))}
        rowKey={(row) => row.index}
        initialSort={{ key: 'line', direction: 'ascending' }}
        exportName={exportName}
        columns={[
          { key: 'line', header: t('import.col.line'), value: (r) => r.line, numeric: true },
          { key: 'column', header: t('import.col.column'), value: (r) => r.column ?? null },
          { key: 'field', header: t('import.col.field'), value: (r) => r.field ?? null },
          { key: 'message', header: t('import.col.message'), value: (r) => r.message },
        ]}
      />
    </section>
  );
}
