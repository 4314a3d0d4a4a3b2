// Watchlists as an analyst keeps them: a file with a bad row is refused whole
// with the row named, a list is imported, a new version replaces it for
// screening while the first is kept, and a registration is then screened
// against the new version. Every figure is read back from the server.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };
const HEADER = 'entry_id,name,aliases,dates_of_birth,nationalities,documents,listed_for';

async function upload(page, name, kind, fileName, lines) {
  await page.locator('#watchlist-name').fill(name);
  await page.locator('#watchlist-kind').selectOption(kind);
  await page.locator('#watchlist-file').setInputFiles({ name: fileName, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...lines, ''].join('\n')) });
  await page.getByTestId('watchlist-submit').click();
}

describe('watchlists', TIMEOUT, () => {
  let escudo;
  let browser;

  before(async () => {
    escudo = await startEscudo(['analyst', 'registrar']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await escudo?.stop();
  });

  it('refuses a bad file whole, imports a list and keeps each version, the latest screened against', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    await goTo(page, 'watchlists');
    await page.getByRole('heading', { level: 1, name: 'Watchlists' }).waitFor();
    await page.getByTestId('watchlist-versions').waitFor();
    assert.match(await page.getByTestId('watchlist-versions').innerText(), /No watchlist has been imported yet/);

    // A bad date and a country written out: the whole file is refused, each row named.
    await upload(page, 'wanted-smugglers', 'wanted', 'bad.csv', [
      'W-1,José Luis Mosquera Palacios,El Mono,1984-13-07,COL,,smuggling',
      'W-2,Wilmer Rentería Córdoba,,1979-11,Colombia,,smuggling',
    ]);
    const refused = page.getByTestId('watchlist-refused');
    await refused.waitFor();
    const text = await refused.innerText();
    assert.match(text, /bad\.csv: 2 bad row\(s\); nothing was imported/);
    assert.match(text, /line 2, column 'dates_of_birth': '1984-13-07'/);
    assert.match(text, /line 3, column 'nationalities': 'Colombia' is not an ISO 3166 alpha-3 code/);
    assert.equal((await page.evaluate(() => fetch('/api/watchlists').then((r) => r.json()))).versions.length, 0);

    await upload(page, 'wanted-smugglers', 'wanted', 'wanted-1.csv', [
      'W-1,José Luis Mosquera Palacios,El Mono; Luis Palacios,1984-03-07,COL,passport:COL:AB123456,smuggling resulting in death',
      'W-2,Wilmer Antonio Rentería Córdoba,,1979-11,COL;PAN,,migrant smuggling',
    ]);
    const imported = page.getByTestId('watchlist-imported');
    await imported.waitFor();
    assert.equal(await imported.innerText(), '"wanted-smugglers" version 1 imported with 2 entries. Registrations are now screened against 2 entries.');

    await upload(page, 'wanted-smugglers', 'wanted', 'wanted-2.csv', [
      'W-1,José Luis Mosquera Palacios,El Mono; Luis Palacios,1984-03-07,COL,passport:COL:AB123456,smuggling resulting in death',
      'W-2,Wilmer Antonio Rentería Córdoba,,1979-11,COL;PAN,,migrant smuggling',
      'W-3,Yeison Andrés Palacios Mena,El Paisa,1991-07-19,COL,,boat captain',
    ]);
    await page.getByText('"wanted-smugglers" version 2 imported with 3 entries. Registrations are now screened against 3 entries.').waitFor();
    const rows = page.getByTestId('watchlist-versions').locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="watchlist-versions"] tbody tr').length === 2);
    const first = await rows.nth(0).locator('th, td').allInnerTexts();
    const second = await rows.nth(1).locator('th, td').allInnerTexts();
    assert.deepEqual(first.slice(0, 5), ['wanted-smugglers', 'Wanted', '2', 'Screened against', '3']);
    assert.deepEqual(second.slice(0, 5), ['wanted-smugglers', 'Wanted', '1', 'Kept', '2']);
    assert.match(first[5], /wanted-2\.csv/);
    assert.match(first[6], /by ana\.analyst/);
    await screenshot(page, 'watchlists', 'en');
    assertNoProblems(problems);
    await context.close();

    // A registrar's registration is screened against the new version: El Paisa is on it only.
    const registrar = await openPage(browser, escudo.url);
    await signIn(registrar.page, escudo.url, escudo.users.registrar);
    const answer = await registrar.page.evaluate(async () => {
      const me = await fetch('/api/me').then((r) => r.json());
      const response = await fetch('/api/registrations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify({
          station: 'meteti', registered_on: '2024-03-01',
          people: [{ given_names: 'Yeison', family_names: 'Palacios', sex: 'male', birth_date: '1991-07-19', nationality: 'COL', document_type: 'none', relationship: 'head' }],
        }),
      });
      return response.json();
    });
    assert.equal(answer.screening.ran, true);
    assert.ok(answer.screening.hits >= 1, JSON.stringify(answer.screening));
    const person = answer.screening.people[0].person_id;
    const hits = await registrar.page.evaluate((id) => fetch(`/api/screening/hits?person=${id}`).then((r) => r.json()), person);
    const versions = await registrar.page.evaluate(() => fetch('/api/watchlists').then((r) => r.json()));
    assert.equal(hits.hits[0].entry_id, 'W-3');
    assert.equal(hits.hits[0].version_id, versions.versions[0].id, 'the hit names the version it came from');
    assertNoProblems(registrar.problems);
    await registrar.context.close();
  });
});
