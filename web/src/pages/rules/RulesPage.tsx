// Entry requirements: every version with its effective day (the one in force
// today marked), and for an administrator a new version, written with a simple
// form or as JSON. Each return decision records the version in force on its
// day (shown on the person's file and when a return is decided).

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { RuleVersion } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Field, TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

interface RulesForm {
  documents: string;
  visa_required: string;
  visa_exempt: string;
  min_age_alone: string;
  notes: string;
}

const EMPTY: RulesForm = { documents: '', visa_required: '', visa_exempt: '', min_age_alone: '', notes: '' };

function list(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function formOf(rules: string): RulesForm {
  try {
    const r = JSON.parse(rules) as Record<string, unknown>;
    const join = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
    return {
      documents: join(r.documents),
      visa_required: join(r.visa_required),
      visa_exempt: join(r.visa_exempt),
      min_age_alone: typeof r.min_age_alone === 'number' ? String(r.min_age_alone) : '',
      notes: typeof r.notes === 'string' ? r.notes : '',
    };
  } catch {
    return EMPTY;
  }
}

function jsonOf(form: RulesForm): string {
  const r: Record<string, unknown> = {
    documents: list(form.documents),
    visa_required: list(form.visa_required).map((c) => c.toUpperCase()),
    visa_exempt: list(form.visa_exempt).map((c) => c.toUpperCase()),
  };
  if (form.min_age_alone.trim() !== '') r.min_age_alone = Number(form.min_age_alone.trim());
  if (form.notes.trim() !== '') r.notes = form.notes.trim();
  return JSON.stringify(r, null, 2);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function NewVersion({ latest, onAdded }: { latest: RuleVersion | undefined; onAdded: (message: string) => void }) {
  const { t } = useI18n();
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  const [asJson, setAsJson] = useState(false);
  const [form, setForm] = useState<RulesForm>(latest ? formOf(latest.rules) : EMPTY);
  const [json, setJson] = useState(latest?.rules ?? '{}');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof RulesForm) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    const bad: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn)) bad['rules-effective-on'] = t('rules.dayError');
    if (!asJson && form.min_age_alone.trim() !== '' && !/^\d+$/.test(form.min_age_alone.trim())) {
      bad['rules-min-age'] = t('rules.ageError');
    }
    let text = asJson ? json : jsonOf(form);
    if (asJson) {
      try {
        text = JSON.stringify(JSON.parse(json));
      } catch {
        bad['rules-json'] = t('rules.jsonError');
      }
    }
    setErrors(bad);
    if (Object.keys(bad).length > 0) return;
    api
      .addRules({ effective_on: effectiveOn, rules: text, note })
      .then((v) => onAdded(t('rules.added', { version: v.version, day: v.effective_on })))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t('errors.unreachable')));
  };
  const errorList = Object.entries(errors).map(([field, message]) => ({ field, message }));
  return (
    <form class="section" onSubmit={submit} aria-labelledby="rules-new-heading" noValidate data-testid="rules-form">
      <h2 class="heading-l" id="rules-new-heading">{t('rules.newTitle')}</h2>
      {errorList.length > 0 && <ErrorSummary title={t('rules.errorsTitle')} errors={errorList} />}
      {problem && <Notice kind="error" title={problem} testId="rules-problem" />}
      <TextField id="rules-effective-on" label={t('rules.effectiveOn')} hint={t('rules.effectiveOnHint')} value={effectiveOn} onInput={setEffectiveOn} error={errors['rules-effective-on']} width="half" />
      <div class="checkbox">
        <input class="checkbox__input" type="checkbox" id="rules-as-json" checked={asJson} onChange={() => {
          if (!asJson) setJson(jsonOf(form));
          else setForm(formOf(json));
          setAsJson(!asJson);
        }} />
        <label class="checkbox__label" for="rules-as-json">{t('rules.asJson')}</label>
      </div>
      {asJson ? (
        <Field id="rules-json" label={t('rules.json')} hint={t('rules.jsonHint')} error={errors['rules-json']}>
          {(describedBy) => (
            <textarea id="rules-json" class="textarea" rows={10} spellcheck={false} aria-describedby={describedBy} value={json} onInput={(e) => setJson(e.currentTarget.value)} />
          )}
        </Field>
      ) : (
        <>
          <TextField id="rules-documents" label={t('rules.documents')} hint={t('rules.documentsHint')} value={form.documents} onInput={set('documents')} />
          <TextField id="rules-visa-required" label={t('rules.visaRequired')} hint={t('rules.countriesHint')} value={form.visa_required} onInput={set('visa_required')} />
          <TextField id="rules-visa-exempt" label={t('rules.visaExempt')} hint={t('rules.countriesHint')} value={form.visa_exempt} onInput={set('visa_exempt')} />
          <TextField id="rules-min-age" label={t('rules.minAgeAlone')} value={form.min_age_alone} onInput={set('min_age_alone')} error={errors['rules-min-age']} inputMode="numeric" width="short" />
          <TextField id="rules-notes" label={t('rules.notes')} value={form.notes} onInput={set('notes')} />
        </>
      )}
      <TextField id="rules-note" label={t('rules.note')} hint={t('rules.noteHint')} value={note} onInput={setNote} />
      <button type="submit" class="button" data-testid="add-rules">{t('rules.add')}</button>
    </form>
  );
}

export function RulesPage({ me }: PageProps) {
  const { t, formatDay } = useI18n();
  const [versions, setVersions] = useState<RuleVersion[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const load = () => {
    api
      .rules()
      .then((answer) => setVersions(answer.versions))
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t('errors.unreachable')));
  };
  useEffect(load, []);
  const day = today();
  // Newest first: the first version already in effect is the one in force.
  const inForce = versions?.filter((v) => v.effective_on <= day).sort((a, b) => (a.effective_on < b.effective_on ? 1 : a.effective_on > b.effective_on ? -1 : b.version - a.version))[0];
  return (
    <>
      <PageHeading title={t('rules.title')} lead={t('rules.lead')} />
      {problem && <Notice kind="error" title={problem} />}
      {!versions && !problem && <Loading />}
      {versions && (
        <section class="section" aria-labelledby="rules-versions-heading">
          <h2 class="heading-l" id="rules-versions-heading">{t('rules.versionsTitle')}</h2>
          {versions.length === 0 && <p data-testid="rules-none">{t('rules.none')}</p>}
          <ul class="plain-list" data-testid="rules-versions">
            {versions.map((v) => (
              <li key={v.version} data-testid={`rules-version-${v.version}`} class="section">
                <h3 class="heading-m">
                  {t('rules.versionLine', { version: v.version, day: formatDay(v.effective_on), who: v.created_by })}{' '}
                  {inForce?.version === v.version && <strong class="tag">{t('rules.inForce')}</strong>}
                  {v.effective_on > day && <strong class="tag">{t('rules.future')}</strong>}
                </h3>
                {v.note && <p>{v.note}</p>}
                <pre class="code-block">{(() => {
                  try {
                    return JSON.stringify(JSON.parse(v.rules), null, 2);
                  } catch {
                    return v.rules;
                  }
                })()}</pre>
              </li>
            ))}
          </ul>
          <p>{t('rules.decisionsUse')}</p>
        </section>
      )}
      {added && <Notice kind="success" title={added} testId="rules-added" />}
      {versions && me.permissions.includes('rules.manage') && (
        <NewVersion
          key={versions[0]?.version ?? 0}
          latest={versions[0]}
          onAdded={(message) => {
            setAdded(message);
            load();
          }}
        />
      )}
    </>
  );
}
