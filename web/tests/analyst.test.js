// An analyst's day: sign in, read the official figures, work in Spanish, sign
// out; and what a wrong password or a second factor look like.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import {
  assertFitsWidth,
  assertNoProblems,
  goTo,
  launchBrowser,
  navNames,
  openPage,
  rowCells,
  screenshot,
  signIn,
  TABLET,
} from './support/browser.js';
import { startEscudo } from './support/escudo.js';
import { freshTotp } from './support/totp.js';

const TIMEOUT = { timeout: 180_000 };

describe('analyst', TIMEOUT, () => {
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

  it('shows the monthly chart and the yearly totals of the official figures', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    await page.waitForFunction(() => window.location.hash === '#/overview');

    const chart = page.getByTestId('transits-chart');
    await chart.locator('canvas').waitFor();
    const size = await chart.locator('canvas').boundingBox();
    assert.ok(size.width > 300 && size.height > 150, `chart canvas is ${size.width}×${size.height}`);
    assert.match(await page.getByTestId('chart-summary').innerText(), /January 2020/);
    assert.equal(
      await page.getByTestId('chart-source').innerText(),
      'Source: Servicio Nacional de Migración de Panamá, via IOM gdidata',
    );

    const yearly = page.getByTestId('yearly-table');
    assert.equal((await rowCells(yearly, '2023'))[1], '520,085');
    assert.equal((await rowCells(yearly, '2022'))[1], '248,284');
    assert.equal((await rowCells(yearly, '2024'))[1], '302,203');
    const before2020 = yearly.locator('tbody tr', { hasText: 'Annual total only' });
    for (const row of await before2020.all()) {
      const year = Number(await row.locator('th').innerText());
      assert.ok(year < 2020, `${year} is marked annual total only`);
    }

    const nationalities = page.getByTestId('nationality-table');
    await page.locator('#nationality-year').selectOption('2023');
    const codes = await nationalities.locator('tbody code').allInnerTexts();
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code, /^[A-Z]{3}$/);
    assert.equal((await nationalities.locator('tbody tr').first().locator('th').innerText()), '1');

    await screenshot(page, 'overview', 'en');
    await assertFitsWidth(page, 'overview at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'overview at 768×1024');
    assertNoProblems(problems);
    await context.close();
  });

  it('sorts a table by a column and downloads it as CSV', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    const yearly = page.getByTestId('yearly-table');
    await yearly.locator('tbody tr').first().waitFor();

    const totals = async () =>
      (await yearly.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((t) => Number(t.replace(/\D/g, '')));
    await yearly.locator('button[data-column="total"]').click();
    const ascending = await totals();
    assert.deepEqual(ascending, [...ascending].sort((a, b) => a - b));
    assert.equal(await yearly.locator('th[aria-sort="ascending"]').count(), 1);
    await yearly.locator('button[data-column="total"]').click();
    const descending = await totals();
    assert.deepEqual(descending, [...descending].sort((a, b) => b - a));
    assert.equal(descending[0], 520085, 'the largest year is 2023');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      yearly.getByRole('button', { name: /Download as CSV/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'darien-transits-by-year.csv');
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    const lines = csv.trim().split(/\r\n/);
    assert.equal(lines[0], 'Year,Transits,Months with data,Note');
    assert.match(lines[1], /^2023,520085,/, 'the CSV keeps the sort order and raw numbers');
    assert.ok(lines.includes('2022,248284,12,'));
    assertNoProblems(problems);
    await context.close();
  });

  it('shows only the pages an analyst may use', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    assert.deepEqual(await navNames(page), ['Overview', 'Corridor', 'Report', 'Forwarded tips', 'Network', 'Cases', 'Watchlists', 'Incidents', 'Account']);
    // A page outside the analyst's permissions is not shown even by its address.
    await page.goto(`${escudo.url}/#/users`);
    await page.waitForFunction(() => window.location.hash === '#/overview');
    assert.equal(await page.locator('h1').innerText(), 'Overview');
    const header = await page.getByTestId('current-user').innerText();
    assert.match(header, /Ana Castillo/);
    assert.match(header, /SENAFRONT/);
    assertNoProblems(problems);
    await context.close();
  });

  it('shows a registrar Register first, and the Import page, but not Users or Audit', async () => {
    const { context, page } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.registrar);
    assert.deepEqual(await navNames(page), ['Register', 'Overview', 'Corridor', 'Report', 'Entities', 'Screening', 'Returns', 'Import', 'Account']);
    // A registrar lands on Register after signing in.
    await page.waitForFunction(() => window.location.hash === '#/register');
    await context.close();
  });

  it('switches to Spanish and keeps the choice on the server', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    await page.locator('button[data-language="es"]').click();
    await page.getByRole('heading', { level: 1, name: 'Resumen' }).waitFor();
    assert.deepEqual(await navNames(page), ['Resumen', 'Corredor', 'Boletín', 'Denuncias remitidas', 'Red', 'Casos', 'Listas', 'Incidentes', 'Mi cuenta']);
    assert.equal(await page.getByTestId('sign-out').innerText(), 'Cerrar sesión');
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    const yearly = page.getByTestId('yearly-table');
    assert.equal((await rowCells(yearly, '2023'))[1], '520.085');
    assert.equal((await rowCells(yearly, '2024'))[1], '302.203');
    await yearly.locator('tbody tr').first().waitFor();
    await page.getByTestId('transits-chart').locator('canvas').waitFor();
    await screenshot(page, 'overview', 'es');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Resumen' }).waitFor();
    assert.equal((await rowCells(page.getByTestId('yearly-table'), '2022'))[1], '248.284');

    // Another browser, with nothing stored: Spanish comes from the server.
    const other = await openPage(browser, escudo.url);
    await signIn(other.page, escudo.url, escudo.users.analyst);
    await other.page.getByRole('heading', { level: 1, name: 'Resumen' }).waitFor();
    await goTo(other.page, 'account');
    await other.page.getByRole('heading', { level: 1, name: 'Mi cuenta' }).waitFor();
    assert.equal(await other.page.locator('#language-es').isChecked(), true);
    await screenshot(other.page, 'account', 'es');

    // And back to English from the Account page.
    await other.page.locator('#language-en').check();
    await other.page.getByRole('button', { name: 'Guardar idioma' }).click();
    await other.page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await screenshot(other.page, 'account', 'en');
    const me = await other.page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    assert.equal(me.language, 'en');
    assertNoProblems(problems);
    assertNoProblems(other.problems);
    await other.context.close();
    await context.close();
  });

  it('signs out and lands on the login page', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.analyst);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    assert.equal(await page.locator('h1').innerText(), 'Sign in');
    await page.getByText('You have signed out.').waitFor();
    const status = await page.evaluate(() => fetch('/api/me').then((r) => r.status));
    assert.equal(status, 401, 'the session is over on the server too');
    await page.reload();
    await page.getByTestId('login-page').waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  it('shows an error summary for a wrong password, linked to the field', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await page.goto(`${escudo.url}/`);
    await page.getByTestId('login-page').waitFor();
    await screenshot(page, 'login', 'en');

    await page.getByTestId('sign-in').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), ['Enter your user name', 'Enter your password']);

    await page.locator('#username').fill(escudo.users.analyst.username);
    await page.locator('#password').fill('not the password');
    await page.getByTestId('sign-in').click();
    await summary.getByText('The user name or password is not right').waitFor();
    assert.equal(await summary.locator('h2').innerText(), 'There is a problem');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'error-summary');
    await summary.locator('a[href="#username"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'username');
    assert.equal(await page.locator('#username').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#totp-code').count(), 0);

    await page.locator('button[data-language="es"]').click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    await page.getByTestId('sign-in').click();
    await summary.getByText('Hay un problema').waitFor();
    await screenshot(page, 'login', 'es');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  it('enrols a second factor from the Account page', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    const registrar = escudo.users.registrar;
    await signIn(page, escudo.url, registrar);
    await goTo(page, 'account');
    assert.match(await page.getByTestId('totp-status').innerText(), /off/);
    await page.getByTestId('totp-start').click();
    const secret = await page.getByTestId('totp-secret').locator('[data-secret]').getAttribute('data-secret');
    assert.match(secret, /^[A-Z2-7]{16,}=*$/);
    assert.match(await page.getByTestId('otpauth-uri').innerText(), /^otpauth:\/\/totp\//);

    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('error-summary').waitFor();
    await page.locator('#confirm-code').fill(await freshTotp(secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByTestId('totp-done').waitFor();
    assert.match(await page.getByTestId('totp-status').innerText(), /on/);

    // From now on the registrar's sign-in asks for the code.
    await page.getByTestId('sign-out').click();
    await signIn(page, escudo.url, { ...registrar, totpSecret: secret }, { expectCode: true });
    assertNoProblems(problems);
    await context.close();
  });
});
