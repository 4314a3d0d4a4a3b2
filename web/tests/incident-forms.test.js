// The Incidents page's forms, each driven in the browser and checked by what
// it shows: a commander fixes a sector in the deployment plan and reads what
// that costs, compares the hotspots of two periods, records an operation and
// its results; a protection officer links a victim to her registration, which
// is refused without the survivor's consent, and nobody else sees the link.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, signIn } from './support/browser.js';
import { addUser, PASSWORD, runEscudo, serve, WEB_DIR } from './support/escudo.js';

const TIMEOUT = { timeout: 600_000 };
const MMP_CSV = path.resolve(WEB_DIR, '../data/incidents/mmp_panama_colombia.csv');

const COMMANDER = { username: 'cami.commander', roles: ['commander'], agency: 'SENAFRONT', displayName: 'Camilo Herrera', password: PASSWORD };
const OFFICER = { username: 'olga.protection', roles: ['protection_officer'], agency: 'ACNUR', displayName: 'Olga Palacios', password: PASSWORD };

/** Incidents around two places: many near Bajo Chiquito in 2024, few in 2023 (a hotspot that grew). */
function incidentsCsv() {
  const lines = ['"date","month","type","route","country_iso3","dead_or_missing","cause","survivors","origin_iso3","location","lat","lon","in_darien_bbox"'];
  let s = 11;
  const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const add = (year, n) => {
    for (let i = 0; i < n; i++) {
      const month = String(1 + (i % 12)).padStart(2, '0');
      const lat = (8.46 + (rand() - 0.5) * 0.06).toFixed(5);
      const lon = (-77.68 + (rand() - 0.5) * 0.06).toFixed(5);
      lines.push(`"${year}-${month}-10","${year}-${month}","Incident","Central American Route","PAN",1,"Violence",,"UNK","generated",${lat},${lon},1`);
    }
  };
  add(2024, 600);
  add(2023, 150);
  return lines.join('\n') + '\n';
}

const REGISTRATIONS =
  'group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,nationality,document_type,' +
  'document_country,document_number,phone,relationship,departure_point,days_in_jungle,paid_usd,paid_to,pregnant,' +
  'disability,injured,violence_survivor,separated\n' +
  'G1,bajo-chiquito,2024-05-02,Ana,Pérez,female,1991-02-03,,VEN,passport,VEN,P1234567,+584121234567,head,,,,,0,0,0,0,0\n';

const numberIn = (text) => Number(text.replace(/[^\d.-]/g, ''));

describe('incident forms', TIMEOUT, () => {
  let dir;
  let server;
  let commander;
  let officer;
  let browser;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'escudo-incident-forms-'));
    const db = path.join(dir, 'escudo.db');
    commander = await addUser(db, COMMANDER);
    officer = await addUser(db, OFFICER);
    await runEscudo(['incidents', 'import-mmp', '--db', db, MMP_CSV]);
    const generated = path.join(dir, 'generated_incidents.csv');
    await writeFile(generated, incidentsCsv());
    await runEscudo(['incidents', 'import-mmp', '--db', db, generated]);
    const registrations = path.join(dir, 'registrations.csv');
    await writeFile(registrations, REGISTRATIONS);
    await runEscudo(['import', 'registrations', '--db', db, registrations]);
    server = await serve(db);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lets a commander fix a sector, compare two periods and log an operation with its results', async () => {
    const { context, page, problems } = await openPage(browser, server.url);
    await signIn(page, server.url, commander);
    await goTo(page, 'incidents');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="map-status"]')?.dataset.points) > 0, null, { timeout: 120_000 });

    // Fixing a sector: a clear error first, then the fix listed and used by the plan.
    const fixes = page.getByTestId('plan-fixes');
    await page.getByTestId('add-fix').click();
    assert.match(await page.getByTestId('fix-error').innerText(), /Choose the sector/);
    const sector = await fixes.locator('#fix-sector option').nth(1).getAttribute('value');
    await fixes.locator('#fix-sector').selectOption(sector);
    await fixes.locator('#fix-pct').fill('250');
    await page.getByTestId('add-fix').click();
    assert.match(await page.getByTestId('fix-error').innerText(), /between 0 and 100/);
    await fixes.locator('#fix-pct').fill('100');
    await page.getByTestId('add-fix').click();
    assert.equal(await page.getByTestId('fix-error').count(), 0);
    assert.match(await page.getByTestId('fix-list').innerText(), new RegExp(`${sector} fixed at 100 %`));
    await page.locator('#plan-units').fill('1200');
    await page.getByTestId('run-plan').click();
    const cost = page.getByTestId('plan-cost');
    await cost.waitFor({ timeout: 120_000 });
    assert.match(await cost.innerText(), /The fixes cost [\d.,]+ in protection: the best plan without them would reach/);
    assert.ok(Number(await cost.getAttribute('data-cost')) >= 0);
    const fixedRow = page.getByTestId('plan-table').locator('tbody tr', { hasText: sector });
    const fixedText = await fixedRow.first().innerText();
    assert.match(fixedText, /100 %/);
    assert.match(fixedText, /Fixed by the commander/);

    // Comparing hotspots: a bad month is named next to its field, then the table of differences.
    const compare = page.getByTestId('hotspot-compare');
    await compare.locator('#compare-aFrom').fill('2024-01');
    await compare.locator('#compare-aTo').fill('2024-12');
    await compare.locator('#compare-bFrom').fill('2023-1');
    await compare.locator('#compare-bTo').fill('2023-12');
    await page.getByTestId('compare-submit').click();
    assert.match(await compare.getByTestId('error-summary').innerText(), /YYYY-MM/);
    assert.equal(await compare.locator('#compare-bFrom[aria-invalid="true"]').count(), 1);
    await compare.locator('#compare-bFrom').fill('2023-01');
    await page.getByTestId('compare-submit').click();
    const table = page.getByTestId('compare-table');
    await table.waitFor({ timeout: 120_000 });
    assert.match(await table.locator('caption').innerText(), /2024-01 – 2024-12 compared with 2023-01 – 2023-12/);
    const rows = table.getByTestId('compare-row');
    assert.ok((await rows.count()) >= 1);
    const cells = await rows.first().locator('td').allInnerTexts();
    const [a, b, change] = cells.slice(2).map(numberIn);
    assert.ok(a > b, `the 2024 hotspot holds more than 2023 did: ${cells}`);
    assert.equal(change, a - b);
    assert.match(cells[4], /^\+/);

    // Recording an operation and then its results; the log shows both.
    const opForm = page.getByTestId('operation-form');
    await page.getByTestId('operation-submit').click();
    assert.match(await opForm.getByTestId('error-summary').innerText(), /operation's name/);
    await opForm.locator('#operation-name').fill('Operación Río Turquesa');
    await opForm.locator('#operation-from').fill('2024-04');
    await opForm.locator('#operation-to').fill('2024-06');
    await opForm.locator(`#operation-sector-${sector}`).check();
    await opForm.locator('#operation-ground').fill('300');
    await page.getByTestId('operation-submit').click();
    await page.getByTestId('operation-recorded').waitFor();
    const log = page.getByTestId('operations-table');
    await log.locator('tbody tr', { hasText: 'Operación Río Turquesa' }).waitFor();
    const results = page.getByTestId('results-form');
    await results.locator('#results-id').selectOption({ label: 'Operación Río Turquesa (2024-04 – 2024-06)' });
    await results.locator('#results-arrests').fill('7');
    await results.locator('#results-seizures').fill('x');
    await page.getByTestId('results-submit').click();
    assert.match(await results.getByTestId('error-summary').innerText(), /whole number/);
    await results.locator('#results-seizures').fill('2');
    await results.locator('#results-rescues').fill('15');
    await page.getByTestId('results-submit').click();
    await page.getByTestId('results-recorded').waitFor();
    await page.waitForFunction(() => /Operación Río Turquesa\s+2024-04 – 2024-06\s+300\s+7\s+2\s+15/.test(
      document.querySelector('[data-testid="operations-table"]')?.innerText ?? ''), null, { timeout: 60_000 });

    // A commander does not see the victims' form.
    assert.equal(await page.getByTestId('victim-links').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  it('links a victim to her registration only with the survivor\'s consent', async () => {
    const { context, page, problems } = await openPage(browser, server.url);
    await signIn(page, server.url, officer);
    await goTo(page, 'incidents');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="map-status"]')?.dataset.points) > 0, null, { timeout: 120_000 });

    const record = async (code, consent) => {
      const form = page.getByTestId('record-incident');
      await form.locator('#record-type').selectOption('sexual_violence');
      await form.locator('#record-month').fill('2024-05');
      await form.locator('#record-lat').fill('8.4612');
      await form.locator('#record-lon').fill('-77.6831');
      await form.locator('#record-survivor_code').fill(code);
      if (consent) await form.locator('#record-consent-registration').check();
      await page.getByTestId('record-submit').click();
      const done = page.getByTestId('recorded');
      await page.waitForFunction((c) => !document.querySelector('#record-survivor_code') ||
        document.querySelector('#record-survivor_code').value !== c, code);
      await done.waitFor();
      return (await done.innerText()).match(/Incident (\d+) recorded/)[1];
    };
    const refused = await record('SV-2024-040', false);
    const consented = await record('SV-2024-041', true);
    assert.notEqual(refused, consented);

    const victims = page.getByTestId('victim-links');
    await victims.locator('#victim-incident').fill(refused);
    await victims.locator('#victim-person').fill('1');
    await page.getByTestId('victim-link').click();
    const summary = victims.getByTestId('error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /not consented/);
    assert.equal(await victims.getByTestId('victim-list').count(), 0);

    await victims.locator('#victim-incident').fill(consented);
    await page.getByTestId('victim-link').click();
    const list = victims.getByTestId('victim-list');
    await list.waitFor();
    assert.match(await list.innerText(), new RegExp(`Registrations linked to incident ${consented}`));
    assert.match(await list.innerText(), /Person 1 \(linked by olga\.protection\)/);
    assert.equal(await victims.getByTestId('error-summary').count(), 0);

    // The refused incident still has none.
    await victims.locator('#victim-incident').fill(refused);
    await page.getByTestId('victim-show').click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="victim-list"]')?.innerText.includes(`incident ${id}`), refused);
    assert.match(await list.innerText(), /No registration is linked/);
    assertNoProblems(problems);
    await context.close();

    // The commander reads neither the form nor the link.
    const other = await openPage(browser, server.url);
    await signIn(other.page, server.url, commander);
    await goTo(other.page, 'incidents');
    await other.page.waitForFunction(() => Number(document.querySelector('[data-testid="map-status"]')?.dataset.points) > 0, null, { timeout: 120_000 });
    assert.equal(await other.page.getByTestId('victim-links').count(), 0);
    const status = await other.page.evaluate(async (id) => (await fetch(`/api/incidents/${id}/victims`)).status, consented);
    assert.equal(status, 403);
    assertNoProblems(other.problems);
    await other.context.close();
  });
});
