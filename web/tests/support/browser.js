// Debian's Chromium driven by playwright-core, and the steps every test shares.

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { SCREENSHOT_DIR } from './escudo.js';
import { freshTotp } from './totp.js';

export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser profile (no cookies, no localStorage) with an English
 * browser locale. `problems` collects what the page must never do: break the
 * Content-Security-Policy, throw, or ask for another origin.
 */
export async function openPage(browser, baseUrl, { viewport = LAPTOP } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:')) {
      problems.push(`request to another origin: ${url}`);
    }
  });
  return { context, page, problems };
}

export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], 'the page broke the CSP, threw or reached another origin');
}

/** Signs in through the login page; `totpSecret` answers the second-factor step. */
export async function signIn(page, baseUrl, user, { expectCode = Boolean(user.totpSecret) } = {}) {
  await page.goto(`${baseUrl}/`);
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.getByTestId('sign-in').click();
  if (expectCode) {
    await page.locator('#totp-code').waitFor();
    await page.locator('#totp-code').fill(await freshTotp(user.totpSecret));
    await page.getByTestId('sign-in').click();
  }
  await page.getByTestId('sign-out').waitFor();
}

/** The visible names of the navigation's links, in order. */
export async function navNames(page) {
  return page.locator('nav .nav__link').allInnerTexts();
}

/** The routes the navigation links to, in order, whatever the language. */
export async function navRoutes(page) {
  return page.locator('nav .nav__link').evaluateAll((links) => links.map((a) => a.dataset.route));
}

export async function goTo(page, route) {
  await page.locator(`nav a[data-route="${route}"]`).click();
  await page.waitForFunction((r) => window.location.hash === `#/${r}`, route);
}

/** Cells of a table row whose first cell is `key`, as shown. */
export async function rowCells(table, key) {
  const row = table.locator('tbody tr').filter({ has: table.page().locator('th', { hasText: new RegExp(`^${key}$`) }) });
  await row.first().waitFor();
  return row.first().locator('th, td').allInnerTexts();
}

export async function screenshot(page, name, language) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${language}.png`), fullPage: true });
}

/** No horizontal scroll: the document is no wider than the window. */
export async function assertFitsWidth(page, what) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${what}: page is ${scrollWidth}px wide in a ${innerWidth}px window`);
}
