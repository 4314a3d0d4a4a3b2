// The Corridor page against the official tables: the same months a year
// apart, nationalities, children, the year-end projection with its error, and
// the offline route map; in both languages, without horizontal scrolling and
// within the Content-Security-Policy.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
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

describe('corridor', TIMEOUT, () => {
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

  /** A signed-in page on the Corridor page, its first figures shown. */
  async function openCorridor(options) {
    const opened = await openPage(browser, escudo.url, options);
    await signIn(opened.page, escudo.url, escudo.users.analyst);
    await goTo(opened.page, 'corridor');
    await opened.page.getByTestId('comparison-sentence').waitFor();
    return opened;
  }

  it('comes second in the navigation, after Overview', async () => {
    const { context, page, problems } = await openCorridor();
    assert.deepEqual((await navRoutes(page)).slice(0, 2), ['overview', 'corridor']);
    assert.equal(await page.locator('h1').innerText(), 'Corridor');
    assertNoProblems(problems);
    await context.close();
  });

  it('compares months with the same months a year earlier, in a sentence to quote', async () => {
    const { context, page, problems } = await openCorridor();
    const sentence = page.getByTestId('comparison-sentence');

    // By default: January to the last month with figures, of the latest year.
    const last = await page.locator('#compare-to option').last().getAttribute('value');
    assert.equal(await page.locator('#compare-to').inputValue(), last);
    assert.equal(await page.locator('#compare-from').inputValue(), `${last.slice(0, 4)}-01`);

    await page.locator('#compare-from').selectOption('2023-01');
    await page.locator('#compare-to').selectOption('2023-05');
    await page.getByTestId('compare-submit').click();
    await sentence.filter({ hasText: '166,649' }).waitFor();
    assert.equal(
      await sentence.innerText(),
      'January – May 2023: 166,649 people — ×4.9 the same months of 2022 (33,819), up 393%.',
    );

    // More than a year, or the wrong way round, is refused before asking the server.
    await page.locator('#compare-from').selectOption('2022-01');
    await page.locator('#compare-to').selectOption('2023-05');
    await page.getByTestId('compare-submit').click();
    const summary = page.getByTestId('error-summary');
    await summary.getByText('Choose a period of 12 months or less').waitFor();
    await page.locator('#compare-from').selectOption('2023-06');
    await page.locator('#compare-to').selectOption('2023-05');
    await page.getByTestId('compare-submit').click();
    await summary.getByText('The last month must be the same as the first month or after it').waitFor();
    assert.equal(await page.locator('#compare-to').getAttribute('aria-invalid'), 'true');
    assert.match(await sentence.innerText(), /^January – May 2023: 166,649/, 'the last good answer stays');
    assertNoProblems(problems);
    await context.close();
  });

  it('ranks the nationalities of 2023 with Venezuela first', async () => {
    const { context, page, problems } = await openCorridor();
    const section = page.getByTestId('nationalities');
    await section.locator('button[data-year="2023"]').click();
    await page.getByTestId('nationality-summary').filter({ hasText: 'January – December 2023' }).waitFor();
    assert.equal(await section.locator('button[data-year="2023"]').getAttribute('aria-pressed'), 'true');
    assert.match(await page.getByTestId('nationality-summary').innerText(), /520,085 people/);

    const table = page.getByTestId('corridor-nationality-table');
    assert.deepEqual(await rowCells(table, '1'), ['1', 'Venezuela', 'VEN', '328,650', '63.2%']);
    const bars = page.getByTestId('nationality-bars').locator('li');
    assert.equal(await bars.count(), 10);
    assert.equal(await bars.first().getAttribute('data-key'), 'VEN');
    assert.match(await bars.first().innerText(), /Venezuela\s+328,650 \(63\.2%\)/);
    // The longest bar is Venezuela's, drawn by attribute.
    const widths = await bars.locator('rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))));
    assert.equal(widths[0], 100);
    assert.ok(widths.every((w, i) => i === 0 || w <= widths[i - 1]), `bars in order: ${widths}`);

    // The table sorts and downloads like every other.
    await table.locator('button[data-column="iso3"]').click();
    assert.equal(await table.locator('tbody tr').first().locator('code').innerText(), 'AFG');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: /Download as CSV/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'darien-transits-by-nationality-2023-01-to-2023-12.csv');
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    assert.ok(csv.split(/\r\n/).includes('1,Venezuela,VEN,328650,63.19'));
    assertNoProblems(problems);
    await context.close();
  });

  it('counts the children, and says the table does not separate them before 2023', async () => {
    const { context, page, problems } = await openCorridor();
    const byYear = page.getByTestId('children-by-year');
    assert.deepEqual((await rowCells(byYear, '2023')).slice(0, 2), ['2023', '113,180']);
    assert.equal((await rowCells(byYear, '2023'))[5], '21.8%');
    // 2022: everyone in "not separated", no children figure.
    assert.deepEqual(await rowCells(byYear, '2022'), ['2022', '–', '–', '248,284', '248,284', '–']);
    assert.match(await page.getByTestId('children-note').innerText(), /only from January 2023/);
    assert.match(await page.getByTestId('children-summary').innerText(), /^In 2024, 64,760 children crossed the Darién: 21\.4%/);
    await page.getByTestId('children-share-chart').locator('canvas').waitFor();
    await page.getByTestId('children-count-chart').locator('canvas').waitFor();
    assertNoProblems(problems);
    await context.close();
  });

  it('projects 2023 from May, with the real total and the naive baselines', async () => {
    const { context, page, problems } = await openCorridor();
    await page.locator('#projection-year').selectOption('2023');
    await page.locator('#projection-cutoff').selectOption('2023-05');
    await page.getByTestId('projection-submit').click();
    const actual = page.getByTestId('projection-actual');
    await actual.filter({ hasText: '520,085' }).waitFor();

    const answer = await page.evaluate(() => fetch('/api/projection?year=2023&cutoff=2023-05').then((r) => r.json()));
    const round3 = (v) => {
      const magnitude = 10 ** (Math.floor(Math.log10(v)) - 2);
      return (Math.round(v / magnitude) * magnitude).toLocaleString('en-GB');
    };
    const { point, low80, high80 } = answer.recommended;
    const sentence = await page.getByTestId('projection-sentence').innerText();
    assert.equal(
      sentence.replace(/using [^,]+,/, 'using METHOD,'),
      `By May 2023, 166,649 people had crossed. escudo projects ${round3(point)} for the year ` +
        `(80% interval: ${round3(low80)}–${round3(high80)}), using METHOD, chosen by back-test.`,
    );
    const error = (Math.abs(point - 520085) / 520085) * 100;
    assert.match(await actual.innerText(), new RegExp(`^The year 2023 closed at 520,085 people: this projection was ${error.toFixed(1)}% too (low|high)\\.$`));

    assert.equal(
      await page.getByTestId('baseline-year_to_date_scaled').innerText(),
      'Year to date × 12/5: 399,958 (23.1% too low)',
    );
    assert.equal(await page.getByTestId('baseline-last_year_total').innerText(), 'Last year’s total: 248,284 (52.3% too low)');

    // Every method the server computed, the recommended one marked.
    const methods = page.getByTestId('projection-methods');
    assert.equal(await methods.locator('tbody tr').count(), answer.methods.length);
    const recommendedRow = methods.locator('tbody tr.table__row--highlight');
    assert.equal(await recommendedRow.count(), 1);
    assert.match(await recommendedRow.innerText(), /Recommended/);

    // The back-test: a row per method, a column per cut-off month, this one's column and the chosen method marked.
    const backtest = page.getByTestId('backtest-table');
    const methodsTested = new Set(answer.backtest.map((b) => b.method));
    assert.equal(await backtest.locator('tbody tr').count(), methodsTested.size);
    assert.equal(await backtest.locator('thead th.table__col--highlight').innerText().then((s) => s.trim().replace(/\W+$/, '')), 'May');
    const chosen = backtest.locator('tbody tr.table__row--highlight');
    assert.equal(await chosen.count(), 1);
    const mayError = answer.backtest.find((b) => b.method === answer.recommended.method && b.cutoff_month === 5).mape;
    assert.equal(await chosen.locator('td.table__col--highlight').innerText(), `${Math.round(mayError)}%`);

    // The fan chart and what it says in words.
    await page.getByTestId('fan-chart').locator('canvas').waitFor();
    assert.match(await page.getByTestId('fan-summary').innerText(), /166,649 by the end of May 2023.*520,085 by December/s);
    assertNoProblems(problems);
    await context.close();
  });

  it('draws the route map offline, with its places, legend and sources', async () => {
    const { context, page, problems } = await openCorridor();
    const map = page.getByTestId('route-map');
    await map.locator('[data-label="Necoclí"]').waitFor();
    for (const country of ['PAN', 'COL']) {
      const d = await map.locator(`path[data-country="${country}"]`).getAttribute('d');
      assert.ok(d && d.length > 200, `${country} has an outline`);
    }
    const labels = await map.locator('text[data-label]').evaluateAll((texts) => texts.map((t) => t.textContent));
    for (const name of ['Bajo Chiquito', 'Lajas Blancas ERM', 'San Vicente ERM', 'Necoclí']) {
      assert.ok(labels.includes(name), `${name} is labelled on the map`);
    }
    // No label covers another.
    const boxes = await map.locator('text[data-label]').evaluateAll((texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { name: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    for (const a of boxes) {
      for (const b of boxes) {
        if (a === b) continue;
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y + 1 || b.y + b.h <= a.y + 1;
        assert.ok(apart, `labels ${a.name} and ${b.name} overlap`);
      }
    }
    // Every label lies inside the map.
    const svg = await map.locator('svg').boundingBox();
    for (const box of boxes) {
      assert.ok(box.x >= svg.x && box.x + box.w <= svg.x + svg.width + 0.5, `${box.name} is inside the map`);
    }
    assert.equal(
      await page.getByTestId('map-source').innerText(),
      'Map data: Natural Earth; GeoNames (CC BY 4.0); IOM Missing Migrants Project (CC BY 4.0).',
    );
    const legend = await page.locator('.map-legend li').allInnerTexts();
    assert.deepEqual(legend, ['Departure port', 'Landing or border entry', 'Community or town', 'Migrant reception station (ERM)']);
    const places = page.getByTestId('route-places');
    assert.equal(await places.locator('tbody tr').count(), labels.length);
    // Its source text holds an unquoted comma ("ERM San Vicente, Metetí"): read around it.
    assert.deepEqual(await rowCells(places, 'San Vicente ERM'), [
      'San Vicente ERM',
      'Migrant reception station (ERM)',
      'Panama',
      'Darién',
      '8.500',
      '-77.966',
      'Approximate',
    ]);
    assert.deepEqual((await rowCells(places, 'Necoclí')).slice(0, 2), ['Necoclí', 'Departure port']);
    assert.deepEqual((await rowCells(places, 'Lajas Blancas')).slice(0, 2), ['Lajas Blancas', 'Community or town']);
    assert.deepEqual((await rowCells(places, 'Acandí')).slice(0, 2), ['Acandí', 'Landing or border entry']);
    // The SVG is styled from the stylesheet only: no style attributes for the CSP to refuse.
    assert.equal(await map.locator('[style]').count(), 0);
    assertNoProblems(problems);
    await context.close();
  });

  it('fits a laptop and an upright tablet, in English and Spanish', async () => {
    const { context, page, problems } = await openCorridor({ viewport: LAPTOP });
    const ready = async () => {
      await page.getByTestId('projection-sentence').waitFor();
      await page.getByTestId('children-share-chart').locator('canvas').waitFor();
      await page.locator('[data-label="Necoclí"]').waitFor();
    };
    await page.locator('#compare-from').selectOption('2023-01');
    await page.locator('#compare-to').selectOption('2023-05');
    await page.getByTestId('compare-submit').click();
    await page.getByTestId('comparison-sentence').filter({ hasText: '166,649' }).waitFor();
    await ready();
    await screenshot(page, 'corridor', 'en');
    await assertFitsWidth(page, 'corridor (en) at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'corridor (en) at 768×1024');

    await page.setViewportSize(LAPTOP);
    await page.locator('button[data-language="es"]').click();
    await page.getByRole('heading', { level: 1, name: 'Corredor' }).waitFor();
    assert.equal(
      await page.getByTestId('comparison-sentence').innerText(),
      'Enero a mayo de 2023: 166.649 personas — 4,9 veces la cifra de los mismos meses de 2022 (33.819), un aumento del 393%.',
    );
    assert.match(await page.getByTestId('map-source').innerText(), /^Datos del mapa: Natural Earth; GeoNames \(CC BY 4\.0\)/);
    await ready();
    await screenshot(page, 'corridor', 'es');
    await assertFitsWidth(page, 'corridor (es) at 1366×768');
    await page.setViewportSize(TABLET);
    await assertFitsWidth(page, 'corridor (es) at 768×1024');
    assertNoProblems(problems);
    await context.close();
  });
});
