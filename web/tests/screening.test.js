// Screening and returns as officers meet them: a registrar screens a man who
// is on a wanted list under an alias and confirms the hit with its reasons;
// a return that a pending protection claim forbids is refused with the reason;
// and a manifest executed after a claim was lodged stops that passenger and
// says why. Every figure is read back from the server.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, signIn } from './support/browser.js';
import { PASSWORD, addUser, runEscudo, startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };

async function postJson(page, path, body) {
  return page.evaluate(
    async ([path, body]) => {
      const me = await fetch('/api/me').then((r) => r.json());
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    [path, body],
  );
}

function one(person) {
  return { station: 'meteti', registered_on: '2024-03-01', people: [{ relationship: 'head', sex: 'male', nationality: 'COL', ...person }] };
}

describe('screening and returns with safeguards', TIMEOUT, () => {
  let escudo;
  let browser;
  let protection;
  let commander;

  before(async () => {
    escudo = await startEscudo(['registrar', 'analyst']);
    protection = await addUser(escudo.db, {
      username: 'paz.protection', roles: ['protection_officer'], agency: 'UNHCR partner',
      displayName: 'Paz Córdoba', password: PASSWORD,
    });
    commander = await addUser(escudo.db, {
      username: 'ciro.commander', roles: ['commander'], agency: 'SENAFRONT',
      displayName: 'Ciro Arias', password: PASSWORD,
    });
    const list = path.join(escudo.dir, 'wanted.csv');
    await writeFile(list, 'entry_id,name,aliases,dates_of_birth,nationalities,listed_for\n'
      + 'W-17,José Luis Mosquera Palacios,El Mono; Luis Palacios,1984-03-07,COL,smuggling resulting in death\n');
    await runEscudo(['watchlist', 'import', '--db', escudo.db, '--name', 'wanted', '--kind', 'wanted', list]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await escudo?.stop();
  });

  it('screens a registration, explains the hit and records the decision', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    const reg = await postJson(page, '/api/registrations', one({ given_names: 'Luis', family_names: 'Palacios', birth_date: '1984-03-07' }));
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const person = reg.body.people[0].id;
    const screened = await postJson(page, `/api/persons/${person}/screening`);
    assert.equal(screened.status, 200, JSON.stringify(screened.body));
    assert.equal(screened.body.hits[0].entry_id, 'W-17');

    await goTo(page, 'screening');
    const hit = page.locator(`[data-testid="hit-${screened.body.hits[0].id}"]`);
    await hit.waitFor();
    const text = await hit.innerText();
    assert.match(text, /W-17/);
    assert.match(text, /alias used: Luis Palacios/);
    assert.match(text, /date_of_birth exact/);
    // Dismissing needs a reason; the server says so and nothing changes.
    await page.getByTestId(`dismiss-${screened.body.hits[0].id}`).click();
    await hit.locator('.notice').waitFor();
    assert.match(await hit.innerText(), /say why the hit is dismissed/);
    await page.getByTestId(`confirm-${screened.body.hits[0].id}`).click();
    await page.getByTestId('queue-empty').waitFor();
    const after = await page.evaluate(() => fetch('/api/screening/hits?status=confirmed').then((r) => r.json()));
    assert.equal(after.hits.length, 1);
    assert.equal(after.hits[0].decided_by, 'rene.registrar');
    assertNoProblems(problems);
    await context.close();
  });

  it('refuses a forbidden return with its reason and stops a passenger at execution', async () => {
    const officer = await openPage(browser, escudo.url);
    await signIn(officer.page, escudo.url, protection);
    const registrar = await openPage(browser, escudo.url);
    await signIn(registrar.page, escudo.url, escudo.users.registrar);
    const a = await postJson(registrar.page, '/api/registrations', one({ given_names: 'Wilmer', family_names: 'Rentería', birth_date: '1979-11-02' }));
    const b = await postJson(registrar.page, '/api/registrations', one({ given_names: 'Yeison', family_names: 'Asprilla', birth_date: '1990-05-05' }));
    const claimant = a.body.people[0].id;
    const passenger = b.body.people[0].id;
    // The protection officer lodges the claim from the person's file, which then shows the safeguard.
    await officer.page.goto(`${escudo.url}/#/screening/${claimant}`);
    await officer.page.locator('#claim-lodged-on').fill('2024-03-02');
    await officer.page.getByTestId('lodge-claim').click();
    await officer.page.getByTestId('lodge-done').waitFor();
    await officer.page.getByTestId('safeguards').waitFor();
    assert.match(await officer.page.getByTestId('safeguards').innerText(), /a protection claim is pending/);
    assert.match(await officer.page.getByTestId('file-claims').innerText(), /pending/);

    const page = registrar.page;
    await goTo(page, 'returns');
    await page.locator('#return-person').fill(String(claimant));
    await page.locator('#return-country').fill('col');
    await page.locator('#return-reason').fill('No visa');
    await page.getByTestId('decide-return').click();
    const refused = page.getByTestId('decide-problem');
    await refused.waitFor();
    assert.match(await refused.innerText(), /a protection claim is pending/);

    await page.locator('#return-person').fill(String(passenger));
    await page.getByTestId('decide-return').click();
    await page.getByTestId('decided').waitFor();
    const decided = await page.evaluate((id) => fetch(`/api/persons/${id}/file`).then((r) => r.json()), passenger);
    const returnId = decided.returns[0].id;
    assert.equal(decided.returns[0].status, 'decided');

    // The commander builds the bus; the passenger lodges a claim before it leaves.
    const cmd = await openPage(browser, escudo.url);
    await signIn(cmd.page, escudo.url, commander);
    await goTo(cmd.page, 'returns');
    await cmd.page.locator('#manifest-country').fill('COL');
    await cmd.page.locator('#manifest-day').fill('2024-03-10');
    await cmd.page.locator('#manifest-escort').fill('SENAFRONT');
    await cmd.page.getByTestId('create-manifest').click();
    const manifest = cmd.page.locator('[data-testid^="manifest-"][data-testid$="1"]').first();
    await cmd.page.locator('#manifest-add-1').fill(String(returnId));
    await cmd.page.getByTestId('add-1').click();
    await cmd.page.getByTestId('manifest-returns').locator('li').first().waitFor();
    await postJson(officer.page, `/api/persons/${passenger}/claims`, { lodged_on: '2024-03-05' });
    await cmd.page.getByTestId('execute-1').click();
    const outcomes = cmd.page.getByTestId('outcomes');
    await outcomes.waitFor();
    assert.match(await outcomes.innerText(), /a protection claim is pending/);
    assert.ok(await manifest.count());
    const file = await officer.page.evaluate((id) => fetch(`/api/persons/${id}/file`).then((r) => r.json()), passenger);
    assert.equal(file.returns[0].status, 'stopped');
    for (const p of [officer, registrar, cmd]) {
      assertNoProblems(p.problems);
      await p.context.close();
    }
  });
});
