// Import an official table of transits from a CSV file. The server stores
// every row or none; when it refuses, each bad row is listed.

import { api } from '../../api/client';
import type { ImportResult } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { CsvUploadForm, ImportRejected, useCsvUpload } from '../../ui/CsvImport';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

export function ImportPage(_: PageProps) {
  const { t, tn, formatNumber } = useI18n();
  const upload = useCsvUpload<ImportResult>('csv-file', (file) => api.importTransits(file));
  const { outcome } = upload;

  return (
    <>
      <ErrorSummary errors={upload.errors} />
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
        <ImportRejected file={outcome.file} rows={outcome.rows} testIdPrefix="import" exportName="import-errors" />
      )}
      <CsvUploadForm
        upload={upload}
        label={t('import.file')}
        hint={t('import.fileHint')}
        submitTestId="import-submit"
      />
      <h2 class="heading-m">{t('import.layout.title')}</h2>
      <p>{t('import.layout.body')}</p>
      <pre class="code-block">
        month,period_type,quarter,nationality_iso3,count{'\n'}2019-01,annual_total,,VEN,2567{'\n'}2024-01,month,2024-Q1,VEN,21500{'\n'}2024-01,month,2024-Q1,ECU,4150
      </pre>
    </>
  );
}
