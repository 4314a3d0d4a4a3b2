// Returns: decide a return for a registered person (refused, with the reason,
// when a safeguard forbids it), then build a manifest (a bus or a flight) and
// execute it. Every return is checked again when the manifest is executed; who
// was stopped, and why, is shown beside who went. A voluntary return that the
// person asks for while a safeguard applies needs an override: one officer
// records the request, a second, different officer approves it.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { ExecutionOutcome, ReturnDecision, ReturnManifest } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

function problemOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}

function DecideForm({ onDecided }: { onDecided: (r: ReturnDecision) => void }) {
  const { t } = useI18n();
  const [person, setPerson] = useState('');
  const [country, setCountry] = useState('');
  const [reason, setReason] = useState('');
  const [voluntary, setVoluntary] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [decided, setDecided] = useState<ReturnDecision | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setDecided(null);
    api
      .decideReturn({ person_id: Number(person), receiving_country: country.trim().toUpperCase(), reason, voluntary })
      .then((r) => {
        setDecided(r);
        onDecided(r);
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  return (
    <form class="section" onSubmit={submit} aria-labelledby="decide-heading" noValidate>
      <h2 class="heading-l" id="decide-heading">{t('returns.decideTitle')}</h2>
      {problem && (
        <div data-testid="decide-problem">
          <Notice kind="error" title={t('returns.notAllowed')}>
            <p>{problem}</p>
          </Notice>
        </div>
      )}
      {decided && (
        <div data-testid="decided">
          <Notice kind="success" title={t('returns.decided', { id: decided.id, to: decided.receiving_country })}>
            {decided.voluntary && <p>{t('returns.voluntaryNext')}</p>}
            {decided.rule_version !== null && <p>{t('returns.ruleVersionUsed', { version: decided.rule_version })}</p>}
          </Notice>
        </div>
      )}
      <TextField id="return-person" label={t('returns.person')} value={person} onInput={setPerson} inputMode="numeric" width="short" />
      <TextField id="return-country" label={t('returns.country')} hint={t('returns.countryHint')} value={country} onInput={setCountry} width="short" />
      <TextField id="return-reason" label={t('returns.reason')} value={reason} onInput={setReason} />
      <div class="checkbox">
        <input class="checkbox__input" type="checkbox" id="return-voluntary" checked={voluntary} onChange={() => setVoluntary(!voluntary)} />
        <label class="checkbox__label" for="return-voluntary">{t('returns.voluntary')}</label>
      </div>
      <button type="submit" class="button" data-testid="decide-return">{t('returns.decide')}</button>
    </form>
  );
}

function OverrideForms() {
  const { t } = useI18n();
  const [requestId, setRequestId] = useState('');
  const [statement, setStatement] = useState('');
  const [approveId, setApproveId] = useState('');
  const [requestProblem, setRequestProblem] = useState<string | null>(null);
  const [requestDone, setRequestDone] = useState<string | null>(null);
  const [approveProblem, setApproveProblem] = useState<{ title: string; detail: string } | null>(null);
  const [approveDone, setApproveDone] = useState<string | null>(null);
  const request = (event: Event) => {
    event.preventDefault();
    setRequestProblem(null);
    setRequestDone(null);
    api
      .requestOverride(Number(requestId), statement)
      .then((o) => setRequestDone(t('returns.overrideRequested', { id: requestId, who: o.requested_by })))
      .catch((error: unknown) => setRequestProblem(problemOf(error, t('errors.unreachable'))));
  };
  const approve = (event: Event) => {
    event.preventDefault();
    setApproveProblem(null);
    setApproveDone(null);
    api
      .approveOverride(Number(approveId))
      .then((o) => setApproveDone(t('returns.overrideApproved', { id: approveId, asked: o.requested_by, approved: o.approved_by })))
      .catch((error: unknown) => {
        const same = error instanceof ApiError && error.reason === 'same_officer';
        setApproveProblem({
          title: same ? t('returns.sameOfficer') : t('returns.overrideRefused'),
          detail: problemOf(error, t('errors.unreachable')),
        });
      });
  };
  return (
    <section class="section" aria-labelledby="override-heading">
      <h2 class="heading-l" id="override-heading">{t('returns.overrideTitle')}</h2>
      <p>{t('returns.overrideLead')}</p>
      <form onSubmit={request} noValidate data-testid="override-request-form">
        <h3 class="heading-m">{t('returns.overrideRequestTitle')}</h3>
        {requestProblem && <Notice kind="error" title={requestProblem} testId="override-request-problem" />}
        {requestDone && <Notice kind="success" title={requestDone} testId="override-requested" />}
        <TextField id="override-return" label={t('returns.returnNumber')} value={requestId} onInput={setRequestId} inputMode="numeric" width="short" />
        <TextField id="override-statement" label={t('returns.overrideStatement')} hint={t('returns.overrideStatementHint')} value={statement} onInput={setStatement} />
        <button type="submit" class="button" data-testid="request-override">{t('returns.overrideRequest')}</button>
      </form>
      <form onSubmit={approve} noValidate data-testid="override-approve-form">
        <h3 class="heading-m">{t('returns.overrideApproveTitle')}</h3>
        {approveProblem && (
          <Notice kind="error" title={approveProblem.title} testId="override-approve-problem">
            <p>{approveProblem.detail}</p>
          </Notice>
        )}
        {approveDone && <Notice kind="success" title={approveDone} testId="override-approved" />}
        <TextField id="approve-return" label={t('returns.returnNumber')} value={approveId} onInput={setApproveId} inputMode="numeric" width="short" />
        <button type="submit" class="button" data-testid="approve-override">{t('returns.overrideApprove')}</button>
      </form>
    </section>
  );
}

function ManifestBuilder({ manifest, onChange }: { manifest: ReturnManifest; onChange: () => void }) {
  const { t } = useI18n();
  const [returns, setReturns] = useState<ReturnDecision[]>([]);
  const [returnId, setReturnId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<ExecutionOutcome[] | null>(null);
  const load = () => {
    api
      .manifestReturns(manifest.id)
      .then((answer) => setReturns(answer.returns))
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  useEffect(load, [manifest.id]);
  const add = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    api
      .addToManifest(manifest.id, Number(returnId))
      .then(() => {
        setReturnId('');
        load();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  const execute = () => {
    setProblem(null);
    api
      .executeManifest(manifest.id)
      .then((answer) => {
        setOutcomes(answer.outcomes);
        onChange();
      })
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  return (
    <section class="section" data-testid={`manifest-${manifest.id}`} aria-labelledby={`manifest-heading-${manifest.id}`}>
      <h2 class="heading-l" id={`manifest-heading-${manifest.id}`}>
        {t('returns.manifestTitle', { id: manifest.id, mode: t(manifest.mode === 'bus' ? 'returns.bus' : 'returns.flight'), to: manifest.receiving_country, day: manifest.departs_on })}
      </h2>
      {problem && (
        <div data-testid="manifest-problem">
          <Notice kind="error" title={problem} />
        </div>
      )}
      <ul data-testid="manifest-returns">
        {returns.map((r) => (
          <li key={r.id}>{t('returns.passenger', { id: r.id, person: r.person_id, status: r.status })}</li>
        ))}
      </ul>
      {manifest.status === 'open' && (
        <>
          <form onSubmit={add} noValidate>
            <TextField id={`manifest-add-${manifest.id}`} label={t('returns.addReturn')} value={returnId} onInput={setReturnId} inputMode="numeric" width="short" />
            <button type="submit" class="button button--secondary" data-testid={`add-${manifest.id}`}>{t('returns.add')}</button>
          </form>
          <button type="button" class="button" data-testid={`execute-${manifest.id}`} onClick={execute}>
            {t('returns.execute')}
          </button>
        </>
      )}
      {outcomes && (
        <ul data-testid="outcomes">
          {outcomes.map((o) => (
            <li key={o.return.id}>
              {o.executed
                ? t('returns.went', { id: o.return.id, person: o.return.person_id })
                : t('returns.stopped', { id: o.return.id, person: o.return.person_id, why: o.stopped_reason })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ReturnsPage({ me }: PageProps) {
  const { t } = useI18n();
  const canExecute = me.permissions.includes('returns.execute');
  const canDecide = me.permissions.includes('returns.decide');
  const [manifests, setManifests] = useState<ReturnManifest[]>([]);
  const [mode, setMode] = useState<'bus' | 'flight'>('bus');
  const [country, setCountry] = useState('');
  const [day, setDay] = useState('');
  const [escort, setEscort] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    if (!canExecute) return;
    api
      .manifests()
      .then((answer) => setManifests(answer.manifests))
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  useEffect(load, [canExecute]);
  const create = (event: Event) => {
    event.preventDefault();
    setProblem(null);
    api
      .createManifest({ mode, receiving_country: country.trim().toUpperCase(), departs_on: day, escort })
      .then(load)
      .catch((error: unknown) => setProblem(problemOf(error, t('errors.unreachable'))));
  };
  return (
    <>
      <PageHeading title={t('returns.title')} lead={t('returns.lead')} />
      {canDecide && <DecideForm onDecided={load} />}
      {canDecide && <OverrideForms />}
      {canExecute && (
        <form class="section" onSubmit={create} aria-labelledby="manifest-new-heading" noValidate>
          <h2 class="heading-l" id="manifest-new-heading">{t('returns.newManifest')}</h2>
          {problem && <Notice kind="error" title={problem} />}
          <div class="field">
            <label class="label" for="manifest-mode">{t('returns.mode')}</label>
            <select id="manifest-mode" class="select" value={mode} onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as 'bus' | 'flight')}>
              <option value="bus">{t('returns.bus')}</option>
              <option value="flight">{t('returns.flight')}</option>
            </select>
          </div>
          <TextField id="manifest-country" label={t('returns.country')} hint={t('returns.countryHint')} value={country} onInput={setCountry} width="short" />
          <TextField id="manifest-day" label={t('returns.departsOn')} hint={t('returns.dayHint')} value={day} onInput={setDay} width="half" />
          <TextField id="manifest-escort" label={t('returns.escort')} value={escort} onInput={setEscort} />
          <button type="submit" class="button" data-testid="create-manifest">{t('returns.create')}</button>
        </form>
      )}
      {manifests.map((m) => (
        <ManifestBuilder key={m.id} manifest={m} onChange={load} />
      ))}
    </>
  );
}
