// A person's file (`#/screening/42`): their registration, screening hits,
// protection claims and decisions, trafficking and best-interest assessments,
// referrals and returns, and what stops a return today, with the forms a
// protection officer uses: update a claim (decision, appeal, withdrawal), the
// trafficking-indicators checklist, a child's best-interest assessment, and a
// referral to a partner with the person's consent.

import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { BestInterestRecommendation, ClaimStatus, PersonFile, ScreeningHit, TraffickingOutcome } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { type MessageKey, useI18n } from '../../i18n';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

const CLAIM_STATUSES: ClaimStatus[] = ['recognised', 'rejected', 'under_appeal', 'rejected_final', 'withdrawn'];
const OUTCOMES: TraffickingOutcome[] = ['no_indicators', 'suspected', 'recognised', 'not_a_victim'];
const RECOMMENDATIONS: BestInterestRecommendation[] = ['stay', 'return', 'other_solution'];
/** The checklist's codes (src/model/protection.cc), in its order. */
export const INDICATORS = [
  'deceptive_recruitment',
  'debt_bondage',
  'documents_withheld',
  'movement_restricted',
  'threats_or_violence',
  'sexual_exploitation',
  'forced_labour',
  'controlled_by_others',
  'excessive_work',
  'child_exploited',
  'unaware_of_destination',
] as const;

function problemOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

/** A form's submission: the server's refusal is shown at the top of the form, a success below its title. */
function useSubmit(onDone: () => void) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = (call: () => Promise<string>) => {
    setProblem(null);
    setDone(null);
    call()
      .then((message) => {
        setDone(message);
        onDone();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  return { problem, done, run };
}

function FormSection(props: { id: string; title: string; problem: string | null; done: string | null; onSubmit: () => void; children: ComponentChildren }) {
  const { id, title, problem, done, onSubmit, children } = props;
  return (
    <form
      class="section"
      aria-labelledby={`${id}-heading`}
      data-testid={`${id}-form`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <h2 class="heading-l" id={`${id}-heading`}>{title}</h2>
      {problem && <Notice kind="error" title={problem} testId={`${id}-problem`} />}
      {done && <Notice kind="success" title={done} testId={`${id}-done`} />}
      {children}
    </form>
  );
}

function Select<T extends string>(props: { id: string; label: string; value: T; options: readonly T[]; name: (v: T) => string; onChange: (v: T) => void }) {
  return (
    <div class="field">
      <label class="label" for={props.id}>{props.label}</label>
      <select id={props.id} class="select" value={props.value} onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>{props.name(o)}</option>
        ))}
      </select>
    </div>
  );
}

function LodgeClaim({ id, onChange }: { id: number; onChange: () => void }) {
  const { t } = useI18n();
  const [lodgedOn, setLodgedOn] = useState('');
  const { problem, done, run } = useSubmit(onChange);
  return (
    <FormSection id="lodge" title={t('screening.lodgeTitle')} problem={problem} done={done} onSubmit={() => run(() => api.lodgeClaim(id, lodgedOn).then((c) => t('screening.claimLodged', { id: c.id })))}>
      <TextField id="claim-lodged-on" label={t('screening.lodgedOn')} hint={t('returns.dayHint')} value={lodgedOn} onInput={setLodgedOn} width="half" />
      <button type="submit" class="button" data-testid="lodge-claim">{t('screening.lodge')}</button>
    </FormSection>
  );
}

function UpdateClaim({ claims, onChange }: { claims: PersonFile['claims']; onChange: () => void }) {
  const { t } = useI18n();
  const [claimId, setClaimId] = useState(String(claims[0]?.id ?? ''));
  const [status, setStatus] = useState<ClaimStatus>('recognised');
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const { problem, done, run } = useSubmit(onChange);
  useEffect(() => {
    if (!claims.some((c) => String(c.id) === claimId)) setClaimId(String(claims[0]?.id ?? ''));
  }, [claims]);
  if (claims.length === 0) return null;
  const submit = () =>
    run(() =>
      api.updateClaim(Number(claimId), { status, on, note }).then((c) => t('screening.claimUpdated', { id: c.id, status: t(`screening.claimStatus.${c.status}` as MessageKey) })),
    );
  return (
    <FormSection id="claim-update" title={t('screening.claimUpdateTitle')} problem={problem} done={done} onSubmit={submit}>
      <Select id="claim-id" label={t('screening.claimWhich')} value={claimId} options={claims.map((c) => String(c.id))} name={(v) => t('screening.claimOption', { id: v })} onChange={setClaimId} />
      <Select id="claim-status" label={t('screening.claimNewStatus')} value={status} options={CLAIM_STATUSES} name={(v) => t(`screening.claimStatus.${v}` as MessageKey)} onChange={setStatus} />
      <TextField id="claim-on" label={t('screening.claimOn')} hint={t('returns.dayHint')} value={on} onInput={setOn} width="half" />
      <TextField id="claim-note" label={t('screening.claimNote')} value={note} onInput={setNote} />
      <button type="submit" class="button" data-testid="update-claim">{t('screening.claimUpdate')}</button>
    </FormSection>
  );
}

function Trafficking({ id, onChange }: { id: number; onChange: () => void }) {
  const { t } = useI18n();
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<TraffickingOutcome>('no_indicators');
  const [on, setOn] = useState('');
  const { problem, done, run } = useSubmit(onChange);
  const toggle = (code: string) =>
    setChecked((old) => {
      const next = new Set(old);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  const submit = () =>
    run(() =>
      api
        .assessTrafficking(id, { indicators: INDICATORS.filter((c) => checked.has(c)), outcome, assessed_on: on })
        .then((a) => t('screening.traffickingRecorded', { outcome: t(`screening.outcome.${a.outcome}` as MessageKey) })),
    );
  return (
    <FormSection id="trafficking" title={t('screening.traffickingTitle')} problem={problem} done={done} onSubmit={submit}>
      <fieldset class="fieldset">
        <legend class="label">{t('screening.traffickingChecklist')}</legend>
        {INDICATORS.map((code) => (
          <div class="checkbox" key={code}>
            <input class="checkbox__input" type="checkbox" id={`indicator-${code}`} checked={checked.has(code)} onChange={() => toggle(code)} />
            <label class="checkbox__label" for={`indicator-${code}`}>{t(`screening.indicator.${code}` as MessageKey)}</label>
          </div>
        ))}
      </fieldset>
      <Select id="trafficking-outcome" label={t('screening.traffickingOutcome')} value={outcome} options={OUTCOMES} name={(v) => t(`screening.outcome.${v}` as MessageKey)} onChange={setOutcome} />
      <TextField id="trafficking-on" label={t('screening.assessedOn')} hint={t('returns.dayHint')} value={on} onInput={setOn} width="half" />
      <button type="submit" class="button" data-testid="record-trafficking">{t('screening.traffickingRecord')}</button>
    </FormSection>
  );
}

function BestInterest({ id, onChange }: { id: number; onChange: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'completed'>('open');
  const [recommendation, setRecommendation] = useState<BestInterestRecommendation>('stay');
  const [note, setNote] = useState('');
  const { problem, done, run } = useSubmit(onChange);
  const submit = () =>
    run(() =>
      api
        .bestInterest(id, status === 'completed' ? { status, recommendation, note } : { status, note })
        .then((b) => t(b.status === 'completed' ? 'screening.biaCompleted' : 'screening.biaOpened', { recommendation: t(`screening.recommendation.${b.recommendation || 'stay'}` as MessageKey) })),
    );
  return (
    <FormSection id="bia" title={t('screening.biaTitle')} problem={problem} done={done} onSubmit={submit}>
      <Select id="bia-status" label={t('screening.biaStatus')} value={status} options={['open', 'completed'] as const} name={(v) => t(`screening.biaStatus.${v}` as MessageKey)} onChange={setStatus} />
      {status === 'completed' && (
        <Select id="bia-recommendation" label={t('screening.biaRecommendation')} value={recommendation} options={RECOMMENDATIONS} name={(v) => t(`screening.recommendation.${v}` as MessageKey)} onChange={setRecommendation} />
      )}
      <TextField id="bia-note" label={t('screening.claimNote')} value={note} onInput={setNote} />
      <button type="submit" class="button" data-testid="record-bia">{t('screening.biaRecord')}</button>
    </FormSection>
  );
}

function Referral({ id, onChange }: { id: number; onChange: () => void }) {
  const { t } = useI18n();
  const [partner, setPartner] = useState('');
  const [service, setService] = useState('');
  const [consent, setConsent] = useState(false);
  const [consentNote, setConsentNote] = useState('');
  const { problem, done, run } = useSubmit(onChange);
  const submit = () =>
    run(() => api.refer(id, { partner, service, consent, consent_note: consentNote }).then(() => t('screening.referred', { partner })));
  return (
    <FormSection id="referral" title={t('screening.referralTitle')} problem={problem} done={done} onSubmit={submit}>
      <TextField id="referral-partner" label={t('screening.referralPartner')} hint={t('screening.referralPartnerHint')} value={partner} onInput={setPartner} />
      <TextField id="referral-service" label={t('screening.referralService')} hint={t('screening.referralServiceHint')} value={service} onInput={setService} />
      <div class="checkbox">
        <input class="checkbox__input" type="checkbox" id="referral-consent" checked={consent} onChange={() => setConsent(!consent)} />
        <label class="checkbox__label" for="referral-consent">{t('screening.referralConsent')}</label>
      </div>
      <TextField id="referral-consent-note" label={t('screening.referralConsentNote')} hint={t('screening.referralConsentNoteHint')} value={consentNote} onInput={setConsentNote} />
      <button type="submit" class="button" data-testid="refer">{t('screening.refer')}</button>
    </FormSection>
  );
}

export function PersonFileView({ id, me }: { id: number; me: PageProps['me'] }) {
  const { t, formatDay } = useI18n();
  const [file, setFile] = useState<PersonFile | null>(null);
  const [hits, setHits] = useState<ScreeningHit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    api
      .personFile(id)
      .then(setFile)
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
    if (me.permissions.includes('screening.read')) {
      api
        .screeningHits('all', id)
        .then((answer) => setHits(answer.hits))
        .catch(() => setHits([]));
    }
  };
  useEffect(() => {
    setFile(null);
    load();
  }, [id]);
  if (problem) return <Notice kind="error" title={problem} />;
  if (!file) return <Loading />;
  const canManage = me.permissions.includes('protection.manage');
  const claimStatus = (s: string) => t(`screening.claimStatus.${s}` as MessageKey);
  return (
    <>
      <PageHeading title={t('screening.fileTitle', { id: file.person_id })} lead={t('screening.fileLead')} />
      <p>
        <a href="#/screening">{t('screening.backToQueue')}</a>
      </p>
      <section class="section" aria-labelledby="registration-heading">
        <h2 class="heading-l" id="registration-heading">{t('screening.registration')}</h2>
        <p data-testid="file-registration">
          {t('screening.registeredLine', { day: formatDay(file.registered_on), nationality: file.nationality })}{' '}
          {file.child && <strong>{t('screening.isChild')}</strong>}
        </p>
      </section>
      <section class="section" aria-labelledby="safeguards-heading">
        <h2 class="heading-l" id="safeguards-heading">{t('screening.safeguards')}</h2>
        {file.safeguards.length === 0 ? (
          <p data-testid="no-safeguard">{t('screening.noSafeguard')}</p>
        ) : (
          <Notice kind="warning" title={t('screening.returnStoppedTitle')}>
            <ul data-testid="safeguards">
              {file.safeguards.map((s) => (
                <li key={s.safeguard}>
                  <strong>{t('screening.returnStopped')}</strong> {s.reason}
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </section>
      <section class="section" aria-labelledby="file-hits-heading">
        <h2 class="heading-l" id="file-hits-heading">{t('screening.hits')}</h2>
        {hits.length === 0 && <p>{t('screening.none')}</p>}
        <ul data-testid="file-hits">
          {hits.map((h) => (
            <li key={h.id}>{t('screening.hitLine', { entry: h.entry_id, score: h.score.toFixed(3), status: h.status })}</li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="claims-heading">
        <h2 class="heading-l" id="claims-heading">{t('screening.claims')}</h2>
        {file.claims.length === 0 && <p>{t('screening.none')}</p>}
        <ul data-testid="file-claims">
          {file.claims.map((c) => (
            <li key={c.id}>
              {t('screening.claimLine', { id: c.id, lodged: c.lodged_on, status: claimStatus(c.status) })}
              {c.decided_on && ` · ${t('screening.claimDecidedOn', { day: c.decided_on })}`}
              {c.appealed_on && ` · ${t('screening.claimAppealedOn', { day: c.appealed_on })}`}
              {c.decision_note && ` · ${c.decision_note}`}
            </li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="assessments-heading">
        <h2 class="heading-l" id="assessments-heading">{t('screening.assessments')}</h2>
        {file.trafficking.length + file.best_interest.length + file.referrals.length === 0 && <p>{t('screening.none')}</p>}
        <ul data-testid="file-assessments">
          {file.trafficking.map((a) => (
            <li key={`t${a.id}`}>
              {t('screening.traffickingLine', { day: a.assessed_on, outcome: t(`screening.outcome.${a.outcome}` as MessageKey), who: a.assessed_by })}
              {a.indicators.length > 0 && `: ${a.indicators.map((c) => t(`screening.indicator.${c}` as MessageKey)).join('; ')}`}
            </li>
          ))}
          {file.best_interest.map((b) => (
            <li key={`b${b.id}`}>
              {t('screening.biaLine', {
                status: t(`screening.biaStatus.${b.status}` as MessageKey),
                recommendation: b.recommendation ? t(`screening.recommendation.${b.recommendation}` as MessageKey) : '–',
                who: b.updated_by,
              })}
            </li>
          ))}
          {file.referrals.map((r) => (
            <li key={`r${r.id}`}>
              {t('screening.referralLine', { partner: r.partner, service: r.service })}{' '}
              {r.consent ? t('screening.consentGiven') : t('screening.consentNotGiven')}
              {r.consent_note && ` (${r.consent_note})`}
            </li>
          ))}
        </ul>
      </section>
      <section class="section" aria-labelledby="returns-heading">
        <h2 class="heading-l" id="returns-heading">{t('screening.returns')}</h2>
        {file.returns.length === 0 && <p>{t('screening.none')}</p>}
        <ul data-testid="file-returns">
          {file.returns.map((r) => (
            <li key={r.id}>
              {t('screening.returnLine', { id: r.id, to: r.receiving_country, status: r.status })}
              {' · '}
              {r.rule_version === null ? t('screening.noRuleVersion') : t('screening.ruleVersion', { version: r.rule_version })}
              {r.stopped_reason && ` — ${r.stopped_reason}`}
            </li>
          ))}
        </ul>
      </section>
      {canManage && (
        <>
          <LodgeClaim id={id} onChange={load} />
          <UpdateClaim claims={file.claims} onChange={load} />
          <Trafficking id={id} onChange={load} />
          {file.child && <BestInterest id={id} onChange={load} />}
          <Referral id={id} onChange={load} />
        </>
      )}
    </>
  );
}
