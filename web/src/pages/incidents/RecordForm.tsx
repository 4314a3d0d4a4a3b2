// Recording an incident, for protection staff. A sexual-violence record asks
// for the survivor's code (never her name) and, one by one, what she agreed to
// share; without consent only anonymous counts leave it. The error summary at
// the top links to each field to correct.

import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorSummary, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { INCIDENT_TYPES } from './types';

const CONSENTS = ['maps', 'referral', 'prosecution', 'registration'] as const;
type ConsentKind = (typeof CONSENTS)[number];

interface Form {
  type: string;
  month: string;
  occurred_on: string;
  lat: string;
  lon: string;
  location: string;
  women: string;
  men: string;
  girls: string;
  boys: string;
  narrative: string;
  survivor_code: string;
  consents: Record<ConsentKind, boolean>;
}

const EMPTY: Form = {
  type: 'robbery', month: '', occurred_on: '', lat: '', lon: '', location: '',
  women: '0', men: '0', girls: '0', boys: '0', narrative: '', survivor_code: '',
  consents: { maps: false, referral: false, prosecution: false, registration: false },
};

export function RecordForm({ canRecordSurvivors, onRecorded }: { canRecordSurvivors: boolean; onRecorded: (id: number) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [recorded, setRecorded] = useState<number | null>(null);
  const set = (key: keyof Omit<Form, 'consents'>) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const survivor = form.type === 'sexual_violence';
  const errorOf = (field: string) => errors.find((e) => e.field === `record-${field}`)?.message;

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(form.month)) problems.push({ field: 'record-month', message: t('incidents.record.monthError') });
    const lat = Number(form.lat);
    const lon = Number(form.lon);
    if (form.lat.trim() === '' || !Number.isFinite(lat) || Math.abs(lat) > 90) problems.push({ field: 'record-lat', message: t('incidents.record.latError') });
    if (form.lon.trim() === '' || !Number.isFinite(lon) || Math.abs(lon) > 180) problems.push({ field: 'record-lon', message: t('incidents.record.lonError') });
    if (survivor && !/^[A-Z0-9-]{3,40}$/.test(form.survivor_code)) {
      problems.push({ field: 'record-survivor_code', message: t('incidents.record.codeError') });
    }
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      const { id } = await api.recordIncident({
        type: form.type,
        month: form.month,
        occurred_on: form.occurred_on || undefined,
        lat,
        lon,
        location: form.location,
        victims: { women: Number(form.women) || 0, men: Number(form.men) || 0, girls: Number(form.girls) || 0, boys: Number(form.boys) || 0 },
        source: 'registration_interview',
        narrative: form.narrative,
        ...(survivor ? { survivor_code: form.survivor_code, consents: form.consents } : {}),
      });
      setRecorded(id);
      setForm(EMPTY);
      onRecorded(id);
    } catch (e) {
      const field = e instanceof ApiError && e.reason ? `record-${e.reason}` : undefined;
      setErrors([{ field, message: e instanceof Error ? e.message : String(e) }]);
    }
  };

  return (
    <section class="section" aria-labelledby="record-heading" data-testid="record-incident">
      <h2 class="heading-l" id="record-heading">{t('incidents.record.title')}</h2>
      <ErrorSummary errors={errors} />
      {recorded !== null && <p class="notice" role="status" data-testid="recorded">{t('incidents.record.done', { id: recorded })}</p>}
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label class="label" for="record-type">{t('incidents.type')}</label>
          <select class="select" id="record-type" value={form.type} onChange={(e) => set('type')((e.target as HTMLSelectElement).value)}>
            {INCIDENT_TYPES.filter((k) => canRecordSurvivors || k !== 'sexual_violence').map((k) => (
              <option key={k} value={k}>{t(`incidents.kind.${k}`)}</option>
            ))}
          </select>
        </div>
        <TextField id="record-month" label={t('incidents.record.month')} value={form.month} onInput={set('month')} error={errorOf('month')} width="short" />
        <TextField id="record-occurred_on" label={t('incidents.record.day')} hint={t('incidents.record.dayHint')} value={form.occurred_on} onInput={set('occurred_on')} error={errorOf('occurred_on')} width="half" />
        <TextField id="record-lat" label={t('incidents.record.lat')} value={form.lat} onInput={set('lat')} error={errorOf('lat')} inputMode="decimal" width="half" />
        <TextField id="record-lon" label={t('incidents.record.lon')} value={form.lon} onInput={set('lon')} error={errorOf('lon')} inputMode="decimal" width="half" />
        <TextField id="record-location" label={t('incidents.record.location')} value={form.location} onInput={set('location')} />
        <fieldset class="field">
          <legend class="label">{t('incidents.record.victims')}</legend>
          <TextField id="record-women" label={t('incidents.record.women')} value={form.women} onInput={set('women')} inputMode="numeric" width="short" />
          <TextField id="record-men" label={t('incidents.record.men')} value={form.men} onInput={set('men')} inputMode="numeric" width="short" />
          <TextField id="record-girls" label={t('incidents.record.girls')} value={form.girls} onInput={set('girls')} inputMode="numeric" width="short" />
          <TextField id="record-boys" label={t('incidents.record.boys')} value={form.boys} onInput={set('boys')} inputMode="numeric" width="short" />
        </fieldset>
        {survivor && (
          <>
            <TextField id="record-survivor_code" label={t('incidents.record.code')} hint={t('incidents.record.codeHint')} value={form.survivor_code} onInput={(v) => set('survivor_code')(v.toUpperCase())} error={errorOf('survivor_code')} width="half" />
            <fieldset class="field">
              <legend class="label">{t('incidents.record.consents')}</legend>
              <p class="hint">{t('incidents.record.consentsHint')}</p>
              {CONSENTS.map((c) => (
                <label key={c} class="radio">
                  <input type="checkbox" id={`record-consent-${c}`} checked={form.consents[c]}
                    onChange={(e) => setForm((f) => ({ ...f, consents: { ...f.consents, [c]: (e.target as HTMLInputElement).checked } }))} />{' '}
                  {t(`incidents.consent.${c}`)}
                </label>
              ))}
            </fieldset>
          </>
        )}
        <div class="field">
          <label class="label" for="record-narrative">{t('incidents.record.narrative')}</label>
          <textarea class="textarea" id="record-narrative" rows={4} value={form.narrative} onInput={(e) => set('narrative')((e.target as HTMLTextAreaElement).value)} />
        </div>
        <button type="submit" class="button" data-testid="record-submit">{t('incidents.record.submit')}</button>
      </form>
    </section>
  );
}
