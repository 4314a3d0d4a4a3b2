// A registrar at a reception station: a family typed in from the keyboard, a
// child alone flagged unaccompanied, the checks made before and after sending,
// the registration CSV import, and the registrations beside the official
// figures on the Corridor page. Every count is read back from the API.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertFitsWidth,
  assertNoProblems,
  goTo,
  LAPTOP,
  launchBrowser,
  navNames,
  navRoutes,
  openPage,
  rowCells,
  screenshot,
  signIn,
  TABLET,
} from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };
const DAY = '2024-05-14';

/** People registered at the stations, by age group, as the API counts them. */
async function registeredByAge(page) {
  const cube = await page.evaluate(() =>
    fetch('/api/stats?source=registered&by=age_group').then((r) => r.json()),
  );
  const count = (group) => cube.rows.find((row) => row.age_group === group)?.count ?? 0;
  return { total: cube.total, child: count('child'), adult: count('adult') };
}

/** POSTs a registration as the signed-in user (the CSRF token comes from /api/me). */
async function registerThroughApi(page, group) {
  return page.evaluate(async (body) => {
    const me = await fetch('/api/me').then((r) => r.json());
    const response = await fetch('/api/registrations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrf_token },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }, group);
}

/** The id of the focused element. */
function activeId(page) {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

/** The group part of the form, as a registrar with a mouse would fill it. */
async function fillGroup(page, { station = 'bajo-chiquito', day = DAY } = {}) {
  await page.locator('#group-station').selectOption(station);
  await page.locator('#group-registered_on').fill(day);
}

/** One person's card, filled field by field (the keyboard path is tested on its own). */
async function fillPerson(page, index, person) {
  const field = (name) => page.locator(`#person-${index}-${name}`);
  if (person.given !== undefined) await field('given_names').fill(person.given);
  if (person.family !== undefined) await field('family_names').fill(person.family);
  await field('sex').selectOption(person.sex);
  if (person.birth) await field('birth_date').fill(person.birth);
  if (person.age !== undefined) await field('estimated_age').fill(String(person.age));
  await field('nationality').fill(person.nationality);
  await field('nationality').blur();
  await field('document_type').selectOption(person.document ?? 'none');
  if (person.number) await field('document_number').fill(person.number);
  if (person.phone !== undefined) {
    await field('phone').fill(person.phone);
    await field('phone').blur();
  }
  if (person.relationship) await field('relationship').selectOption(person.relationship);
}

describe('registration at a reception station', TIMEOUT, () => {
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

  /** A registrar's page, on Register (where a registrar lands after signing in). */
  async function openRegister(options) {
    const opened = await openPage(browser, escudo.url, options);
    await signIn(opened.page, escudo.url, escudo.users.registrar);
    await opened.page.waitForFunction(() => window.location.hash === '#/register');
    await opened.page.locator('#group-station option[value="bajo-chiquito"]').waitFor({ state: 'attached' });
    return opened;
  }

  it('registers a family of three from the keyboard, with the ages worked out as they are typed', async () => {
    const { context, page, problems } = await openRegister();
    assert.deepEqual((await navRoutes(page))[0], 'register', 'Register comes first for a registrar');
    assert.equal(await page.locator('h1').innerText(), 'Register arrivals');
    const before = await registeredByAge(page);

    // The group: station by type-ahead, day, route.
    await page.locator('#group-station').focus();
    await page.keyboard.type('Bajo');
    assert.equal(await page.locator('#group-station').inputValue(), 'bajo-chiquito');
    assert.equal(
      await page.locator('#group-registered_on').inputValue(),
      await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      }),
      'the day defaults to today',
    );
    await page.locator('#group-registered_on').fill(DAY);
    await page.locator('#group-departure_point').focus();
    await page.keyboard.type('Necoclí');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'group-days_in_jungle');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('350,50');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Guía en Acandí');

    // Person 1, the head: the card runs in reading order under Tab.
    await page.locator('#person-0-given_names').focus();
    await page.keyboard.type('María José');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-0-family_names');
    await page.keyboard.type('Pérez Rondón');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-0-sex');
    await page.keyboard.type('f');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-0-birth_date');
    await page.locator('#person-0-birth_date').fill('1990-02-11');
    await page.locator('#person-0-nationality').focus();
    await page.keyboard.type('ven');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-0-document_type');
    assert.equal(await page.locator('#person-0-nationality').inputValue(), 'Venezuela (VEN)');
    await page.keyboard.type('p');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-0-document_country');
    assert.equal(await page.locator('#person-0-document_country').inputValue(), 'Venezuela (VEN)');
    await page.keyboard.press('Tab');
    await page.keyboard.type('X1234567');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-0-phone');
    await page.keyboard.type('+58 412 123 4567');
    assert.match(await page.getByTestId('person-0-age').innerText(), /^Age on 14 May 2024: 34\s+Adult$/);

    // Alt+N adds person 2 and puts the cursor in its first field; the family name and nationality carry over.
    await page.keyboard.press('Alt+N');
    await page.getByTestId('person-1').waitFor();
    assert.equal(await activeId(page), 'person-1-given_names');
    assert.equal(await page.locator('#person-1-family_names').inputValue(), 'Pérez Rondón');
    assert.equal(await page.locator('#person-1-nationality').inputValue(), 'Venezuela (VEN)');
    await page.keyboard.type('Carlos');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('m');
    await page.locator('#person-1-estimated_age').focus();
    await page.keyboard.type('33');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-1-nationality');
    await page.keyboard.press('Tab');
    await page.keyboard.type('n');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('V-12345678');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await activeId(page), 'person-1-relationship');
    await page.keyboard.type('sp');
    assert.equal(await page.locator('#person-1-relationship').inputValue(), 'spouse');

    // Ctrl+Enter adds person 3 from the last field.
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('person-2').waitFor();
    assert.equal(await activeId(page), 'person-2-given_names');
    await page.keyboard.type('Luis');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('m');
    await page.locator('#person-2-birth_date').fill('2017-06-01');
    await page.locator('#person-2-document_type').focus();
    await page.keyboard.type('b');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('RC-998877');
    await page.locator('#person-2-relationship').focus();
    await page.keyboard.type('so');
    assert.equal(await page.locator('#person-2-relationship').inputValue(), 'child');

    assert.match(await page.getByTestId('person-1-age').innerText(), /^Age on 14 May 2024: 33\s+Adult$/);
    assert.match(await page.getByTestId('person-2-age').innerText(), /^Age on 14 May 2024: 6\s+Child$/);
    assert.equal(await page.getByTestId('unaccompanied-warning').count(), 0, 'the child is with his parents');
    // The shortcut is told on the page, next to the button it stands for.
    assert.match(await page.locator('#shortcut-hint').innerText(), /Alt\s*\+\s*N or Ctrl\s*\+\s*Enter/);
    assert.equal(await page.getByTestId('register-submit').innerText(), 'Register 3 people');

    // Enter in a field does not send the form: only the button does.
    await page.locator('#person-2-given_names').focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('registration-done').count(), 0);
    await page.getByTestId('register-submit').focus();
    await page.keyboard.press('Enter');

    const done = page.getByTestId('registration-done');
    await done.waitFor();
    assert.equal(
      await page.getByTestId('registration-count').innerText(),
      '3 people registered at Bajo Chiquito on 14 May 2024.',
    );
    assert.equal(
      await page.getByTestId('registration-flagged-none').innerText(),
      'No one in this group was flagged as unaccompanied.',
    );
    assert.deepEqual(await rowCells(page.getByTestId('registration-people'), '3'), ['3', 'Luis Pérez Rondón', '6', 'No']);

    // The server has the group: in the statistics, and (read with identity.read) as typed.
    const after = await registeredByAge(page);
    assert.deepEqual(after, { total: before.total + 3, child: before.child + 1, adult: before.adult + 2 });
    const id = Number(await page.getByTestId('registration-id').innerText());
    const stored = await page.evaluate((n) => fetch(`/api/registrations/${n}`).then((r) => r.json()), id);
    assert.equal(stored.station, 'bajo-chiquito');
    assert.equal(stored.registered_on, DAY);
    assert.equal(stored.departure_point, 'Necoclí');
    assert.equal(stored.days_in_jungle, 5);
    assert.equal(stored.paid_usd_cents, 35050);
    assert.equal(stored.paid_to, 'Guía en Acandí');
    assert.deepEqual(
      stored.people.map((p) => [p.given_names, p.family_names, p.sex, p.age, p.nationality, p.relationship]),
      [
        ['María José', 'Pérez Rondón', 'female', 34, 'VEN', 'head'],
        ['Carlos', 'Pérez Rondón', 'male', 33, 'VEN', 'spouse'],
        ['Luis', 'Pérez Rondón', 'male', 6, 'VEN', 'child'],
      ],
    );
    assert.deepEqual(
      stored.people.map((p) => [p.document_type, p.document_country, p.document_number, p.phone]),
      [
        ['passport', 'VEN', 'X1234567', '+584121234567'],
        ['national_id', 'VEN', 'V-12345678', ''],
        ['birth_certificate', 'VEN', 'RC-998877', ''],
      ],
    );
    assert.equal(stored.people[0].birth_date, '1990-02-11');

    // The next group: people cleared; station, day and departure point kept.
    await screenshot(page, 'register-done', 'en');
    await page.getByTestId('next-group').click();
    await page.getByTestId('registration-form').waitFor();
    assert.equal(await activeId(page), 'person-0-given_names');
    assert.equal(await page.locator('.person-card').count(), 1);
    assert.equal(await page.locator('#person-0-given_names').inputValue(), '');
    assert.equal(await page.locator('#person-0-nationality').inputValue(), '');
    assert.equal(await page.locator('#group-station').inputValue(), 'bajo-chiquito');
    assert.equal(await page.locator('#group-registered_on').inputValue(), DAY);
    assert.equal(await page.locator('#group-departure_point').inputValue(), 'Necoclí');
    assert.equal(await page.locator('#group-days_in_jungle').inputValue(), '');

    // The station is remembered on this computer.
    await page.reload();
    await page.locator('#group-station option[value="bajo-chiquito"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#group-station').inputValue(), 'bajo-chiquito');
    assertNoProblems(problems);
    await context.close();
  });

  it('warns that a child alone will be flagged unaccompanied, and reports the flag after', async () => {
    const { context, page, problems } = await openRegister();
    await fillGroup(page, { station: 'lajas-blancas' });
    await fillPerson(page, 0, { given: 'Yohana', family: 'Joseph', sex: 'female', age: 12, nationality: 'Haiti' });
    assert.equal(await page.locator('#person-0-nationality').inputValue(), 'Haiti (HTI)');
    assert.match(await page.getByTestId('person-0-age').innerText(), /: 12\s+Child$/);
    const warning = page.getByTestId('unaccompanied-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /A child has no adult relative in the group/);
    assert.equal(await page.getByTestId('person-0-unaccompanied').innerText(), 'This child will be flagged as unaccompanied');

    // An adult who is not related does not change that; an adult relative does.
    await page.getByTestId('add-person').click();
    await fillPerson(page, 1, { given: 'Jean', family: 'Pierre', sex: 'male', age: 40, nationality: 'HTI', relationship: 'unrelated' });
    assert.equal(await page.getByTestId('person-0-unaccompanied').count(), 1);
    await page.locator('#person-1-relationship').selectOption('sibling');
    await page.getByTestId('unaccompanied-warning').waitFor({ state: 'detached' });
    // Remove him again: the child is alone once more.
    await page.getByTestId('remove-person-1').click();
    assert.equal(await page.locator('.person-card').count(), 1);
    assert.equal(await activeId(page), 'person-0-heading');
    await warning.waitFor();

    await page.getByTestId('register-submit').click();
    const flagged = page.getByTestId('registration-flagged');
    await flagged.waitFor();
    assert.match(await flagged.innerText(), /Flagged as unaccompanied/);
    assert.equal(await page.getByTestId('flagged-0').innerText(), 'Person 1: Yohana Joseph, 12 years old');
    const id = Number(await page.getByTestId('registration-id').innerText());
    const stored = await page.evaluate((n) => fetch(`/api/registrations/${n}`).then((r) => r.json()), id);
    assert.equal(stored.people[0].unaccompanied, true, 'the server flagged her');
    assertNoProblems(problems);
    await context.close();
  });

  it('checks a bad phone and a missing given name in the browser, and sends nothing', async () => {
    const { context, page, problems } = await openRegister();
    const sent = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/registrations') sent.push(request);
    });
    const before = await registeredByAge(page);
    await fillGroup(page);
    await fillPerson(page, 0, {
      family: 'Gómez',
      sex: 'male',
      age: 30,
      nationality: 'COL',
      document: 'passport',
      number: 'AB123',
      phone: '0412 123',
    });
    // Checked on leaving the field, before any attempt to send.
    assert.equal(
      await page.locator('#person-0-phone-error').textContent(),
      'Error: Enter the phone with + and the country code, such as +584121234567',
    );
    assert.equal(await page.locator('#person-0-phone').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#person-0-given_names-error').count(), 0, 'an untouched field is not flagged yet');

    await page.getByTestId('register-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'error-summary');
    assert.deepEqual(await summary.locator('li').allInnerTexts(), [
      'Person 1: Enter the given names',
      'Person 1: Enter the phone with + and the country code, such as +584121234567',
    ]);
    await summary.locator('a[href="#person-0-given_names"]').click();
    assert.equal(await activeId(page), 'person-0-given_names');
    assert.equal(await page.locator('#person-0-given_names').getAttribute('aria-invalid'), 'true');

    // A pregnant male is refused as the server would.
    await page.locator('#person-0-pregnant').check();
    assert.match(await page.locator('#person-0-pregnant-error').innerText(), /“Pregnant” cannot be selected for a male/);

    await page.waitForTimeout(300);
    assert.equal(sent.length, 0, 'nothing was sent to the server');
    assert.deepEqual(await registeredByAge(page), before, 'nothing was stored');
    await screenshot(page, 'register-errors', 'en');
    assertNoProblems(problems);
    await context.close();
  });

  it('shows what the server refused in the error summary, linked to the field', async () => {
    const { context, page, problems } = await openRegister();
    const before = await registeredByAge(page);
    await fillGroup(page);
    await fillPerson(page, 0, { given: 'Ana', sex: 'female', age: 25, nationality: 'ECU', phone: '+593991234567' });
    // Only the server knows which stations exist: make the browser ask for one that does not.
    await page.route('**/api/registrations', async (route) => {
      const body = JSON.parse(route.request().postData());
      await route.continue({ postData: JSON.stringify({ ...body, station: 'puerto-fantasma' }) });
    });
    await page.getByTestId('register-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), [
      'escudo does not know this station. Choose a station from the list',
    ]);
    await summary.locator('a[href="#group-station"]').click();
    assert.equal(await activeId(page), 'group-station');
    assert.equal(await page.locator('#group-station').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('registration-done').count(), 0);
    assert.deepEqual(await registeredByAge(page), before, 'nothing was stored');

    // Without the tampering the same group goes through.
    await page.unroute('**/api/registrations');
    await page.locator('#group-station').selectOption('lajas-blancas');
    assert.equal(await page.locator('#group-station').getAttribute('aria-invalid'), null, 'changing the field clears the server’s error');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('registration-done').waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  it('imports a registration CSV: a bad row is listed and nothing is stored, then a good file is stored', async () => {
    const { context, page, problems } = await openRegister();
    await page.getByTestId('tab-import').click();
    assert.equal(await page.getByTestId('tab-import').getAttribute('aria-selected'), 'true');
    const before = await registeredByAge(page);
    const header =
      'group_ref,station,registered_on,given_names,family_names,sex,birth_date,estimated_age,nationality,document_type,document_country,document_number,phone,relationship,departure_point,days_in_jungle,paid_usd,paid_to,pregnant,disability,injured,violence_survivor,separated';
    const mother = 'G1,bajo-chiquito,2024-05-20,Ana,Díaz,female,1992-01-01,,COL,passport,COL,AB123,+573001234567,head,Turbo,3,400,,0,0,0,0,0';
    const bad = [header, mother, 'G1,bajo-chiquito,2024-05-20,Pedro,Díaz,man,,8,COL,none,,,,child,Turbo,3,400,,0,0,0,0,0', ''].join('\n');
    await page.locator('#registration-csv-file').setInputFiles({ name: 'bad-row.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByTestId('registration-import-submit').click();
    const rejected = page.getByTestId('registration-import-rejected');
    await rejected.waitFor();
    assert.match(await rejected.innerText(), /Nothing was imported/);
    assert.match(await rejected.innerText(), /bad-row\.csv has 1 row with a problem/);
    const line3 = await rowCells(page.getByTestId('registration-import-errors'), '3');
    assert.equal(line3.length, 4, 'line, column, field, problem');
    assert.equal(line3[2], 'sex');
    assert.match(line3[3], /man/);
    assert.deepEqual(await page.getByTestId('error-summary').locator('li').allInnerTexts(), [
      'Nothing was stored: the file has 1 row with a problem',
    ]);
    assert.deepEqual(await registeredByAge(page), before, 'nothing was stored');

    const good = [header, mother, 'G1,bajo-chiquito,2024-05-20,Pedro,Díaz,male,,8,COL,none,,,,child,Turbo,3,400,,0,0,0,0,0', ''].join('\n');
    await page.locator('#registration-csv-file').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByTestId('registration-import-submit').click();
    const stored = page.getByTestId('registration-import-stored');
    await stored.waitFor();
    assert.match(await stored.innerText(), /good\.csv: registrations stored — 2 people in 1 group\./);
    assert.match(await stored.innerText(), /0 children were flagged as unaccompanied\./);
    // No watchlist and no earlier record of them: screened, and clear.
    assert.match(await page.getByTestId('registration-import-screening-clear').innerText(), /Every imported person was screened/);
    assert.deepEqual(await registeredByAge(page), { total: before.total + 2, child: before.child + 1, adult: before.adult + 1 });
    await screenshot(page, 'register-import', 'en');
    assertNoProblems(problems);
    await context.close();
  });

  it('shows the registrations beside the official total on the Corridor page, never added to it', async () => {
    const { context, page, problems } = await openRegister();
    const answer = await registerThroughApi(page, {
      station: 'san-vicente',
      registered_on: '2022-06-03',
      people: [
        { given_names: 'Rosa', family_names: 'Lema', sex: 'female', estimated_age: 41, nationality: 'ECU', document_type: 'none', relationship: 'head' },
        { given_names: 'Kevin', family_names: 'Lema', sex: 'male', estimated_age: 9, nationality: 'ECU', document_type: 'none', relationship: 'child' },
        { given_names: 'Sin', family_names: 'Dato', sex: 'unknown', birth_date: '1985-01-01', nationality: 'ECU', document_type: 'none', relationship: 'other_relative' },
      ],
    });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));

    await goTo(page, 'corridor');
    await page.getByTestId('comparison-sentence').waitFor();
    await page.locator('#compare-from').selectOption('2022-01');
    await page.locator('#compare-to').selectOption('2022-06');
    await page.getByTestId('compare-submit').click();
    await page.getByTestId('registered-total').filter({ hasText: '3 people' }).waitFor();
    const official = await page.evaluate(() => fetch('/api/stats/compare?from=2022-01&to=2022-06').then((r) => r.json()));
    assert.equal(
      await page.getByTestId('registered-official').innerText(),
      `${official.current.total.toLocaleString('en-GB')} people`,
    );
    assert.match(await page.getByTestId('registered-not-summed').innerText(), /two different sources and are never added together/);
    assert.deepEqual(await rowCells(page.getByTestId('registered-table'), 'San Vicente ERM'), [
      'San Vicente ERM',
      '1',
      '2',
      '0',
      '3',
    ]);
    // Nobody was registered in the first half of 2021.
    await page.locator('#compare-from').selectOption('2021-01');
    await page.locator('#compare-to').selectOption('2021-06');
    await page.getByTestId('compare-submit').click();
    const empty = page.getByTestId('registered-empty');
    await empty.waitFor();
    assert.match(await empty.innerText(), /January – June 2021: nobody was registered at the stations\./);
    assertNoProblems(problems);
    await context.close();
  });

  it('does not show Register to an analyst', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    const names = await navNames(page);
    assert.ok(!names.includes('Register'), `analyst navigation: ${names.join(', ')}`);
    assert.ok(!(await navRoutes(page)).includes('register'));
    await page.goto(`${escudo.url}/#/register`);
    await page.waitForFunction(() => window.location.hash === '#/overview');
    assert.equal(await page.locator('#group-station').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  it('fits a laptop and an upright tablet, in English and Spanish', async () => {
    const { context, page, problems } = await openRegister({ viewport: LAPTOP });
    await fillGroup(page);
    await fillPerson(page, 0, { given: 'Daniela', family: 'Ortiz', sex: 'female', birth: '1994-08-30', nationality: 'VEN', document: 'passport', number: '155443322' });
    await page.getByTestId('add-person').click();
    await fillPerson(page, 1, { given: 'Samuel', sex: 'male', age: 4, nationality: 'VEN', relationship: 'child' });
    await screenshot(page, 'register', 'en');
    await assertFitsWidth(page, 'register (en) at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'register (en) at 768×1024');

    await page.setViewportSize(LAPTOP);
    await page.locator('button[data-language="es"]').click();
    await page.getByRole('heading', { level: 1, name: 'Registro de llegadas' }).waitFor();
    assert.equal(await page.locator('#person-0-nationality').inputValue(), 'Venezuela (VEN)');
    assert.match(await page.getByTestId('person-1-age').innerText(), /^Edad al 14 de mayo de 2024: 4\s+Menor de edad$/);
    assert.equal(await page.getByTestId('register-submit').innerText(), 'Registrar 2 personas');
    await page.locator('#person-1-phone').fill('12345');
    await page.locator('#person-1-phone').blur();
    assert.match(await page.locator('#person-1-phone-error').innerText(), /Ingrese el teléfono con \+ y el código del país/);
    await screenshot(page, 'register', 'es');
    await assertFitsWidth(page, 'register (es) at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'register (es) at 768×1024');
    await page.getByTestId('tab-import').click();
    await assertFitsWidth(page, 'register import (es) at 768×1024');
    await page.setViewportSize(LAPTOP);
    await page.locator('button[data-language="en"]').click();
    await page.getByRole('heading', { level: 1, name: 'Register arrivals' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });
});
