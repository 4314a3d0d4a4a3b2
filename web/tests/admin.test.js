// An administrator's day: sign in with a second factor, add a user, check the
// audit chain, try a bad import; and every page, in both languages, at laptop
// and tablet sizes.

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
import { PASSWORD, startEscudo } from './support/escudo.js';
import { currentStep, freshTotp, totpAt } from './support/totp.js';

const TIMEOUT = { timeout: 300_000 };

describe('administrator', TIMEOUT, () => {
  let escudo;
  let browser;
  let admin; // { context, page, problems } signed in as the administrator

  before(async () => {
    escudo = await startEscudo(['admin', 'analyst']);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await escudo?.stop();
  });

  it('asks the administrator for the security code at sign-in', async () => {
    admin = await openPage(browser, escudo.url);
    const { page } = admin;
    const user = escudo.users.admin;
    assert.ok(user.totpSecret, '`escudo user add --role admin` printed a totp secret');

    await page.goto(`${escudo.url}/`);
    await page.locator('#username').fill(user.username);
    await page.locator('#password').fill(user.password);
    await page.getByTestId('sign-in').click();
    await page.locator('#totp-code').waitFor();
    await page.getByTestId('code-needed').getByText('This account uses two-step sign-in.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'totp-code');
    assert.equal(await page.getByTestId('error-summary').count(), 0, 'asking for the code is not an error');

    await page.getByTestId('sign-in').click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('Enter the security code as 6 digits, like 123456').waitFor();
    await screenshot(page, 'login-code', 'en');

    const right = totpAt(user.totpSecret, currentStep());
    let wrong = totpAt(user.totpSecret, currentStep() + 40);
    if (wrong === right) wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    await page.locator('#totp-code').fill(wrong);
    await page.getByTestId('sign-in').click();
    await summary.getByText('The security code is not right. Wait for a new code and enter it').waitFor();

    await page.locator('#totp-code').fill(await freshTotp(user.totpSecret));
    await page.getByTestId('sign-in').click();
    await page.getByTestId('sign-out').waitFor();
    assert.deepEqual(await navNames(page), ['Overview', 'Corridor', 'Report', 'Entry rules', 'Watchlists', 'Import', 'Users', 'Audit', 'Account']);
    assertNoProblems(admin.problems);
  });

  it('adds a user, shows their second factor once, and disables them', async () => {
    const { page } = admin;
    await goTo(page, 'users');
    const table = page.getByTestId('users-table');
    await table.locator('tbody tr').first().waitFor();
    assert.deepEqual(await table.locator('tbody th').allInnerTexts(), ['alba.admin', 'ana.analyst']);

    const form = page.getByTestId('new-user-form');
    await page.getByTestId('create-user').click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), [
      'Enter a user name',
      'Enter their full name',
      'Enter their agency',
      'Select at least one role',
      'Enter an initial password',
    ]);
    await summary.locator('a[href="#role-admin"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'role-admin');

    await form.locator('#new-username').fill('tomas.tips');
    await form.locator('#new-display-name').fill('Tomás Herrera');
    await form.locator('#new-agency').fill('Fiscalía General de la Nación');
    await form.locator('#role-tip_handler').check();
    await form.locator('#role-analyst').check();
    await form.locator('#new-password').fill(PASSWORD);
    await page.getByTestId('create-user').click();

    const created = page.getByTestId('user-created');
    await created.waitFor();
    assert.match(await created.locator('h2').innerText(), /tomas\.tips/);
    const secret = await created.locator('[data-secret]').getAttribute('data-secret');
    assert.match(secret, /^[A-Z2-7]{16,}=*$/);
    const uri = await created.getByTestId('otpauth-uri').innerText();
    assert.match(uri, /^otpauth:\/\/totp\/.*secret=/);
    assert.match(await created.innerText(), /shown only once/);
    const cells = await rowCells(table, 'tomas.tips');
    assert.equal(cells[1], 'Tomás Herrera');
    assert.equal(cells[2], 'Fiscalía General de la Nación');
    assert.ok(cells[6].includes(String(new Date().getUTCFullYear())), `created this year: "${cells[6]}"`);
    assert.match(cells[3], /Tip handler/);
    assert.match(cells[3], /Analyst/);
    await screenshot(page, 'users-created', 'en');

    // The secret shown works: the new user signs in with it.
    const tips = await openPage(browser, escudo.url);
    const tomas = { username: 'tomas.tips', password: PASSWORD, totpSecret: secret };
    await signIn(tips.page, escudo.url, tomas);
    // Users added through the API start in the server's default language.
    assert.deepEqual(await navRoutes(tips.page), ['tips', 'rewards', 'overview', 'corridor', 'report', 'extracts', 'network', 'cases', 'watchlists', 'incidents', 'account']);
    await tips.context.close();

    await page.getByTestId('toggle-tomas.tips').click();
    await table.locator('tbody tr', { hasText: 'tomas.tips' }).getByText('Disabled').waitFor();
    const refused = await openPage(browser, escudo.url);
    await refused.page.goto(`${escudo.url}/`);
    await refused.page.locator('#username').fill('tomas.tips');
    await refused.page.locator('#password').fill(PASSWORD);
    await refused.page.getByTestId('sign-in').click();
    await refused.page.getByTestId('error-summary').waitFor();
    assert.equal(await refused.page.getByTestId('sign-out').count(), 0);
    await refused.context.close();

    await page.getByTestId('toggle-tomas.tips').click();
    await table.locator('tbody tr', { hasText: 'tomas.tips' }).getByText('Active').waitFor();
    assertNoProblems(admin.problems);
  });

  it('verifies the audit chain', async () => {
    const { page } = admin;
    await goTo(page, 'audit');
    const table = page.getByTestId('audit-table');
    await table.locator('tbody tr').first().waitFor();
    assert.ok((await table.locator('tbody tr').count()) > 0);
    const year = String(new Date().getUTCFullYear());
    const latest = await table.locator('tbody tr').first().locator('td').first().innerText();
    assert.ok(latest.includes(year), `the latest entry is from this year: "${latest}"`);
    assert.ok(await table.locator('tbody tr', { hasText: 'session.login' }).count() > 0, 'the sign-in is logged');
    await page.getByTestId('verify-chain').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    assert.match(await result.innerText(), /The chain is intact/);
    const { entries } = await page.evaluate(() => fetch('/api/audit/verify').then((r) => r.json()));
    assert.ok(entries > 0);
    assert.match(await result.innerText(), new RegExp(`All ${entries.toLocaleString('en-GB')} entries`));
    await screenshot(page, 'audit-verified', 'en');
    assertNoProblems(admin.problems);
  });

  it('refuses a CSV with a bad row, lists it, and stores nothing', async () => {
    const { page } = admin;
    const yearlyBefore = await page.evaluate(() => fetch('/api/transits/yearly').then((r) => r.json()));
    await goTo(page, 'overview');
    const shownBefore = await page.getByTestId('yearly-table').locator('tbody').innerText();

    await goTo(page, 'import');
    await page.getByTestId('import-submit').click();
    await page.getByTestId('error-summary').getByText('Choose a CSV file to import').waitFor();

    const csv = [
      'month,period_type,quarter,nationality_iso3,count',
      '2023-05,month,2023-Q2,VEN,1000',
      '2023-05,month,2023-Q2,HTI,a lot',
      '',
    ].join('\n');
    await page.locator('#csv-file').setInputFiles({ name: 'bad-row.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-submit').click();
    const rejected = page.getByTestId('import-rejected');
    await rejected.waitFor();
    assert.match(await rejected.innerText(), /Nothing was imported/);
    assert.match(await rejected.innerText(), /nothing was stored/);
    const errors = page.getByTestId('import-errors');
    const line3 = await rowCells(errors, '3');
    assert.equal(line3.length, 4, 'line, column, field, problem');
    assert.ok(line3[3].length > 0, 'the problem is explained');
    await screenshot(page, 'import-rejected', 'en');

    const yearlyAfter = await page.evaluate(() => fetch('/api/transits/yearly').then((r) => r.json()));
    assert.deepEqual(yearlyAfter, yearlyBefore);
    await goTo(page, 'overview');
    await page.getByTestId('yearly-table').locator('tbody tr').first().waitFor();
    assert.equal(await page.getByTestId('yearly-table').locator('tbody').innerText(), shownBefore);
    assert.equal((await rowCells(page.getByTestId('yearly-table'), '2023'))[1], '520,085');
    assertNoProblems(admin.problems);
  });

  it('shows every page in both languages without horizontal scrolling', async () => {
    const { page } = admin;
    const ready = {
      overview: () => page.getByTestId('transits-chart').locator('canvas').waitFor(),
      corridor: async () => {
        await page.getByTestId('projection-sentence').waitFor();
        await page.locator('[data-label="Necoclí"]').waitFor();
      },
      watchlists: () => page.getByTestId('watchlist-form').waitFor(),
      import: () => page.locator('#csv-file').waitFor(),
      users: () => page.getByTestId('users-table').locator('tbody tr').first().waitFor(),
      audit: () => page.getByTestId('audit-table').locator('tbody tr').first().waitFor(),
      account: () => page.getByTestId('profile').waitFor(),
    };
    for (const language of ['en', 'es']) {
      await page.setViewportSize(LAPTOP);
      await page.locator(`button[data-language="${language}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, language);
      for (const route of Object.keys(ready)) {
        await page.setViewportSize(LAPTOP);
        await goTo(page, route);
        await ready[route]();
        await screenshot(page, route, language);
        await assertFitsWidth(page, `${route} (${language}) at 1366×768`);
        await page.setViewportSize(TABLET);
        await assertFitsWidth(page, `${route} (${language}) at 768×1024`);
      }
    }
    const spanishNav = await navNames(page);
    assert.deepEqual(spanishNav, ['Resumen', 'Corredor', 'Boletín', 'Requisitos', 'Listas', 'Importar', 'Usuarios', 'Auditoría', 'Mi cuenta']);
    await page.setViewportSize(LAPTOP);
    await page.locator('button[data-language="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assertNoProblems(admin.problems);
  });

  it('imports a good CSV and the new month counts in the totals', async () => {
    const { page } = admin;
    const before = await page.evaluate(() => fetch('/api/transits/yearly').then((r) => r.json()));
    const total2025 = before.years.find((y) => y.year === 2025)?.total ?? 0;
    await goTo(page, 'import');
    const csv = 'month,period_type,quarter,nationality_iso3,count\n2025-05,month,2025-Q2,VEN,7\n';
    await page.locator('#csv-file').setInputFiles({ name: 'may-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('import-submit').click();
    const stored = page.getByTestId('import-stored');
    await stored.waitFor();
    assert.match(await stored.innerText(), /may-2025\.csv: 1 row stored, 7 transits in total\./);
    await goTo(page, 'overview');
    const cells = await rowCells(page.getByTestId('yearly-table'), '2025');
    assert.equal(cells[1], (total2025 + 7).toLocaleString('en-GB'));
    assertNoProblems(admin.problems);
  });
});
