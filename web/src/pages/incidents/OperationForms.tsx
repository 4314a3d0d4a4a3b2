// The operation log's two forms, for commanders: record an operation (name,
// period, sectors, units) and, once it is over, its results (arrests,
// seizures, rescues). The table of operations above shows both, with the
// incidents before and during.

import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { Operation } from '../../api/types';
import { useI18n } from '../../i18n';
import { ErrorSummary, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COUNT = /^\d{1,7}$/;

export function OperationForms({
  sectorCodes,
  operations,
  onChanged,
}: {
  sectorCodes: string[];
  operations: Operation[];
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [op, setOp] = useState({ name: '', from: '', to: '', ground: '0', air: '0' });
  const [chosen, setChosen] = useState<string[]>([]);
  const [opErrors, setOpErrors] = useState<FieldError[]>([]);
  const [opDone, setOpDone] = useState('');
  const [res, setRes] = useState({ id: '', arrests: '0', seizures: '0', rescues: '0', notes: '' });
  const [resErrors, setResErrors] = useState<FieldError[]>([]);
  const [resDone, setResDone] = useState('');
  const setO = (key: keyof typeof op) => (value: string) => setOp((o) => ({ ...o, [key]: value }));
  const setR = (key: keyof typeof res) => (value: string) => setRes((r) => ({ ...r, [key]: value }));
  const opError = (f: string) => opErrors.find((e) => e.field === `operation-${f}`)?.message;
  const resError = (f: string) => resErrors.find((e) => e.field === `results-${f}`)?.message;
  const message = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

  const record = async (event: Event) => {
    event.preventDefault();
    setOpDone('');
    const problems: FieldError[] = [];
    if (op.name.trim() === '') problems.push({ field: 'operation-name', message: t('incidents.operation.nameError') });
    if (!MONTH.test(op.from)) problems.push({ field: 'operation-from', message: t('incidents.compare.monthError') });
    if (!MONTH.test(op.to)) problems.push({ field: 'operation-to', message: t('incidents.compare.monthError') });
    else if (MONTH.test(op.from) && op.from > op.to) problems.push({ field: 'operation-to', message: t('incidents.compare.orderError') });
    if (!COUNT.test(op.ground)) problems.push({ field: 'operation-ground', message: t('incidents.operation.countError') });
    if (!COUNT.test(op.air)) problems.push({ field: 'operation-air', message: t('incidents.operation.countError') });
    setOpErrors(problems);
    if (problems.length > 0) return;
    try {
      await api.createOperation({
        name: op.name.trim(), from: op.from, to: op.to, sectors: chosen,
        ground_units: Number(op.ground), air_units: Number(op.air),
      });
      setOpDone(t('incidents.operation.recorded', { name: op.name.trim() }));
      setOp({ name: '', from: '', to: '', ground: '0', air: '0' });
      setChosen([]);
      onChanged();
    } catch (e) {
      const field = e instanceof ApiError && e.reason ? `operation-${e.reason}` : undefined;
      setOpErrors([{ field, message: message(e) }]);
    }
  };

  const results = async (event: Event) => {
    event.preventDefault();
    setResDone('');
    const problems: FieldError[] = [];
    if (res.id === '') problems.push({ field: 'results-id', message: t('incidents.results.pickError') });
    for (const key of ['arrests', 'seizures', 'rescues'] as const) {
      if (!COUNT.test(res[key])) problems.push({ field: `results-${key}`, message: t('incidents.operation.countError') });
    }
    setResErrors(problems);
    if (problems.length > 0) return;
    try {
      await api.operationResults(Number(res.id), {
        arrests: Number(res.arrests), seizures: Number(res.seizures), rescues: Number(res.rescues), notes: res.notes,
      });
      const name = operations.find((o) => String(o.id) === res.id)?.name ?? res.id;
      setResDone(t('incidents.results.recorded', { name }));
      onChanged();
    } catch (e) {
      setResErrors([{ message: message(e) }]);
    }
  };

  return (
    <>
      <section class="section" aria-labelledby="operation-heading" data-testid="operation-form">
        <h2 class="heading-l" id="operation-heading">{t('incidents.operation.title')}</h2>
        <ErrorSummary errors={opErrors} />
        {opDone && <p class="notice" role="status" data-testid="operation-recorded">{opDone}</p>}
        <form onSubmit={record} noValidate>
          <TextField id="operation-name" label={t('incidents.operations.name')} value={op.name} onInput={setO('name')} error={opError('name')} width="half" />
          <TextField id="operation-from" label={t('incidents.from')} hint="2025-01" value={op.from} onInput={setO('from')} error={opError('from')} width="short" />
          <TextField id="operation-to" label={t('incidents.to')} hint="2025-03" value={op.to} onInput={setO('to')} error={opError('to')} width="short" />
          <fieldset class="field">
            <legend class="label">{t('incidents.operation.sectors')}</legend>
            {sectorCodes.map((code) => (
              <label key={code} class="radio">
                <input type="checkbox" id={`operation-sector-${code}`} checked={chosen.includes(code)}
                  onChange={(e) => {
                    const on = (e.target as HTMLInputElement).checked;
                    setChosen((c) => (on ? [...c, code] : c.filter((x) => x !== code)));
                  }} />{' '}
                {code}
              </label>
            ))}
          </fieldset>
          <TextField id="operation-ground" label={t('incidents.plan.units')} value={op.ground} onInput={setO('ground')} error={opError('ground')} inputMode="numeric" width="short" />
          <TextField id="operation-air" label={t('incidents.plan.airUnits')} value={op.air} onInput={setO('air')} error={opError('air')} inputMode="numeric" width="short" />
          <button type="submit" class="button" data-testid="operation-submit">{t('incidents.operation.submit')}</button>
        </form>
      </section>

      <section class="section" aria-labelledby="results-heading" data-testid="results-form">
        <h2 class="heading-l" id="results-heading">{t('incidents.results.title')}</h2>
        <ErrorSummary errors={resErrors} />
        {resDone && <p class="notice" role="status" data-testid="results-recorded">{resDone}</p>}
        <form onSubmit={results} noValidate>
          <div class="field">
            <label class="label" for="results-id">{t('incidents.results.operation')}</label>
            {resError('id') && <p class="error-message">{resError('id')}</p>}
            <select class="select" id="results-id" value={res.id} onChange={(e) => setR('id')((e.target as HTMLSelectElement).value)}>
              <option value="">{t('incidents.results.pick')}</option>
              {operations.map((o) => (
                <option key={o.id} value={String(o.id)}>{`${o.name} (${o.from} – ${o.to})`}</option>
              ))}
            </select>
          </div>
          <TextField id="results-arrests" label={t('incidents.operations.arrests')} value={res.arrests} onInput={setR('arrests')} error={resError('arrests')} inputMode="numeric" width="short" />
          <TextField id="results-seizures" label={t('incidents.operations.seizures')} value={res.seizures} onInput={setR('seizures')} error={resError('seizures')} inputMode="numeric" width="short" />
          <TextField id="results-rescues" label={t('incidents.operations.rescues')} value={res.rescues} onInput={setR('rescues')} error={resError('rescues')} inputMode="numeric" width="short" />
          <TextField id="results-notes" label={t('incidents.results.notes')} value={res.notes} onInput={setR('notes')} />
          <button type="submit" class="button" data-testid="results-submit">{t('incidents.results.submit')}</button>
        </form>
      </section>
    </>
  );
}
