// Changing one's own password on the Account page: the browser's checks, a
// wrong current password, and then the new password the only one that works,
// with the person's other sessions ended.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoProblems, goTo, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };
const NEW_PASSWORD = 'Selva-de-Darien-2025';

describe('own password', TIMEOUT, () => {
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

  it('changes the password, ends the other sessions, and signs in with the new one', async () => {
    const analyst = escudo.users.analyst;
    // A second browser signed in as the same person: its session must end.
    const elsewhere = await openPage(browser, escudo.url);
    await signIn(elsewhere.page, escudo.url, analyst);

    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, analyst);
    await goTo(page, 'account');
    const form = page.getByTestId('password-form');
    const summary = page.getByTestId('error-summary');
    const submit = page.getByTestId('password-submit');

    // Nothing typed.
    await submit.click();
    await summary.waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), [
      'Enter your current password',
      'Enter a new password',
      'Enter your new password again',
    ]);
    await summary.locator('a[href="#new-password"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'new-password');

    // Too short, and two copies that differ: caught in the browser.
    await form.locator('#current-password').fill(analyst.password);
    await form.locator('#new-password').fill('short');
    await form.locator('#confirm-password').fill('shorter');
    await submit.click();
    await summary.getByText('Your new password must be at least 10 characters').waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), [
      'Your new password must be at least 10 characters',
      'The two new passwords do not match. Enter the same password twice',
    ]);
    assert.equal(await form.locator('#confirm-password').getAttribute('aria-invalid'), 'true');

    // A wrong current password: the server says so, and the session goes on.
    await form.locator('#current-password').fill('not-my-password');
    await form.locator('#new-password').fill(NEW_PASSWORD);
    await form.locator('#confirm-password').fill(NEW_PASSWORD);
    await submit.click();
    await summary.getByText('Your current password is not right').waitFor();
    assert.deepEqual(await summary.locator('li').allInnerTexts(), ['Your current password is not right']);
    assert.equal(await summary.locator('a').getAttribute('href'), '#current-password');
    assert.equal(await page.locator('h1').innerText(), 'Your account');
    assert.equal(await page.evaluate(() => fetch('/api/me').then((r) => r.status)), 200);
    await screenshot(page, 'account-password-error', 'en');

    // The right one.
    await form.locator('#current-password').fill(analyst.password);
    await submit.click();
    await page.getByTestId('password-changed').waitFor();
    assert.equal(await summary.count(), 0);
    assert.equal(await form.locator('#current-password').inputValue(), '');
    assert.equal(await page.evaluate(() => fetch('/api/me').then((r) => r.status)), 200, 'this session stays');
    assert.equal(
      await elsewhere.page.evaluate(() => fetch('/api/me').then((r) => r.status)),
      401,
      'the other session has ended',
    );

    // Sign out; the old password no longer works, the new one does.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    await page.locator('#username').fill(analyst.username);
    await page.locator('#password').fill(analyst.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('error-summary').getByText('The user name or password is not right').waitFor();
    await signIn(page, escudo.url, { ...analyst, password: NEW_PASSWORD });
    assert.equal(await page.evaluate(() => fetch('/api/me').then((r) => r.status)), 200);

    assertNoProblems(problems);
    await elsewhere.context.close();
    await context.close();
  });

  it('tells the password rules in Spanish too', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, { ...escudo.users.analyst, password: NEW_PASSWORD });
    await page.locator('button[data-language="es"]').click();
    await page.getByRole('heading', { level: 1, name: 'Resumen' }).waitFor();
    await goTo(page, 'account');
    await page.getByRole('heading', { level: 2, name: 'Cambiar su contraseña' }).waitFor();
    assert.match(await page.locator('#new-password-hint').innerText(), /^Use al menos 10 caracteres\./);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('error-summary').getByText('Ingrese su contraseña actual').waitFor();
    await page.locator('button[data-language="en"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assertNoProblems(problems);
    await context.close();
  });
});
