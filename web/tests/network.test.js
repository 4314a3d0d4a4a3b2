// The intelligence graph as an analyst meets it: call records imported, a
// person tied to a phone; the network explorer loads a phone's neighbourhood,
// expands a neighbour, finds the path between two phones and shows the
// evidence; the cases page opens a case and shows its events and figures.
// Every figure is read back from the API.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };

/** Sends a body as the signed-in user (the CSRF token comes from /api/me). */
async function send(page, path, body, contentType = 'application/json') {
  return page.evaluate(
    async ([path, body, contentType]) => {
      const me = await fetch('/api/me').then((r) => r.json());
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': contentType, 'X-CSRF-Token': me.csrf_token },
        body: contentType === 'application/json' ? JSON.stringify(body) : body,
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    [path, body, contentType],
  );
}

async function get(page, path) {
  return page.evaluate((path) => fetch(path).then((r) => r.json()), path);
}

const CALLS = [
  'caller_phone,callee_phone,time,duration_s',
  '+573001110001,+573001110002,2024-01-02T10:00:00Z,60',
  '+573001110002,+573001110003,2024-01-03T10:00:00Z,30',
  '+573001110003,+573001110004,2024-01-04T10:00:00Z,90',
  '+573001110002,+573001110005,2024-01-05T10:00:00Z,15',
].join('\n');

describe('network explorer and cases', TIMEOUT, () => {
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

  it('loads a neighbourhood, expands a neighbour and finds a path', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    const imported = await send(page, '/api/intel/import/calls?filename=calls.csv', CALLS, 'text/csv');
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.links, 4);
    const phones = (await get(page, '/api/intel/entities?kind=phone&limit=10')).entities;
    const id = (number) => phones.find((p) => p.label === number).id;
    const person = await send(page, '/api/intel/entities', { kind: 'person', label: 'Wilmer el Paisa' });
    assert.equal(person.status, 201);
    const uses = await send(page, '/api/intel/links', {
      type: 'uses',
      source_id: person.body.id,
      target_id: id('+573001110002'),
      source_record: 'subscriber records',
      confidence_percent: 90,
    });
    assert.equal(uses.status, 201, JSON.stringify(uses.body));

    await goTo(page, 'network');
    await page.locator('#network-search').fill('3001110001');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByTestId('search-results').getByRole('link').first().click();
    const canvas = page.getByTestId('network-canvas');
    await page.waitForFunction(() => document.querySelector('[data-testid="network-canvas"]')?.dataset.nodes === '2');
    await canvas.locator('canvas').first().waitFor({ state: 'attached' }); // Cytoscape draws on canvas
    assert.equal(await page.locator('head style').count(), 0, 'no inline stylesheet was injected');

    // Expanding the neighbour adds its own neighbours (and the person using it).
    await page.getByText(/The 2 entities shown/).click();
    await page.getByTestId(`expand-${id('+573001110002')}`).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="network-canvas"]')?.dataset.nodes === '5');
    const evidence = page.getByTestId('evidence');
    await evidence.getByText('subscriber records').waitFor();
    assert.match(await evidence.innerText(), /Wilmer el Paisa/);

    await page.locator('#path-from').fill(String(id('+573001110001')));
    await page.locator('#path-to').fill(String(id('+573001110004')));
    await page.getByRole('button', { name: 'Find the path' }).click();
    const result = page.getByTestId('path-result');
    await result.waitFor();
    assert.match(await result.innerText(), /^3 steps: \+573001110001 → \+573001110002 → \+573001110003 → \+573001110004/);
    await page.waitForFunction(() => document.querySelector('[data-testid="network-canvas"]')?.dataset.nodes === '6');
    await screenshot(page, 'network', 'en');
    assertNoProblems(problems);
    await context.close();
  });

  it('follows the money into an account and shows what removing the broker does', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    const transfers = [
      'sender_account,receiver_account,amount,date,currency',
      'BDI-1001,BDI-2002,500.00,2024-02-01,USD',
      'BDI-3003,BDI-2002,300.00,2024-02-03,USD',
    ].join('\n');
    const imported = await send(page, '/api/intel/import/transfers?filename=transfers.csv', transfers, 'text/csv');
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    const accounts = (await get(page, '/api/intel/entities?kind=account&limit=10')).entities;
    const receiver = accounts.find((a) => a.label === 'BDI-2002').id;
    await page.goto(`${escudo.url}/#/network/${receiver}`);
    const flows = page.getByTestId('flows');
    await flows.waitFor();
    assert.match(await flows.innerText(), /In: 800 USD from 2 senders\. Out: 0 USD to 0 receivers\./);
    assert.match(await flows.innerText(), /Most from: BDI-1001 \(500 USD\), BDI-3003 \(300 USD\)/);

    // The person using the central phone holds the calls network together: removing them
    // first leaves the three accounts as the largest group.
    await page.locator('#disrupt-steps').fill('2');
    await page.getByTestId('disrupt').click();
    const table = page.getByTestId('disruption');
    await table.waitFor();
    assert.match(await table.locator('caption').innerText(), /Largest connected group now: 5 entities/);
    const first = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    assert.deepEqual(first, ['Wilmer el Paisa', '3', '4']);
    assert.equal(await table.locator('tbody tr').count(), 2);
    await screenshot(page, 'network-disruption', 'en');
    assertNoProblems(problems);
    await context.close();
  });

  it('opens a case and shows its events and the figures', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    await goTo(page, 'cases');
    await page.locator('#case-title').fill('Ruta Necoclí – Capurganá');
    await page.locator('#case-agency').fill('DIJIN');
    await page.locator('#case-country').fill('COL');
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.waitForFunction(() => /^#\/cases\/\d+$/.test(window.location.hash));
    const caseId = Number(await page.evaluate(() => window.location.hash.split('/').at(-1)));
    const person = (await get(page, '/api/intel/entities?kind=person')).entities[0];
    assert.equal((await send(page, `/api/cases/${caseId}/items`, { kind: 'entity', id: person.id })).status, 204);
    const event = await send(page, `/api/cases/${caseId}/events`, {
      entity_id: person.id,
      kind: 'arrest',
      date: '2024-03-02',
      agency: 'PNP',
      country: 'PAN',
    });
    assert.equal(event.status, 201, JSON.stringify(event.body));

    await page.reload();
    const view = page.getByTestId('case');
    await view.getByText('Ruta Necoclí – Capurganá').waitFor();
    assert.match(await page.getByTestId('case-members').innerText(), /Ana Castillo/);
    assert.match(await page.getByTestId('case-items').innerText(), /Wilmer el Paisa/);
    assert.match(await page.getByTestId('case-events').innerText(), /2024-03-02 · arrest · Wilmer el Paisa · PNP \(PAN\)/);
    const figures = await get(page, '/api/cases/figures');
    assert.equal(figures.arrests, 1);
    assert.match(await page.getByTestId('figures-total').innerText(), /1 arrests and 0 convictions/);
    assert.match(await page.getByTestId('figures').innerText(), /2024-03\s+PNP\s+PAN\s+1\s+0/);
    await screenshot(page, 'case', 'en');
    assertNoProblems(problems);
    await context.close();
  });
});
