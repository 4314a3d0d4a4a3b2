// The monthly report: the figures of a chosen month read against the API, the
// Print button, and the print stylesheet that leaves out the navigation; in
// both languages, without horizontal scrolling and within the CSP.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  assertFitsWidth,
  assertNoProblems,
  goTo,
  LAPTOP,
  launchBrowser,
  navRoutes,
  openPage,
  rowCells,
  screenshot,
  signIn,
  TABLET,
} from './support/browser.js';
import { startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 180_000 };
const MONTH = '2023-10';

function api(page, path) {
  return page.evaluate((p) => fetch(p).then((r) => r.json()), path);
}

/** Three significant digits, as projected figures are quoted (571,595 → 572,000). */
function round3(value) {
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 2);
  return (Math.round(value / magnitude) * magnitude).toLocaleString('en-GB');
}

describe('monthly report', TIMEOUT, () => {
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

  /** An analyst's page on the report of `month`, its figures shown. */
  async function openReport(month, options) {
    const opened = await openPage(browser, escudo.url, options);
    const { page } = opened;
    await signIn(page, escudo.url, escudo.users.analyst);
    await goTo(page, 'report');
    await page.getByTestId('report-total').waitFor();
    if (month) {
      await page.locator('#report-month').selectOption(month);
      await page.getByTestId('report-submit').click();
      await page.waitForFunction((m) => window.location.hash === `#/report/${m}`, month);
    }
    await page.getByTestId('report-chart').locator('canvas').waitFor();
    return opened;
  }

  it('opens on the last month with figures, and comes after Corridor in the navigation', async () => {
    const { context, page, problems } = await openReport();
    assert.deepEqual(await navRoutes(page), ['overview', 'corridor', 'report', 'extracts', 'network', 'cases', 'watchlists', 'incidents', 'account']);
    const byMonth = await api(page, '/api/stats?by=month');
    const last = byMonth.rows.map((r) => r.month).sort().at(-1);
    assert.equal(await page.locator('#report-month').inputValue(), last);
    assertNoProblems(problems);
    await context.close();
  });

  it('reports October 2023 with the figures the API gives, and prints without the navigation', async () => {
    const { context, page, problems } = await openReport(MONTH);
    assert.equal(await page.locator('h1').innerText(), 'Irregular transits through the Darién — October 2023');

    // The month's total, and the month before and a year before, from the API.
    const cube = await api(page, '/api/stats?by=month&from=2022-10&to=2023-10');
    const count = (month) => cube.rows.find((r) => r.month === month).count;
    assert.equal(await page.getByTestId('report-total').innerText(), count(MONTH).toLocaleString('en-GB'));
    const changes = page.getByTestId('report-changes');
    assert.equal((await rowCells(changes, 'September 2023 \\(month before\\)'))[1], count('2023-09').toLocaleString('en-GB'));
    assert.equal((await rowCells(changes, 'October 2022 \\(a year earlier\\)'))[1], count('2022-10').toLocaleString('en-GB'));
    const fewer = (1 - count(MONTH) / count('2023-09')) * 100;
    assert.match(await page.getByTestId('report-change').innerText(), new RegExp(`^That is ${fewer.toFixed(1)}% fewer than in September 2023`));

    // Year to date against the same months of 2022.
    const ytd = await api(page, '/api/stats/compare?from=2023-01&to=2023-10');
    assert.match(
      await page.getByTestId('report-ytd').innerText(),
      new RegExp(`^January – October 2023: ${ytd.current.total.toLocaleString('en-GB')} people .*2022 \\(${ytd.previous.total.toLocaleString('en-GB')}\\)`),
    );

    // The top nationality of the month, and ten rows with shares.
    const nationalities = await api(page, '/api/stats?by=nationality&from=2023-10&to=2023-10');
    const top = [...nationalities.rows].sort((a, b) => b.count - a.count)[0];
    assert.equal(top.nationality, 'VEN');
    const table = page.getByTestId('report-nationalities');
    assert.equal(await table.locator('tbody tr').count(), 10);
    assert.equal(await table.locator('tbody tr').first().getAttribute('data-iso3'), 'VEN');
    assert.deepEqual(await rowCells(table, '1'), ['1', 'Venezuela', top.count.toLocaleString('en-GB'), `${top.share_percent.toFixed(1)}%`]);
    assert.match(await page.getByTestId('report-top-nationality').innerText(), /^Venezuela was the largest nationality in October 2023/);

    // Children and adults of the month.
    const ages = await api(page, '/api/stats?by=age_group&from=2023-10&to=2023-10');
    const children = ages.rows.find((r) => r.age_group === 'child').count;
    assert.equal((await rowCells(page.getByTestId('report-age-table'), 'Children'))[1], children.toLocaleString('en-GB'));

    // The projection for the year, in one sentence with its interval and method.
    const projection = await api(page, '/api/projection?year=2023&cutoff=2023-10');
    const { point, low80, high80 } = projection.recommended;
    assert.match(
      await page.getByTestId('report-projection').innerText(),
      new RegExp(`^From the figures up to October 2023, escudo projects ${round3(point)} people for the whole of 2023 \\(80% interval: ${round3(low80)} to ${round3(high80)}\\), using .+\\.$`),
    );
    assert.equal(
      await page.getByTestId('report-source').innerText(),
      'Source: Servicio Nacional de Migración de Panamá, via IOM gdidata',
    );
    assert.match(await page.getByTestId('report-chart-summary').innerText(), /from November 2021 to October 2023/);

    // Print: the button calls the browser's print; the print stylesheet leaves out navigation and buttons.
    const print = page.getByTestId('report-print');
    assert.equal(await print.innerText(), 'Print');
    await page.evaluate(() => {
      window.printed = 0;
      window.print = () => {
        window.printed += 1;
      };
    });
    await print.click();
    assert.equal(await page.evaluate(() => window.printed), 1);
    assert.equal(await page.locator('nav.nav').isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav.nav').isVisible(), false, 'the navigation is not printed');
    assert.equal(await page.locator('header.header').isVisible(), false);
    assert.equal(await print.isVisible(), false, 'nor the Print button');
    assert.equal(await page.locator('#report-month').isVisible(), false);
    assert.equal(await page.locator('h1').isVisible(), true);
    assert.equal(await table.isVisible(), true);
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return [style.color, style.backgroundColor];
    });
    assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'black on white');
    const breakInside = await table.evaluate((element) => getComputedStyle(element).breakInside);
    assert.equal(breakInside, 'avoid');
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.locator('nav.nav').isVisible(), true);

    // The month is in the address: a reload shows the same report.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Irregular transits through the Darién — October 2023' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  it('leaves out the projection in December, and says when a month has no figure to compare with', async () => {
    const { context, page, problems } = await openReport('2023-12');
    await page.getByTestId('report-total').filter({ hasText: (await api(page, '/api/stats?by=month&from=2023-12&to=2023-12')).total.toLocaleString('en-GB') }).waitFor();
    assert.equal(await page.getByTestId('report-projection').count(), 0);

    await page.locator('#report-month').selectOption('2020-01');
    await page.getByTestId('report-submit').click();
    await page.getByRole('heading', { level: 1, name: 'Irregular transits through the Darién — January 2020' }).waitFor();
    const cells = await rowCells(page.getByTestId('report-changes'), 'December 2019 \\(month before\\)');
    assert.deepEqual(cells.slice(1), ['No monthly figure', '–']);
    assert.match(await page.getByTestId('report-age').innerText(), /do not count children apart from adults|no figures for this month/);
    assertNoProblems(problems);
    await context.close();
  });

  it('fits a laptop and an upright tablet, in English and Spanish', async () => {
    const { context, page, problems } = await openReport(MONTH, { viewport: LAPTOP });
    await screenshot(page, 'report', 'en');
    await assertFitsWidth(page, 'report (en) at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'report (en) at 768×1024');

    await page.setViewportSize(LAPTOP);
    await page.locator('button[data-language="es"]').click();
    await page.getByRole('heading', { level: 1, name: 'Tránsitos irregulares por el Darién — octubre de 2023' }).waitFor();
    const total = (await api(page, '/api/stats?by=month&from=2023-10&to=2023-10')).total;
    assert.equal(await page.getByTestId('report-total').innerText(), total.toLocaleString('es-CO'));
    assert.equal(await page.getByTestId('report-print').innerText(), 'Imprimir');
    assert.match(await page.getByTestId('report-top-nationality').innerText(), /^Venezuela fue la nacionalidad más numerosa en octubre de 2023/);
    await page.getByTestId('report-chart').locator('canvas').waitFor();
    await screenshot(page, 'report', 'es');
    await assertFitsWidth(page, 'report (es) at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'report (es) at 768×1024');
    await page.setViewportSize(LAPTOP);
    await page.locator('button[data-language="en"]').click();
    await page.getByRole('heading', { level: 1, name: 'Irregular transits through the Darién — October 2023' }).waitFor();
    assertNoProblems(problems);
    await context.close();
  });
});
