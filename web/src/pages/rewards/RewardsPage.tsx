// The rewards programme: the tiers and their ceilings, the claims by tier and
// status, the nominations with the committee's reviews (two different members
// approve) and payments, and the form a tip handler proposes a reward with.

import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from '../../api/client';
import type { NewNomination, Nomination, OutcomeKind, RewardReportRow, RewardTier } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { TextField } from '../../ui/Field';
import { Loading } from '../../ui/Loading';
import { Notice } from '../../ui/Notice';
import { PageHeading } from '../../ui/PageHeading';

const KINDS: OutcomeKind[] = ['arrest', 'conviction', 'asset_seizure', 'finance_disruption', 'death_link'];

function dollars(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(cents / 100);
}

function NominationCard({ n, canReview, canPay, onChange }: {
  n: Nomination; canReview: boolean; canPay: boolean; onChange: (message: string | null, problem: string | null) => void;
}) {
  const { t, formatDay } = useI18n();
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState('');
  const [reference, setReference] = useState('');
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onChange(t('tips.saved'), null);
    } catch (error) {
      onChange(null, error instanceof ApiError ? error.message : t('errors.unreachable'));
    }
  };
  return (
    <li class="nomination" data-testid={`nomination-${n.id}`}>
      <h3 class="heading-s">{t('rewards.nomination', { id: n.id, tip: n.tip_id, tier: n.tier })}</h3>
      <p>{t('rewards.outcome', { kind: t(`rewards.kind.${n.outcome_kind}`), day: formatDay(n.outcome_on), reference: n.outcome_reference })}</p>
      <p>{t('rewards.amount', { amount: n.amount })}</p>
      <p class="tip-text">{n.justification}</p>
      <p data-testid={`nomination-${n.id}-status`}>{t('rewards.statusLine', { status: t(`rewards.status.${n.status}`) })}</p>
      {n.reviews.length > 0 && (
        <p>{t('rewards.reviews', { list: n.reviews.map((r) => `${r.reviewer}: ${t(r.decision === 'approve' ? 'rewards.approve' : 'rewards.reject')}`).join(', ') })}</p>
      )}
      {n.payment && <p>{t('rewards.paidLine', { amount: n.payment.amount, day: formatDay(n.payment.paid_on), reference: n.payment.reference })}</p>}
      {canReview && n.status === 'proposed' && (
        <div class="button-group">
          <button type="button" class="button" data-testid={`approve-${n.id}`} onClick={() => run(() => api.reviewNomination(n.id, 'approve'))}>
            {t('rewards.approve')}
          </button>
          <TextField id={`reject-reason-${n.id}`} label={t('rewards.rejectReason')} value={reason} onInput={setReason} width="half" />
          <button type="button" class="button button--warning" onClick={() => run(() => api.reviewNomination(n.id, 'reject', reason))}>
            {t('rewards.reject')}
          </button>
        </div>
      )}
      {canPay && n.status === 'approved' && (
        <form onSubmit={(e) => { e.preventDefault(); void run(() => api.payNomination(n.id, { amount, paid_on: paidOn, reference })); }}>
          <TextField id={`pay-amount-${n.id}`} label={t('rewards.payAmount')} value={amount} onInput={setAmount} inputMode="decimal" width="half" />
          <TextField id={`pay-day-${n.id}`} label={t('rewards.payDay')} value={paidOn} onInput={setPaidOn} width="half" />
          <TextField id={`pay-reference-${n.id}`} label={t('rewards.payReference')} value={reference} onInput={setReference} width="half" />
          <button type="submit" class="button" data-testid={`pay-${n.id}`}>{t('rewards.pay')}</button>
        </form>
      )}
    </li>
  );
}

function NominationForm({ tiers, onDone }: { tiers: RewardTier[]; onDone: (message: string | null, problem: string | null) => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<Record<string, string>>({ tier: tiers[0]?.code ?? '', outcome_kind: 'arrest' });
  const set = (key: string) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = async (event: Event) => {
    event.preventDefault();
    const nomination: NewNomination = {
      tip_id: Number(form.tip_id ?? 0),
      tier: form.tier ?? '',
      outcome_kind: (form.outcome_kind ?? 'arrest') as OutcomeKind,
      outcome_on: form.outcome_on ?? '',
      ...(form.case_event_id ? { case_event_id: Number(form.case_event_id) } : {}),
      outcome_reference: form.outcome_reference ?? '',
      amount: form.amount ?? '',
      justification: form.justification ?? '',
    };
    try {
      await api.nominate(nomination);
      setForm({ tier: tiers[0]?.code ?? '', outcome_kind: 'arrest' });
      onDone(t('tips.saved'), null);
    } catch (error) {
      onDone(null, error instanceof ApiError ? error.message : t('errors.unreachable'));
    }
  };
  return (
    <form onSubmit={submit} data-testid="nomination-form">
      <TextField id="nominate-tip" label={t('rewards.tipId')} value={form.tip_id ?? ''} onInput={set('tip_id')} inputMode="numeric" width="short" />
      <div class="form-group">
        <label class="label" for="nominate-tier">{t('rewards.tier')}</label>
        <select id="nominate-tier" class="select" value={form.tier} onChange={(e) => set('tier')((e.currentTarget as HTMLSelectElement).value)}>
          {tiers.map((tier) => <option key={tier.code} value={tier.code}>{`${tier.name} (${tier.ceiling})`}</option>)}
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="nominate-kind">{t('rewards.outcomeKind')}</label>
        <select id="nominate-kind" class="select" value={form.outcome_kind} onChange={(e) => set('outcome_kind')((e.currentTarget as HTMLSelectElement).value)}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`rewards.kind.${k}`)}</option>)}
        </select>
      </div>
      <TextField id="nominate-day" label={t('rewards.outcomeOn')} value={form.outcome_on ?? ''} onInput={set('outcome_on')} width="half" />
      <TextField id="nominate-event" label={t('rewards.caseEvent')} value={form.case_event_id ?? ''} onInput={set('case_event_id')} inputMode="numeric" width="short" />
      <TextField id="nominate-reference" label={t('rewards.reference')} value={form.outcome_reference ?? ''} onInput={set('outcome_reference')} />
      <TextField id="nominate-amount" label={t('rewards.amountLabel')} value={form.amount ?? ''} onInput={set('amount')} inputMode="decimal" width="half" />
      <div class="form-group">
        <label class="label" for="nominate-justification">{t('rewards.justification')}</label>
        <div class="hint" id="nominate-justification-hint">{t('rewards.justificationHint')}</div>
        <textarea id="nominate-justification" class="textarea" rows={4} aria-describedby="nominate-justification-hint"
          value={form.justification ?? ''} onInput={(e) => set('justification')((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <button type="submit" class="button" data-testid="propose">{t('rewards.propose')}</button>
    </form>
  );
}

export function RewardsPage({ me }: PageProps) {
  const { t, locale } = useI18n();
  const [tiers, setTiers] = useState<RewardTier[] | null>(null);
  const [report, setReport] = useState<RewardReportRow[]>([]);
  const [nominations, setNominations] = useState<Nomination[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const load = () => {
    Promise.all([api.rewardTiers(), api.rewardReport(), api.nominations()])
      .then(([tierAnswer, reportAnswer, list]) => {
        setTiers(tierAnswer.tiers);
        setReport(reportAnswer.rows);
        setNominations(list.nominations);
      })
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error.message : t('errors.unreachable')));
  };
  useEffect(load, []);
  const changed = (message: string | null, failure: string | null) => {
    setNotice(message);
    setProblem(failure);
    if (message) load();
  };
  if (!tiers) return problem ? <Notice kind="error" title={problem} /> : <Loading />;
  return (
    <>
      <PageHeading title={t('rewards.title')} lead={t('rewards.lead')} />
      {problem && <Notice kind="error" title={problem} testId="rewards-problem" />}
      {notice && <Notice kind="success" title={notice} />}
      <section class="section" aria-labelledby="tiers-heading">
        <h2 class="heading-l" id="tiers-heading">{t('rewards.tiers')}</h2>
        <DataTable caption={t('rewards.tiers')} captionHidden testId="reward-tiers" rows={tiers} rowKey={(r) => r.code}
          columns={[
            { key: 'code', header: t('rewards.col.tier'), value: (r) => r.code },
            { key: 'name', header: t('rewards.col.name'), value: (r) => r.name },
            { key: 'ceiling', header: t('rewards.col.ceiling'), value: (r) => r.ceiling_usd_cents, numeric: true,
              render: (r) => dollars(r.ceiling_usd_cents, locale) },
          ]} />
      </section>
      <section class="section" aria-labelledby="report-heading">
        <h2 class="heading-l" id="report-heading">{t('rewards.report')}</h2>
        <DataTable caption={t('rewards.report')} captionHidden testId="reward-report" rows={report} rowKey={(r) => `${r.tier}/${r.status}`}
          exportName="reward-claims" emptyText={t('rewards.noNominations')}
          columns={[
            { key: 'tier', header: t('rewards.col.tier'), value: (r) => r.tier },
            { key: 'status', header: t('rewards.col.status'), value: (r) => r.status, render: (r) => t(`rewards.status.${r.status}`) },
            { key: 'count', header: t('rewards.col.count'), value: (r) => r.count, numeric: true },
            { key: 'proposed', header: t('rewards.col.proposed'), value: (r) => r.proposed_usd_cents / 100, numeric: true,
              render: (r) => dollars(r.proposed_usd_cents, locale) },
            { key: 'paid', header: t('rewards.col.paid'), value: (r) => r.paid_usd_cents / 100, numeric: true,
              render: (r) => dollars(r.paid_usd_cents, locale) },
          ]} />
      </section>
      <section class="section" aria-labelledby="nominations-heading">
        <h2 class="heading-l" id="nominations-heading">{t('rewards.nominations')}</h2>
        {nominations.length === 0 && <p>{t('rewards.noNominations')}</p>}
        <ul class="nominations">
          {nominations.map((n) => (
            <NominationCard key={n.id} n={n} canReview={me.permissions.includes('rewards.review')}
              canPay={me.permissions.includes('rewards.pay')} onChange={changed} />
          ))}
        </ul>
      </section>
      {me.permissions.includes('rewards.nominate') && (
        <section class="section" aria-labelledby="nominate-heading">
          <h2 class="heading-l" id="nominate-heading">{t('rewards.new')}</h2>
          <NominationForm tiers={tiers} onDone={changed} />
        </section>
      )}
    </>
  );
}
