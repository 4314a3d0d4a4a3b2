// The network over time and one entity's page: an analyst compares January
// with June (links marked new, gone or kept; one dated in neither period left
// out), filters the drawing to June, then opens Beto's page from the network:
// links grouped by type with their evidence, the key-player reasons worded in
// the singular and the plural, the case and the tip that hold him, and the
// way back to the network. Every figure is read back from the API.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };

async function send(page, path, body) {
  return page.evaluate(
    async ([path, body]) => {
      const me = await fetch('/api/me').then((r) => r.json());
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    [path, body],
  );
}

async function get(page, path) {
  return page.evaluate((path) => fetch(path).then((r) => r.json()), path);
}

const canvasIs = (page, attribute, value) =>
  page.waitForFunction(
    ([attribute, value]) => document.querySelector('[data-testid="network-canvas"]')?.getAttribute(attribute) === value,
    [attribute, value],
  );

describe('network over time and the entity page', TIMEOUT, () => {
  let escudo;
  let browser;

  before(async () => {
    escudo = await startEscudo(['analyst']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await escudo?.stop();
  });

  it('compares two periods, filters by period and opens an entity page', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    const ids = {};
    for (const name of ['Ana', 'Beto', 'Carla', 'Dario']) {
      const created = await send(page, '/api/intel/entities', { kind: 'person', label: name });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids[name] = created.body.id;
    }
    const met = async (a, b, day, record = 'interview 12') => {
      const link = await send(page, '/api/intel/links', { type: 'met', source_id: ids[a], target_id: ids[b], source_record: record, date_from: day });
      assert.equal(link.status, 201, JSON.stringify(link.body));
    };
    await met('Ana', 'Beto', '2024-01-10');
    await met('Beto', 'Carla', '2024-01-15');
    await met('Beto', 'Carla', '2024-06-10', 'interview 15');
    await met('Carla', 'Dario', '2024-06-20');
    await met('Beto', 'Dario', '2023-03-01'); // in neither period

    await page.goto(`${escudo.url}/#/network/${ids.Beto}`);
    await canvasIs(page, 'data-nodes', '4');

    // A missing date is named next to its field, and nothing is asked of the server.
    await page.locator('#compare-to1').fill('2024-03-31');
    await page.locator('#compare-from2').fill('2024-06-01');
    await page.locator('#compare-to2').fill('2024-06-30');
    await page.getByTestId('compare').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /Enter a date for “First period: from”/);
    await page.locator('#compare-from1').fill('2024-01-01');
    await page.getByTestId('compare').click();
    const result = page.getByTestId('compare-summary');
    await result.waitFor();
    const answer = await get(
      page,
      `/api/intel/slices?from1=2024-01-01&to1=2024-03-31&from2=2024-06-01&to2=2024-06-30&entities=${Object.values(ids).join(',')}`,
    );
    assert.deepEqual(
      answer.edges.map((e) => e.status).sort(),
      ['gone', 'kept', 'new'],
      'Ana–Beto gone, Beto–Carla kept, Carla–Dario new; Beto–Dario (2023) in neither',
    );
    assert.equal(await result.innerText(), 'Links: 1 new, 1 gone, 1 kept. Entities: 1 new, 1 gone, 2 kept.');
    await canvasIs(page, 'data-compared', 'new 1 gone 1 kept 1 none 1');
    const table = page.getByTestId('compare-table');
    const beto = await table.locator('tbody tr', { hasText: 'Beto' }).locator('td').allInnerTexts();
    assert.deepEqual(beto.slice(0, 3), ['Beto', 'kept', '2 → 1']);
    const dario = await table.locator('tbody tr', { hasText: 'Dario' }).locator('td').allInnerTexts();
    assert.equal(dario[1], 'new');
    await screenshot(page, 'network-periods', 'en');

    // The period filter keeps only the links active in June: Beto and Carla.
    await page.locator('#network-from').fill('2024-06-01');
    await page.locator('#network-to').fill('2024-06-30');
    await canvasIs(page, 'data-nodes', '2');
    await page.locator('#network-from').fill('');
    await page.locator('#network-to').fill('');
    await canvasIs(page, 'data-nodes', '4');

    // A case holds Beto and a tip; his page shows it.
    const opened = await send(page, '/api/cases', { title: 'Ruta Acandí', agency: 'DIJIN', country: 'COL' });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    assert.equal((await send(page, `/api/cases/${opened.body.id}/items`, { kind: 'entity', id: ids.Beto })).status, 204);
    assert.equal((await send(page, `/api/cases/${opened.body.id}/items`, { kind: 'tip', id: 7 })).status, 204);

    await page.getByTestId('open-entity-page').click();
    await page.waitForFunction((id) => window.location.hash === `#/entity/${id}`, ids.Beto);
    await page.getByRole('heading', { level: 1, name: 'Beto' }).waitFor();
    const links = page.getByTestId('links-met');
    await links.waitFor();
    assert.equal(await links.locator('tbody tr').count(), 4);
    const june = await links.locator('tbody tr', { hasText: 'interview 15' }).locator('td').allInnerTexts();
    assert.deepEqual(june.slice(0, 5), ['Carla (person)', 'interview 15', '2024-06-10', '100%', escudo.users.analyst.username]);
    const reasons = page.getByTestId(`reasons-${ids.Beto}`);
    await reasons.waitFor();
    assert.match(await reasons.innerText(), /4 links from 2 sources, mean confidence 1\.00/);
    const player = (await get(page, `/api/intel/key-players?entity=${ids.Beto}`)).players[0];
    assert.equal(player.rank, 1);
    assert.match(await page.getByTestId('entity-key-player').innerText(), /Rank 1 of the key players/);
    await page.getByTestId('entity-cases').getByText('Ruta Acandí').waitFor();
    assert.match(await page.getByTestId('entity-tips').innerText(), /Tip 7, in case “Ruta Acandí”/);
    assert.match(await page.getByTestId('entity-measures').innerText(), /Neighbours \(degree\)\s+3/);
    await screenshot(page, 'entity', 'en');

    // Ana has a single link from a single source: in the singular, in English and Spanish.
    await page.goto(`${escudo.url}/#/entity/${ids.Ana}`);
    const ana = page.getByTestId(`reasons-${ids.Ana}`);
    await ana.waitFor();
    assert.match(await ana.innerText(), /^1 link from 1 source, mean confidence 1\.00$/m);
    await page.locator('[data-language="es"]').click();
    await page.waitForFunction((id) => /^1 vínculo de 1 fuente, confianza media 1,00$/m.test(document.querySelector(`[data-testid="reasons-${id}"]`)?.innerText ?? ''), ids.Ana);
    await page.locator('[data-language="en"]').click();
    await page.getByTestId('back-to-network').waitFor();

    // And back to the network, centred on him.
    await page.goto(`${escudo.url}/#/entity/${ids.Beto}`);
    await page.getByTestId('back-to-network').click();
    await page.waitForFunction((id) => window.location.hash === `#/network/${id}`, ids.Beto);
    await canvasIs(page, 'data-nodes', '4');
    assertNoProblems(problems);
    await context.close();
  });
});
