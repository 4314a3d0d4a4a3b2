// Registrations made offline (a spreadsheet kept at a station without a
// connection) loaded from a CSV file, one row per person. As for the official
// tables: every row is stored or none, and each bad row is listed. Once stored,
// the people are screened like those registered through the form.

import { api } from '../../api/client';
import type { RegistrationImportResult } from '../../api/types';
import { useI18n } from '../../i18n';
import { CsvUploadForm, ImportRejected, useCsvUpload } from '../../ui/CsvImport';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Notice } from '../../ui/Notice';

export const REGISTRATION_CSV_HEADER =
  'group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,nationality,document_type,document_country,document_number,phone,relationship,departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,violence_survivor,separated';

const EXAMPLE = [
  REGISTRATION_CSV_HEADER,
  'G1,bajo-chiquito,2024-05-14,María José,Pérez Rondón,female,1990-02-11,,VEN,passport,VEN,123456789,+584121234567,head,Necoclí,4,350,,0,0,0,0,0',
  'G1,bajo-chiquito,2024-05-14,Luis,Pérez Rondón,male,,6,VEN,none,,,,child,Necoclí,4,350,,0,0,0,0,0',
].join('\n');

// What screening the imported people found: counts only, as for a group
// registered through the form; the hits are for a screening officer to read.
function ImportScreening({ screening }: { screening: RegistrationImportResult['screening'] }) {
  const { t, tn } = useI18n();
  if (!screening.ran) {
    return (
      <Notice kind="warning" title={t('register.import.screeningFailed')} testId="registration-import-screening-failed">
        <p>{screening.problem}</p>
        <p>{t('register.done.screeningAsk')}</p>
      </Notice>
    );
  }
  if (screening.people_with_hits === 0) return null;
  return (
    <Notice kind="warning" title={t('register.import.screeningTitle')} testId="registration-import-screening-hits">
      <p>{tn('register.import.screeningHits', screening.people_with_hits)}</p>
      <p>{t('register.import.screeningNext')}</p>
      <p>
        <a href="#/screening">{t('register.import.screeningOpen')}</a>
      </p>
    </Notice>
  );
}

export function RegistrationImport() {
  const { t, tn } = useI18n();
  const upload = useCsvUpload<RegistrationImportResult>('registration-csv-file', (file) =>
    api.importRegistrations(file),
  );
  const { outcome } = upload;
  return (
    <>
      <ErrorSummary errors={upload.errors} />
      <h2 class="heading-l">{t('register.import.title')}</h2>
      <p>{t('register.import.lead')}</p>
      {outcome.state === 'stored' && (
        <Notice kind="success" title={t('import.stored.title')} testId="registration-import-stored">
          <p>
            {t('register.import.stored', {
              file: outcome.file,
              people: tn('register.import.people', outcome.result.people),
              groups: tn('register.import.groups', outcome.result.groups),
            })}
          </p>
          <p>{tn('register.import.unaccompanied', outcome.result.unaccompanied)}</p>
          {outcome.result.screening.ran && outcome.result.screening.people_with_hits === 0 && (
            <p data-testid="registration-import-screening-clear">{t('register.import.screeningClear')}</p>
          )}
        </Notice>
      )}
      {outcome.state === 'stored' && <ImportScreening screening={outcome.result.screening} />}
      {outcome.state === 'rejected' && (
        <ImportRejected
          file={outcome.file}
          rows={outcome.rows}
          testIdPrefix="registration-import"
          exportName="registration-import-errors"
        />
      )}
      <CsvUploadForm
        upload={upload}
        label={t('import.file')}
        hint={t('register.import.fileHint')}
        submitTestId="registration-import-submit"
      />
      <h3 class="heading-m">{t('register.import.layoutTitle')}</h3>
      <p>{t('register.import.layoutBody')}</p>
      <pre class="code-block">{EXAMPLE}</pre>
    </>
  );
}
