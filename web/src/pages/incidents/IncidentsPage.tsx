// Protection incidents: where and when they happen (the map, with filters by
// type and period), the route's sectors coloured by risk or by planned
// coverage, the hotspots, counts by year, the deployment planner for
// commanders, and the operation log. Survivors' records reach this page only
// as the server lets them out: counts, or with consent a rounded point.

import countriesText from '../../../../data/geo/panama_colombia_ne50m.geojson?raw';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { IncidentCount, Operation, Plan, SectorCollection } from '../../api/types';
import type { PageProps } from '../../app/pages';
import { useI18n } from '../../i18n';
import { DataTable } from '../../ui/DataTable';
import { PageHeading } from '../../ui/PageHeading';
import { IncidentMap, TYPE_COLOURS, type MapPoints, type SectorShape } from './IncidentMap';
import { HotspotCompare } from './HotspotCompare';
import { OperationForms } from './OperationForms';
import { RecordForm } from './RecordForm';
import { VictimLinks } from './VictimLinks';
import { INCIDENT_TYPES } from './types';

const COUNTRIES = JSON.parse(countriesText) as FeatureCollection<Geometry>;


const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function IncidentsPage({ me }: PageProps) {
  const { t, formatNumber } = useI18n();
  const [type, setType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [colourBy, setColourBy] = useState<'risk' | 'coverage'>('risk');
  const [points, setPoints] = useState<MapPoints | null>(null);
  const [sectors, setSectors] = useState<SectorCollection | null>(null);
  const [hotspots, setHotspots] = useState<Feature<Polygon>[]>([]);
  const [counts, setCounts] = useState<IncidentCount[]>([]);
  const [operations, setOperations] = useState<Operation[]>([]);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [units, setUnits] = useState('1200');
  const [airUnits, setAirUnits] = useState('0');
  // Sectors the commander fixes: code → coverage in per cent, as typed.
  const [fixes, setFixes] = useState<{ code: string; pct: string }[]>([]);
  const [fixCode, setFixCode] = useState('');
  const [fixPct, setFixPct] = useState('');
  const [fixError, setFixError] = useState('');
  const [error, setError] = useState('');
  const [drawn, setDrawn] = useState<{ ms: number; count: number } | null>(null);
  const canPlan = me.permissions.includes('operations.plan');
  const canRecord = me.permissions.includes('incidents.write');
  const canLinkVictims = canRecord && me.permissions.includes('identity.read');
  const [reload, setReload] = useState(0);

  const badMonth = (from && !MONTH.test(from)) || (to && !MONTH.test(to));
  const query = useMemo(
    () => ({ type: type || undefined, from: MONTH.test(from) ? from : undefined, to: MONTH.test(to) ? to : undefined }),
    [type, from, to],
  );

  useEffect(() => {
    let live = true;
    setError('');
    Promise.all([
      api.incidentPoints(query),
      api.sectors(query),
      api.hotspots(query),
      api.incidentCounts({ ...query, by: 'year' }),
      api.operations(),
    ])
      .then(([p, s, h, c, o]) => {
        if (!live) return;
        setPoints({ lon: p.lon, lat: p.lat, type: p.type });
        setSectors(s);
        setHotspots(h.features.filter((f) => f.properties?.kind === 'hotspot') as Feature<Polygon>[]);
        setCounts(c.rows);
        setOperations(o.operations);
      })
      .catch((e: unknown) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [query, reload]);

  const shapes = useMemo<SectorShape[]>(() => {
    if (!sectors) return [];
    return sectors.features.map((f) => {
      const coverage = plan?.sectors.find((s) => s.code === f.properties.code)?.coverage ?? 0;
      return {
        code: f.properties.code,
        name: f.properties.name,
        value: colourBy === 'risk' ? f.properties.share : coverage,
        geometry: f.geometry,
      };
    });
  }, [sectors, plan, colourBy]);

  const runPlan = (event: Event) => {
    event.preventDefault();
    const n = Number(units);
    const air = Number(airUnits);
    if (!Number.isInteger(n) || n < 0 || !Number.isInteger(air) || air < 0) {
      setError(t('incidents.plan.unitsError'));
      return;
    }
    setError('');
    api
      .plan({
        units: n,
        air_units: air,
        period: query.to,
        fixed: fixes.map((f) => ({ code: f.code, coverage: Number(f.pct) / 100 })),
      })
      .then((p) => {
        setPlan(p);
        setColourBy('coverage');
      })
      .catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  };

  const addFix = (event: Event) => {
    event.preventDefault();
    const value = Number(fixPct);
    if (fixCode === '') {
      setFixError(t('incidents.plan.fixPickError'));
      return;
    }
    if (fixPct.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
      setFixError(t('incidents.plan.fixPctError'));
      return;
    }
    setFixError('');
    setFixes((list) => [...list.filter((f) => f.code !== fixCode), { code: fixCode, pct: String(value) }]);
    setFixPct('');
  };

  const pct = (v: number) => formatNumber(v * 100, { maximumFractionDigits: 0 }) + ' %';
  const num = (v: number, digits = 1) => formatNumber(v, { maximumFractionDigits: digits });

  return (
    <div data-testid="incidents-page">
      <PageHeading title={t('incidents.title')} lead={t('incidents.lead')} />
      {error && (
        <div class="error-summary" role="alert" data-testid="incidents-error">
          <h2 class="error-summary__title">{t('incidents.problem')}</h2>
          <p>{error}</p>
        </div>
      )}
      <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('incidents.filters')}>
        <div class="field">
          <label class="label" for="incident-type">{t('incidents.type')}</label>
          <select class="select" id="incident-type" value={type} onChange={(e) => setType((e.target as HTMLSelectElement).value)}>
            <option value="">{t('incidents.allTypes')}</option>
            {INCIDENT_TYPES.map((k) => (
              <option key={k} value={k}>{t(`incidents.kind.${k}`)}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="label" for="incident-from">{t('incidents.from')}</label>
          <input class="input input--month" id="incident-from" placeholder="2024-01" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="label" for="incident-to">{t('incidents.to')}</label>
          <input class="input input--month" id="incident-to" placeholder="2024-12" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
        </div>
        <fieldset class="field">
          <legend class="label">{t('incidents.colourBy')}</legend>
          <label class="radio"><input type="radio" name="colour" checked={colourBy === 'risk'} onChange={() => setColourBy('risk')} /> {t('incidents.colour.risk')}</label>
          <label class="radio"><input type="radio" name="colour" checked={colourBy === 'coverage'} onChange={() => setColourBy('coverage')} disabled={!plan} /> {t('incidents.colour.coverage')}</label>
        </fieldset>
      </form>
      {badMonth && <p class="hint" data-testid="month-hint">{t('incidents.monthHint')}</p>}

      <section class="section" aria-labelledby="map-heading">
        <h2 class="heading-l" id="map-heading">{t('incidents.map.title')}</h2>
        <IncidentMap
          countries={COUNTRIES}
          sectors={shapes}
          hotspots={hotspots}
          points={points}
          title={t('incidents.map.svgTitle', { count: points?.lon.length ?? 0 })}
          onDrawn={(ms, count) => setDrawn({ ms, count })}
        />
        <p class="hint" data-testid="map-status" data-points={drawn?.count ?? ''} data-ms={drawn ? drawn.ms.toFixed(1) : ''}>
          {drawn ? t('incidents.map.drawn', { count: formatNumber(drawn.count), ms: num(drawn.ms, 0) }) : t('app.loading')}
        </p>
        <ul class="map-legend" aria-label={t('incidents.map.legend')}>
          {INCIDENT_TYPES.map((k, i) => (
            <li key={k} class="map-legend__item">
              <svg class="map-legend__symbol" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
                <rect x={2} y={2} width={10} height={10} fill={TYPE_COLOURS[i]} />
              </svg>
              {t(`incidents.kind.${k}`)}
            </li>
          ))}
        </ul>
        <p class="source">{t('incidents.map.source')}</p>
      </section>

      {sectors && (
        <DataTable
          caption={t('incidents.sectors.caption')}
          testId="sector-table"
          rows={sectors.features.map((f) => f.properties)}
          rowKey={(s) => s.code}
          exportName="escudo-sectors"
          initialSort={{ key: 'risk', direction: 'descending' }}
          columns={[
            { key: 'code', header: t('incidents.sectors.code'), value: (s) => s.code },
            { key: 'name', header: t('incidents.sectors.name'), value: (s) => s.name },
            { key: 'incidents', header: t('incidents.sectors.incidents'), value: (s) => s.incidents, numeric: true },
            { key: 'dead', header: t('incidents.sectors.dead'), value: (s) => s.dead_or_missing, numeric: true },
            { key: 'risk', header: t('incidents.sectors.risk'), value: (s) => s.risk, render: (s) => num(s.risk), numeric: true },
          ]}
        />
      )}

      {canRecord && (
        <RecordForm canRecordSurvivors={me.permissions.includes('incidents.survivor')} onRecorded={() => setReload((n) => n + 1)} />
      )}

      {canPlan && (
        <section class="section" aria-labelledby="plan-heading" data-testid="plan">
          <h2 class="heading-l" id="plan-heading">{t('incidents.plan.title')}</h2>
          <p>{t('incidents.plan.lead')}</p>
          <form class="filters" onSubmit={runPlan}>
            <div class="field">
              <label class="label" for="plan-units">{t('incidents.plan.units')}</label>
              <input class="input input--short" id="plan-units" inputMode="numeric" value={units} onInput={(e) => setUnits((e.target as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label class="label" for="plan-air">{t('incidents.plan.airUnits')}</label>
              <input class="input input--short" id="plan-air" inputMode="numeric" value={airUnits} onInput={(e) => setAirUnits((e.target as HTMLInputElement).value)} />
            </div>
            <button type="submit" class="button" data-testid="run-plan">{t('incidents.plan.run')}</button>
          </form>
          <form class="filters" onSubmit={addFix} aria-labelledby="fix-heading" data-testid="plan-fixes" noValidate>
            <h3 class="heading-m" id="fix-heading">{t('incidents.plan.fixTitle')}</h3>
            <p class="hint">{t('incidents.plan.fixLead')}</p>
            {fixError && <p class="error-message" role="alert" data-testid="fix-error">{fixError}</p>}
            <div class="field">
              <label class="label" for="fix-sector">{t('incidents.plan.fixSector')}</label>
              <select class="select" id="fix-sector" value={fixCode} onChange={(e) => setFixCode((e.target as HTMLSelectElement).value)}>
                <option value="">{t('incidents.plan.fixPick')}</option>
                {(sectors?.features ?? []).map((f) => (
                  <option key={f.properties.code} value={f.properties.code}>{`${f.properties.code} · ${f.properties.name}`}</option>
                ))}
              </select>
            </div>
            <div class="field">
              <label class="label" for="fix-pct">{t('incidents.plan.fixPct')}</label>
              <input class="input input--short" id="fix-pct" inputMode="decimal" value={fixPct} onInput={(e) => setFixPct((e.target as HTMLInputElement).value)} />
            </div>
            <button type="submit" class="button button--secondary" data-testid="add-fix">{t('incidents.plan.fixAdd')}</button>
          </form>
          {fixes.length > 0 && (
            <ul class="list" data-testid="fix-list">
              {fixes.map((f) => (
                <li key={f.code}>
                  {t('incidents.plan.fixItem', { code: f.code, pct: f.pct })}{' '}
                  <button type="button" class="button button--secondary" onClick={() => setFixes((list) => list.filter((x) => x.code !== f.code))}>
                    {t('incidents.plan.fixRemove', { code: f.code })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {plan && (
            <>
              <p data-testid="plan-summary">
                {t('incidents.plan.summary', { used: num(plan.used, 0), resources: num(plan.resources, 0), from: plan.from, to: plan.to, attacked: plan.attacked })}
              </p>
              {plan.sectors.some((s) => s.fixed) && (
                <p data-testid="plan-cost" data-cost={plan.cost_of_fixes}>
                  {t('incidents.plan.cost', {
                    cost: num(plan.cost_of_fixes, 2),
                    free: num(plan.free_defender_utility, 2),
                    fixed: num(plan.defender_utility, 2),
                  })}
                </p>
              )}
              <DataTable
                caption={t('incidents.plan.caption')}
                testId="plan-table"
                rows={plan.sectors}
                rowKey={(s) => s.code}
                exportName="escudo-plan"
                columns={[
                  { key: 'code', header: t('incidents.sectors.code'), value: (s) => s.code },
                  { key: 'coverage', header: t('incidents.plan.coverage'), value: (s) => s.coverage, render: (s) => pct(s.coverage), numeric: true },
                  { key: 'units', header: t('incidents.plan.expected'), value: (s) => s.expected_units, render: (s) => num(s.expected_units), numeric: true },
                  { key: 'fixed', header: t('incidents.plan.fixed'), value: (s) => (s.fixed ? t('incidents.plan.fixedYes') : '') },
                  { key: 'reason', header: t('incidents.plan.reason'), value: (s) => s.reason },
                ]}
              />
            </>
          )}
        </section>
      )}

      <HotspotCompare type={type} />

      <DataTable
        caption={t('incidents.counts.caption')}
        testId="count-table"
        rows={counts}
        rowKey={(c) => `${c.period}-${c.type}`}
        exportName="escudo-incident-counts"
        columns={[
          { key: 'period', header: t('incidents.counts.year'), value: (c) => c.period },
          { key: 'type', header: t('incidents.type'), value: (c) => t(`incidents.kind.${c.type as (typeof INCIDENT_TYPES)[number]}`) },
          { key: 'incidents', header: t('incidents.sectors.incidents'), value: (c) => c.incidents, numeric: true },
          { key: 'dead', header: t('incidents.sectors.dead'), value: (c) => c.dead_or_missing, numeric: true },
        ]}
      />

      <DataTable
        caption={t('incidents.operations.caption')}
        testId="operations-table"
        rows={operations}
        rowKey={(o) => String(o.id)}
        exportName="escudo-operations"
        columns={[
          { key: 'name', header: t('incidents.operations.name'), value: (o) => o.name },
          { key: 'period', header: t('incidents.operations.period'), value: (o) => `${o.from} – ${o.to}` },
          { key: 'units', header: t('incidents.plan.units'), value: (o) => o.ground_units, numeric: true },
          { key: 'arrests', header: t('incidents.operations.arrests'), value: (o) => o.arrests, numeric: true },
          { key: 'seizures', header: t('incidents.operations.seizures'), value: (o) => o.seizures, numeric: true },
          { key: 'rescues', header: t('incidents.operations.rescues'), value: (o) => o.rescues, numeric: true },
          { key: 'before', header: t('incidents.operations.before'), value: (o) => o.incidents_before, numeric: true },
          { key: 'during', header: t('incidents.operations.during'), value: (o) => o.incidents_during, numeric: true },
        ]}
      />

      {canPlan && (
        <OperationForms
          sectorCodes={(sectors?.features ?? []).map((f) => f.properties.code)}
          operations={operations}
          onChanged={() => setReload((n) => n + 1)}
        />
      )}

      {canLinkVictims && <VictimLinks />}
    </div>
  );
}
