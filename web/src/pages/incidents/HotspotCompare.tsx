// Hotspots of one period compared with another: for each hotspot of the
// first period, its weight then and the weight the other period had in the
// same cells (one grid for both), and the difference.

import type { Feature } from 'geojson';
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import { useI18n } from '../../i18n';
import { ErrorSummary, type FieldError } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Row {
  rank: number;
  peak: [number, number];
  weight: number;
  compared: number;
  change: number;
}

export function HotspotCompare({ type }: { type: string }) {
  const { t, formatNumber } = useI18n();
  const [period, setPeriod] = useState({ aFrom: '', aTo: '', bFrom: '', bTo: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof period) => (value: string) => setPeriod((p) => ({ ...p, [key]: value.trim() }));
  const errorOf = (field: string) => errors.find((e) => e.field === `compare-${field}`)?.message;
  const num = (v: number) => formatNumber(v, { maximumFractionDigits: 0 });

  const submit = async (event: Event) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    for (const key of ['aFrom', 'aTo', 'bFrom', 'bTo'] as const) {
      if (!MONTH.test(period[key])) problems.push({ field: `compare-${key}`, message: t('incidents.compare.monthError') });
    }
    if (problems.length === 0 && period.aFrom > period.aTo) problems.push({ field: 'compare-aTo', message: t('incidents.compare.orderError') });
    if (problems.length === 0 && period.bFrom > period.bTo) problems.push({ field: 'compare-bTo', message: t('incidents.compare.orderError') });
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      const fc = await api.hotspots({
        type: type || undefined,
        from: period.aFrom,
        to: period.aTo,
        compare_from: period.bFrom,
        compare_to: period.bTo,
      });
      const spots = fc.features.filter((f: Feature) => f.properties?.kind === 'hotspot');
      setRows(
        spots.map((f: Feature) => {
          const p = f.properties as Record<string, unknown>;
          return {
            rank: Number(p.rank),
            peak: p.peak as [number, number],
            weight: Number(p.weight),
            compared: Number(p.compared_weight ?? 0),
            change: Number(p.change ?? 0),
          };
        }),
      );
    } catch (e) {
      setErrors([{ message: e instanceof ApiError ? e.message : String(e) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="section" aria-labelledby="compare-heading" data-testid="hotspot-compare">
      <h2 class="heading-l" id="compare-heading">{t('incidents.compare.title')}</h2>
      <p>{t('incidents.compare.lead')}</p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <fieldset class="field">
          <legend class="label">{t('incidents.compare.periodA')}</legend>
          <TextField id="compare-aFrom" label={t('incidents.from')} hint="2024-01" value={period.aFrom} onInput={set('aFrom')} error={errorOf('aFrom')} width="short" />
          <TextField id="compare-aTo" label={t('incidents.to')} hint="2024-12" value={period.aTo} onInput={set('aTo')} error={errorOf('aTo')} width="short" />
        </fieldset>
        <fieldset class="field">
          <legend class="label">{t('incidents.compare.periodB')}</legend>
          <TextField id="compare-bFrom" label={t('incidents.from')} hint="2023-01" value={period.bFrom} onInput={set('bFrom')} error={errorOf('bFrom')} width="short" />
          <TextField id="compare-bTo" label={t('incidents.to')} hint="2023-12" value={period.bTo} onInput={set('bTo')} error={errorOf('bTo')} width="short" />
        </fieldset>
        <button type="submit" class="button" data-testid="compare-submit" disabled={busy}>{t('incidents.compare.run')}</button>
      </form>
      {rows && rows.length === 0 && <p data-testid="compare-empty">{t('incidents.compare.none')}</p>}
      {rows && rows.length > 0 && (
        <table class="table" data-testid="compare-table">
          <caption class="table__caption">
            {t('incidents.compare.caption', { a: `${period.aFrom} – ${period.aTo}`, b: `${period.bFrom} – ${period.bTo}` })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.compare.rank')}</th>
              <th scope="col">{t('incidents.compare.peak')}</th>
              <th scope="col" class="numeric">{t('incidents.compare.weightA')}</th>
              <th scope="col" class="numeric">{t('incidents.compare.weightB')}</th>
              <th scope="col" class="numeric">{t('incidents.compare.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rank} data-testid="compare-row">
                <td>{r.rank}</td>
                <td>{`${r.peak[1].toFixed(3)}, ${r.peak[0].toFixed(3)}`}</td>
                <td class="numeric">{num(r.weight)}</td>
                <td class="numeric">{num(r.compared)}</td>
                <td class="numeric" data-change={r.change}>{(r.change > 0 ? '+' : '') + num(r.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
