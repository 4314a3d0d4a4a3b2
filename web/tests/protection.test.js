// Screening while the registrar works, a person's file with the protection
// officer's forms, voluntary-return overrides that need a second officer, the
// screening figures and the entry requirements an administrator edits. Every
// result is read back from the server.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, signIn } from './support/browser.js';
import { PASSWORD, addUser, runEscudo, startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 240_000 };

async function postJson(page, url, body) {
  return page.evaluate(
    async ([url, body]) => {
      const me = await fetch('/api/me').then((r) => r.json());
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    [url, body],
  );
}

function getJson(page, url) {
  return page.evaluate((u) => fetch(u).then((r) => r.json()), url);
}

function one(person) {
  return { station: 'meteti', registered_on: '2024-03-01', people: [{ relationship: 'head', sex: 'male', nationality: 'COL', ...person }] };
}

describe('screening, protection needs and returns on the pages', TIMEOUT, () => {
  let escudo;
  let browser;
  let protection;
  let secondRegistrar;

  before(async () => {
    escudo = await startEscudo(['registrar', 'admin']);
    protection = await addUser(escudo.db, {
      username: 'paz.protection', roles: ['protection_officer'], agency: 'UNHCR partner',
      displayName: 'Paz Córdoba', password: PASSWORD,
    });
    secondRegistrar = await addUser(escudo.db, {
      username: 'rita.registrar', roles: ['registrar'], agency: 'Servicio Nacional de Migración',
      displayName: 'Rita Lemos', password: PASSWORD,
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

  it('screens a registration as it is saved and tells the registrar to refer the person, without what matched', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    await page.waitForFunction(() => window.location.hash === '#/register');
    await page.locator('#group-station option[value="lajas-blancas"]').waitFor({ state: 'attached' });
    await page.locator('#group-station').selectOption('lajas-blancas');
    await page.locator('#group-registered_on').fill('2024-03-01');
    const field = (name) => page.locator(`#person-0-${name}`);
    await field('given_names').fill('Luis');
    await field('family_names').fill('Palacios');
    await field('sex').selectOption('male');
    await field('birth_date').fill('1984-03-07');
    await field('nationality').fill('COL');
    await field('nationality').blur();
    await field('document_type').selectOption('none');
    await page.getByTestId('register-submit').click();
    const notice = page.getByTestId('registration-screening-hits');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /Screening found matches to review/);
    assert.match(await page.getByTestId('screening-hits-0').innerText(), /^Person 1: Luis Palacios has \d+ possible match/);
    // The registrar is told to refer, not what the person matched.
    assert.doesNotMatch(text, /W-17|smuggling|Mosquera/);
    // The hit waits in the queue, no one having asked for a screening.
    const id = Number(await page.getByTestId('registration-id').innerText());
    const group = await getJson(page, `/api/registrations/${id}`);
    const queue = await getJson(page, `/api/screening/hits?person=${group.people[0].id}`);
    assert.equal(queue.hits[0].entry_id, 'W-17');
    assert.equal(queue.hits[0].status, 'open');

    // Someone on no list: the page says so.
    await page.getByTestId('next-group').click();
    await page.locator('#group-registered_on').fill('2024-03-01');
    await field('given_names').fill('Marie');
    await field('family_names').fill('Joseph');
    await field('sex').selectOption('female');
    await field('birth_date').fill('2001-05-05');
    await field('nationality').fill('HTI');
    await field('nationality').blur();
    await field('document_type').selectOption('none');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('registration-screening-clear').waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  it('screens the people of an imported file and counts the matches, without what matched', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    await page.waitForFunction(() => window.location.hash === '#/register');
    const before = (await getJson(page, '/api/screening/hits?status=open')).hits.filter((h) => h.entry_id === 'W-17').length;
    await page.getByTestId('tab-import').click();
    const file = [
      'group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,nationality,document_type,document_country,document_number,phone,relationship,departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,violence_survivor,separated',
      'M1,meteti,2024-03-02,José Luis,Mosquera Palacios,male,1984-03-07,,COL,none,,,,head,Turbo,5,,,0,0,0,0,0',
      'M2,meteti,2024-03-02,Yenny,Rivas,female,1999-09-09,,VEN,none,,,,head,Turbo,5,,,0,0,0,0,0',
      '',
    ].join('\n');
    await page.locator('#registration-csv-file').setInputFiles({ name: 'offline.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByTestId('registration-import-submit').click();
    await page.getByTestId('registration-import-stored').waitFor();
    const notice = page.getByTestId('registration-import-screening-hits');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /1 of the imported people has possible matches waiting in the screening queue/);
    assert.doesNotMatch(text, /W-17|smuggling|Mosquera|Yenny/);
    const after = (await getJson(page, '/api/screening/hits?status=open')).hits.filter((h) => h.entry_id === 'W-17').length;
    assert.equal(after, before + 1, 'the imported person waits in the queue');
    await notice.getByRole('link', { name: 'Open the screening queue' }).click();
    await page.waitForFunction(() => window.location.hash === '#/screening');
    assertNoProblems(problems);
    await context.close();
  });

  it("records a child's claim, its decision and appeal, the trafficking checklist, the best interest and a referral on the file", async () => {
    const registrar = await openPage(browser, escudo.url);
    await signIn(registrar.page, escudo.url, escudo.users.registrar);
    const reg = await postJson(registrar.page, '/api/registrations',
      one({ given_names: 'Kevin', family_names: 'Asprilla', estimated_age: 12, relationship: 'head' }));
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const child = reg.body.people[0].id;
    await registrar.context.close();

    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, protection);
    await page.goto(`${escudo.url}/#/screening/${child}`);
    await page.getByTestId('file-registration').waitFor();
    assert.match(await page.getByTestId('file-registration').innerText(), /A child/);
    assert.match(await page.getByTestId('safeguards').innerText(), /a child without a completed best-interest assessment/);

    // Lodge, reject, appeal: the file and the safeguards follow.
    await page.locator('#claim-lodged-on').fill('2024-03-02');
    await page.getByTestId('lodge-claim').click();
    await page.getByTestId('lodge-done').waitFor();
    await page.getByTestId('claim-update-form').waitFor();
    await page.locator('#claim-status').selectOption('under_appeal');
    await page.locator('#claim-on').fill('2024-03-05');
    await page.getByTestId('update-claim').click();
    const refused = page.getByTestId('claim-update-problem');
    await refused.waitFor();
    assert.match(await refused.innerText(), /a claim that is pending cannot become under_appeal/);
    await page.locator('#claim-status').selectOption('rejected');
    await page.locator('#claim-note').fill('No well-founded fear established');
    await page.getByTestId('update-claim').click();
    await page.getByTestId('claim-update-done').waitFor();
    await page.locator('#claim-status').selectOption('under_appeal');
    await page.locator('#claim-on').fill('2024-03-06');
    await page.getByTestId('update-claim').click();
    await page.waitForFunction(() => /under appeal/.test(document.querySelector('[data-testid="file-claims"]')?.textContent ?? ''));
    assert.match(await page.getByTestId('file-claims').innerText(), /decided 2024-03-05.*appealed 2024-03-06/);
    await page.waitForFunction(() => /under appeal: no return/.test(document.querySelector('[data-testid="safeguards"]')?.textContent ?? ''));

    // The checklist: two indicators ticked, suspected.
    await page.locator('#indicator-debt_bondage').check();
    await page.locator('#indicator-documents_withheld').check();
    await page.locator('#trafficking-outcome').selectOption('suspected');
    await page.locator('#trafficking-on').fill('2024-03-03');
    await page.getByTestId('record-trafficking').click();
    await page.getByTestId('trafficking-done').waitFor();
    await page.waitForFunction(() => /suspected victim/.test(document.querySelector('[data-testid="file-assessments"]')?.textContent ?? ''));
    assert.match(await page.getByTestId('file-assessments').innerText(), /Owes a debt.*; Identity or travel documents kept by someone else/);

    // The best interest of the child: opened, then completed recommending a stay.
    await page.getByTestId('record-bia').click();
    await page.getByTestId('bia-done').waitFor();
    await page.locator('#bia-status').selectOption('completed');
    await page.locator('#bia-recommendation').selectOption('stay');
    await page.locator('#bia-note').fill('Aunt in Panama City can care for him');
    await page.getByTestId('record-bia').click();
    await page.waitForFunction(() => /completed, recommendation stay/.test(document.querySelector('[data-testid="file-assessments"]')?.textContent ?? ''));

    // No referral without consent: the refusal is shown at the form.
    await page.locator('#referral-partner').fill('UNICEF');
    await page.locator('#referral-service').fill('Child protection');
    await page.getByTestId('refer').click();
    await page.getByTestId('referral-problem').waitFor();
    assert.match(await page.getByTestId('referral-problem').innerText(), /has not consented/);
    await page.locator('#referral-consent').check();
    await page.locator('#referral-consent-note').fill('Spoken, with his aunt present');
    await page.getByTestId('refer').click();
    await page.getByTestId('referral-done').waitFor();
    await page.waitForFunction(() => /Referred to UNICEF for Child protection\. Consent recorded\./.test(document.querySelector('[data-testid="file-assessments"]')?.textContent ?? ''));

    const file = await getJson(page, `/api/persons/${child}/file`);
    assert.equal(file.claims[0].status, 'under_appeal');
    assert.deepEqual(file.trafficking[0].indicators, ['debt_bondage', 'documents_withheld']);
    assert.equal(file.best_interest[0].status, 'completed');
    assert.equal(file.best_interest[0].recommendation, 'stay');
    assert.equal(file.referrals.length, 1);
    assert.equal(file.referrals[0].consent, true);
    assert.deepEqual(file.safeguards.map((s) => s.safeguard).sort(),
      ['child_without_best_interest', 'claim_under_appeal', 'trafficking_suspected']);
    assertNoProblems(problems);
    await context.close();
  });

  it('stops a return while a claim is pending and shows why; an override needs a second officer', async () => {
    const officer = await openPage(browser, escudo.url);
    await signIn(officer.page, escudo.url, protection);
    const first = await openPage(browser, escudo.url);
    await signIn(first.page, escudo.url, escudo.users.registrar);
    const reg = await postJson(first.page, '/api/registrations', one({ given_names: 'Yeison', family_names: 'Cuesta', birth_date: '1990-05-05' }));
    const person = reg.body.people[0].id;
    const claim = await postJson(officer.page, `/api/persons/${person}/claims`, { lodged_on: '2024-03-02' });
    assert.equal(claim.status, 201, JSON.stringify(claim.body));

    const page = first.page;
    await goTo(page, 'returns');
    await page.locator('#return-person').fill(String(person));
    await page.locator('#return-country').fill('COL');
    await page.locator('#return-reason').fill('No visa');
    await page.getByTestId('decide-return').click();
    await page.getByTestId('decide-problem').waitFor();
    assert.match(await page.getByTestId('decide-problem').innerText(), /This return is not allowed[\s\S]*a protection claim is pending: no return until it is decided/);

    // He asks to go home: a voluntary return, then the override.
    await page.locator('#return-voluntary').check();
    await page.getByTestId('decide-return').click();
    await page.getByTestId('decided').waitFor();
    const decided = await getJson(page, `/api/persons/${person}/file`);
    const returnId = decided.returns[0].id;
    assert.equal(decided.returns[0].voluntary, true);
    await page.locator('#override-return').fill(String(returnId));
    await page.locator('#override-statement').fill('I want to go home to my family in Cali');
    await page.getByTestId('request-override').click();
    await page.getByTestId('override-requested').waitFor();
    assert.match(await page.getByTestId('override-requested').innerText(), /by rene\.registrar/);
    // The same officer cannot approve it: refused with a visible message.
    await page.locator('#approve-return').fill(String(returnId));
    await page.getByTestId('approve-override').click();
    const same = page.getByTestId('override-approve-problem');
    await same.waitFor();
    assert.match(await same.innerText(), /You cannot approve your own request/);
    assert.match(await same.innerText(), /a second, different officer must approve it/);

    const second = await openPage(browser, escudo.url);
    await signIn(second.page, escudo.url, secondRegistrar);
    await goTo(second.page, 'returns');
    await second.page.locator('#approve-return').fill(String(returnId));
    await second.page.getByTestId('approve-override').click();
    await second.page.getByTestId('override-approved').waitFor();
    assert.match(await second.page.getByTestId('override-approved').innerText(), /asked by rene\.registrar, approved by rita\.registrar/);
    // Approved by a second officer, the voluntary return goes ahead despite the pending claim.
    const executed = await postJson(second.page, `/api/returns/${returnId}/execute`);
    assert.equal(executed.status, 200, JSON.stringify(executed.body));
    assert.equal(executed.body.outcomes[0].executed, true, JSON.stringify(executed.body));
    for (const p of [officer, first, second]) {
      assertNoProblems(p.problems);
      await p.context.close();
    }
  });

  it('shows the screening figures as a table, with the returns a safeguard stopped', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    await goTo(page, 'screening');
    const table = page.getByTestId('figures-table');
    await table.waitFor();
    const text = await table.innerText();
    assert.match(text, /Screenings/);
    assert.match(text, /Hits/);
    assert.match(text, /Claims lodged/);
    assert.match(text, /Returns stopped by a safeguard: a claim is pending/);
    const figures = await getJson(page, '/api/screening/figures?from=2000-01&to=2100-12');
    const stopped = figures.rows.filter((r) => r.measure.startsWith('stopped:')).reduce((n, r) => n + r.count, 0);
    assert.ok(stopped >= 1);
    assert.equal(await page.getByTestId('figures-stopped').innerText(), `Returns stopped by a safeguard in the period: ${stopped}`);
    const screenings = figures.rows.filter((r) => r.measure === 'screenings').reduce((n, r) => n + r.count, 0);
    assert.ok(screenings >= 4, `every registration was screened (${screenings})`);
    // A period with nothing in it, and a month written wrong.
    await page.locator('#figures-from').fill('1990-01');
    await page.locator('#figures-to').fill('1990-12');
    await page.getByTestId('figures-show').click();
    await page.waitForFunction(() => /Nothing in this period/.test(document.querySelector('[data-testid="figures-table"]')?.textContent ?? ''));
    await page.locator('#figures-to').fill('1990-13');
    await page.getByTestId('figures-show').click();
    await page.locator('#figures-to-error').waitFor();
    assert.match(await page.locator('#figures-to-error').innerText(), /Enter a month as YYYY-MM/);
    assertNoProblems(problems);
    await context.close();
  });

  it('lets an administrator add entry-requirement versions, and a decision names the version it used', async () => {
    const admin = await openPage(browser, escudo.url);
    await signIn(admin.page, escudo.url, escudo.users.admin);
    const page = admin.page;
    await goTo(page, 'rules');
    await page.getByTestId('rules-none').waitFor();
    // A day written wrong is caught next to the field.
    await page.locator('#rules-effective-on').fill('2024-1-1');
    await page.getByTestId('add-rules').click();
    await page.locator('#rules-effective-on-error').waitFor();
    await page.locator('#rules-effective-on').fill('2024-01-01');
    await page.locator('#rules-documents').fill('passport, national_id');
    await page.locator('#rules-visa-required').fill('ven, chn');
    await page.locator('#rules-min-age').fill('18');
    await page.locator('#rules-note').fill('Decreto Ejecutivo 2024');
    await page.getByTestId('add-rules').click();
    await page.locator('[data-testid="rules-added"], [data-testid="rules-problem"], .error-summary').first().waitFor();
    assert.equal(await page.getByTestId('rules-added').count(), 1, await page.getByTestId('rules-form').innerText());
    const v1 = page.getByTestId('rules-version-1');
    await v1.waitFor();
    assert.match(await v1.innerText(), /In force today/);
    assert.match(await v1.innerText(), /"VEN"/);
    assert.match(await v1.innerText(), /Decreto Ejecutivo 2024/);

    // As JSON: bad JSON is caught in the browser, a wrong shape by the server.
    await page.locator('#rules-as-json').check();
    await page.locator('#rules-effective-on').fill('2099-01-01');
    await page.locator('#rules-json').fill('{"documents": ');
    await page.getByTestId('add-rules').click();
    await page.locator('#rules-json-error').waitFor();
    await page.locator('#rules-json').fill('{"documents": "passport"}');
    await page.getByTestId('add-rules').click();
    await page.getByTestId('rules-problem').waitFor();
    assert.match(await page.getByTestId('rules-problem').innerText(), /documents/);
    await page.locator('#rules-json').fill('{"documents": ["passport"], "visa_required": ["VEN", "CHN", "IND"]}');
    await page.getByTestId('add-rules').click();
    const v2 = page.getByTestId('rules-version-2');
    await v2.waitFor();
    assert.match(await v2.innerText(), /Not yet in effect/);
    const rules = await getJson(page, '/api/rules');
    assert.deepEqual(rules.versions.map((v) => v.effective_on), ['2099-01-01', '2024-01-01']);
    assert.deepEqual(JSON.parse(rules.versions[1].rules).visa_required, ['VEN', 'CHN']);
    assertNoProblems(admin.problems);
    await admin.context.close();

    // A return decided now records version 1, the one in force, and the page says so.
    const registrar = await openPage(browser, escudo.url);
    await signIn(registrar.page, escudo.url, escudo.users.registrar);
    const reg = await postJson(registrar.page, '/api/registrations', one({ given_names: 'Omar', family_names: 'Zambrano', birth_date: '1988-08-08' }));
    const person = reg.body.people[0].id;
    await goTo(registrar.page, 'returns');
    await registrar.page.locator('#return-person').fill(String(person));
    await registrar.page.locator('#return-country').fill('COL');
    await registrar.page.locator('#return-reason').fill('No visa');
    await registrar.page.getByTestId('decide-return').click();
    await registrar.page.getByTestId('decided').waitFor();
    assert.match(await registrar.page.getByTestId('decided').innerText(), /Decided under entry rules version 1\./);
    await registrar.page.goto(`${escudo.url}/#/screening/${person}`);
    await registrar.page.getByTestId('file-returns').waitFor();
    assert.match(await registrar.page.getByTestId('file-returns').innerText(), /entry rules version 1/);
    assertNoProblems(registrar.problems);
    await registrar.context.close();
  });
});
