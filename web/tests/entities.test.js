// Entity resolution as a registrar meets it: a man registered before comes
// back and is typed in again under other spellings; the form names the earlier
// registration with the reasons, the entity page shows his records and why
// they are one person, and the review queue takes a decision. Every figure is
// read back from the API.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };

/** POSTs JSON as the signed-in user (the CSRF token comes from /api/me). */
async function postJson(page, path, body) {
  return page.evaluate(
    async ([path, body]) => {
      const me = await fetch('/api/me').then((r) => r.json());
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    [path, body],
  );
}

function one(person, day = '2024-03-01') {
  return { station: 'meteti', registered_on: day, people: [{ relationship: 'head', sex: 'male', ...person }] };
}

describe('entities: one person across registrations', TIMEOUT, () => {
  let escudo;
  let browser;

  before(async () => {
    escudo = await startEscudo(['registrar', 'analyst']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await escudo?.stop();
  });

  it('warns a registrar of an earlier registration while typing, and opens the entity', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    await page.waitForFunction(() => window.location.hash === '#/register');
    const earlier = await postJson(
      page,
      '/api/registrations',
      one({
        given_names: 'José Luis',
        family_names: 'Mosquera Palacios',
        birth_date: '1984-03-07',
        nationality: 'COL',
        document_type: 'passport',
        document_country: 'COL',
        document_number: 'AB123456',
      }),
    );
    assert.equal(earlier.status, 201, JSON.stringify(earlier.body));
    await postJson(page, '/api/registrations', one({ given_names: 'Kevin', family_names: 'Joseph', birth_date: '2001-02-02', nationality: 'HTI' }));

    // He comes back months later; the registrar types him in with other spellings.
    await page.locator('#group-station option[value="meteti"]').waitFor({ state: 'attached' });
    await page.locator('#group-registered_on').fill('2024-09-01');
    await page.locator('#person-0-given_names').fill('Jose Luis');
    await page.locator('#person-0-family_names').fill('Mosquera');
    await page.locator('#person-0-birth_date').fill('1984-03-07');
    await page.locator('#person-0-document_type').selectOption('passport');
    await page.locator('#person-0-document_number').fill('AB 123456');
    const warning = page.locator('[data-testid="person-0-earlier"]');
    await warning.waitFor({ timeout: 10_000 });
    const text = await warning.innerText();
    assert.match(text, /José Luis Mosquera Palacios/);
    assert.match(text, /meteti/);
    await screenshot(page, 'register-earlier', 'en');

    // The reasons are there, field by field, and the link opens the entity.
    await warning.locator('summary').first().click();
    assert.match(await warning.locator('.waterfall').first().innerText(), /Document/);
    await warning.getByRole('link', { name: 'Open the record' }).first().click();
    await page.waitForFunction(() => /^#\/entities\/\d+$/.test(window.location.hash));
    const records = page.locator('[data-testid="entity-records"] > li');
    await records.first().waitFor();
    assert.equal(await records.count(), 1, 'only the stored registration: what was typed is not kept');
    assert.match(await records.first().innerText(), /AB123456/);
    await screenshot(page, 'entity', 'en');

    // An analyst reads no identities here.
    const analyst = await openPage(browser, escudo.url);
    await signIn(analyst.page, escudo.url, escudo.users.analyst);
    const denied = await analyst.page.evaluate(() => fetch('/api/entities/1').then((r) => r.status));
    assert.equal(denied, 403);
    await analyst.context.close();

    assertNoProblems(problems);
    await context.close();
  });

  it('lists pairs to review and records the decision', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    await page.waitForFunction(() => window.location.hash === '#/register');
    // Same name and birth year, one with a full date and a second surname, the
    // other with only an estimated age: maybe one man, maybe two.
    for (const person of [
      { given_names: 'Carlos', family_names: 'Pérez Gómez', birth_date: '1995-05-05', nationality: 'VEN' },
      { given_names: 'Carlos', family_names: 'Pérez', estimated_age: 29, nationality: 'VEN' },
    ]) {
      const stored = await postJson(page, '/api/registrations', one(person));
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
    }
    await goTo(page, 'entities');
    await page.locator('h1').waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Records to review');
    const queue = await page.evaluate(() => fetch('/api/entities/review').then((r) => r.json()));
    const carlos = queue.pairs.findIndex((p) => p.person_a?.given_names === 'Carlos' && p.person_b?.given_names === 'Carlos');
    assert.ok(carlos >= 0, JSON.stringify(queue));
    const items = page.locator('[data-testid="review-queue"] > li');
    await items.first().waitFor();
    assert.equal(await items.count(), queue.pairs.length);
    assert.match(await items.nth(carlos).innerText(), /Pérez Gómez/);
    await screenshot(page, 'entities-review', 'en');
    await items.nth(carlos).getByRole('button', { name: 'Different people' }).click();
    await page.locator('[data-testid="review-done"]').waitFor();
    const after = await page.evaluate(() => fetch('/api/entities/review').then((r) => r.json()));
    assert.equal(after.pairs.length, queue.pairs.length - 1, 'the decided pair leaves the queue');
    assertNoProblems(problems);
    await context.close();
  });

  it('holds namesakes for review and says why', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    await page.waitForFunction(() => window.location.hash === '#/register');
    // The same uncommon name, ages guessed a year apart, nothing else in common.
    for (const age of [40, 41]) {
      const stored = await postJson(
        page,
        '/api/registrations',
        one({ given_names: 'Wilmer Yonaiker', family_names: 'Graterol Colmenares', estimated_age: age, nationality: 'VEN' }),
      );
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
    }
    const queue = await page.evaluate(() => fetch('/api/entities/review').then((r) => r.json()));
    const index = queue.pairs.findIndex((p) => p.person_a?.given_names === 'Wilmer Yonaiker');
    assert.ok(index >= 0, JSON.stringify(queue));
    assert.equal(queue.pairs[index].why.held, 'names alone agree');
    assert.ok(queue.pairs[index].why.probability < 0.99);
    await goTo(page, 'entities');
    const item = page.locator('[data-testid="review-queue"] > li').nth(index);
    await item.waitFor();
    assert.match(await item.innerText(), /only the names agree/);
    assertNoProblems(problems);
    await context.close();
  });
});
