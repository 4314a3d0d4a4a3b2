// The tip line end to end in the browser: a tipster sends a tip with a photo
// from a phone-sized window (the page's own script does the proof of work), the
// tip desk opens it and answers, the tipster comes back with the receipt code,
// reads the answer and adds to the tip, and the committee sees the programme.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertFitsWidth, assertNoProblems, goTo, launchBrowser, openPage, screenshot, signIn } from './support/browser.js';
import { runEscudo, startEscudo } from './support/escudo.js';

const TIMEOUT = { timeout: 240_000 };
const PHONE = { width: 360, height: 640 };

function segment(marker, payload) {
  const length = payload.length + 2;
  return Buffer.concat([Buffer.from([0xff, marker, length >> 8, length & 0xff]), payload]);
}

/** A JPEG as a phone writes it: EXIF with the place it was taken, then the picture. */
function photoWithGps() {
  const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0*', 'latin1'), Buffer.from('GPSLatitude 8 30 0 N GPSLongitude 77 20 0 W')]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe1, exif),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 0x10)])),
    segment(0xc0, Buffer.from([8, 0, 16, 0, 16, 1, 1, 0x11, 0])),
    segment(0xc4, Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 1), Buffer.from('ABCDEFGHIJKLMNOP')])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]),
  ]);
}

describe('the tip line', TIMEOUT, () => {
  let escudo;
  let browser;
  let receipt;

  before(async () => {
    escudo = await startEscudo(['tipHandler', 'committee']);
    await runEscudo(['tips', 'init', '--db', escudo.db]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await escudo?.stop();
  });

  it('takes a tip from a phone without any account and shows the receipt once', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url, { viewport: PHONE });
    await page.goto(`${escudo.url}/tip?lang=fr`);
    assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
    assert.equal(await page.locator('h1').innerText(), 'Signaler de façon anonyme');
    await page.locator('nav.lang a[lang="en"]').click();
    await page.locator('h1', { hasText: 'Report anonymously' }).waitFor();
    await assertFitsWidth(page, 'the tip form on a phone');
    await screenshot(page, 'tip-form', 'en');

    // Sent empty, the form says what is missing, in the page's language, and links to the field.
    await page.locator('#tip-form button[type=submit]').click();
    await page.locator('.errors a[href="#text"]').waitFor();
    assert.equal(await page.locator('.errors a[href="#text"]').innerText(), 'Write what you know');

    await page.locator('#text').fill('The boat to Capurganá leaves at 3 am; the guide "El Flaco" takes everyone\'s phone.');
    await page.locator('#where').fill('Necoclí, beach behind the fish market');
    await page.locator('#attachments').setInputFiles({ name: 'IMG_2231.jpg', mimeType: 'image/jpeg', buffer: photoWithGps() });
    await page.locator('#tip-form button[type=submit]').click();
    await page.locator('#receipt').waitFor({ timeout: 120_000 });
    receipt = (await page.locator('#receipt').innerText()).trim();
    assert.match(receipt, /^\d{4}( \d{4}){4}$/);
    assert.match(await page.locator('main').innerText(), /We removed from IMG_2231\.jpg: EXIF/);
    await screenshot(page, 'tip-receipt', 'en');

    // The pages are small: HTML, script and style together under 20 kB.
    const sizes = await page.evaluate(async () => {
      const sizeOf = async (url) => (await (await fetch(url)).text()).length;
      return (await sizeOf('/tip')) + (await sizeOf('/tip/pow.js')) + (await sizeOf('/tip/tip.css'));
    });
    assert.ok(sizes < 20_000, `the public pages weigh ${sizes} bytes`);
    const cookies = await context.cookies();
    assert.deepEqual(cookies, [], 'the tip line sets no cookie');
    assertNoProblems(problems);
    await context.close();
  });

  it('lets the tip desk open the tip and answer it', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.tipHandler);
    await page.waitForFunction(() => window.location.hash === '#/tips');
    const inbox = page.getByTestId('tip-inbox');
    await inbox.locator('tbody tr').first().waitFor();
    assert.equal(await page.getByTestId('tip-total').innerText(), '1 tip');
    assert.doesNotMatch(await inbox.innerText(), /Capurgan/, 'the inbox shows no content');
    await inbox.locator('tbody a').first().click();
    await page.getByTestId('tip-text').waitFor();
    assert.match(await page.getByTestId('tip-text').innerText(), /leaves at 3 am/);
    assert.match(await page.getByTestId('tip-attachments').innerText(), /IMG_2231\.jpg.*removed: EXIF/);
    await page.locator('#tip-reply').fill('Thank you. Which day of the week does the boat leave?');
    await page.getByTestId('send-reply').click();
    await page.getByTestId('tip-messages').getByText('Which day of the week').waitFor();
    await page.locator('#tip-new-status').selectOption('triaged');
    await page.locator('#tip-tag-add').fill('capurgana');
    await page.getByTestId('save-handling').click();
    await page.getByTestId('tip-tags').getByText('capurgana').waitFor();
    // A person the tip names joins entity resolution, and the tip is linked to their entity;
    // naming them again (another spelling, the same phone) finds the same entity.
    await page.locator('#tip-person-name').fill('José Luis Mosquera Palacios');
    await page.locator('#tip-person-phone').fill('+57 300 555 0101');
    await page.getByTestId('tip-person').click();
    const linked = await page.getByText(/Linked to entity \d+\./).innerText();
    const entity = linked.match(/entity (\d+)/)[1];
    await page.getByTestId('tip-links').getByText(`Entities: ${entity}`).waitFor();
    await page.locator('#tip-person-name').fill('Jose L. Mosquera Palacios');
    await page.locator('#tip-person-phone').fill('(+57) 300-555-0101');
    await page.getByTestId('tip-person').click();
    await page.waitForFunction(() => document.querySelector('#tip-person-name').value === '');
    assert.match(await page.getByText(/Linked to entity \d+\./).innerText(), new RegExp(`entity ${entity}\\.`));
    assert.equal(await page.getByTestId('tip-links').innerText(), `Entities: ${entity} · Cases: none`);
    await screenshot(page, 'tip-desk', 'en');
    assertNoProblems(problems);
    await context.close();
  });

  it('lets the tipster come back with the receipt, read the answer and add to the tip', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url, { viewport: PHONE });
    await page.goto(`${escudo.url}/tip/status?lang=es`);
    await page.locator('#receipt').fill(receipt);
    await page.locator('#status-form button[type=submit]').click();
    await page.locator('#progress').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#progress').innerText(), 'En revisión');
    assert.match(await page.locator('main').innerText(), /Which day of the week does the boat leave\?/);
    await page.locator('#message').fill('Los martes y los viernes.');
    await page.locator('#message-form button[type=submit]').click();
    await page.getByText('Su mensaje fue enviado.').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('main').innerText(), /Los martes y los viernes\./);
    await screenshot(page, 'tip-conversation', 'es');

    // A wrong code is refused without saying whether the tip exists.
    await page.goto(`${escudo.url}/tip/status?lang=en`);
    await page.locator('#receipt').fill('1111 2222 3333 4444 5555');
    await page.locator('#status-form button[type=submit]').click();
    await page.locator('.errors').waitFor({ timeout: 60_000 });
    assert.match(await page.locator('.errors').innerText(), /does not match a report/);
    assertNoProblems(problems);
    await context.close();
  });

  it('shows the committee the programme and nobody else the tips', async () => {
    const { context, page, problems } = await openPage(browser, escudo.url);
    await signIn(page, escudo.url, escudo.users.committee);
    await page.waitForFunction(() => window.location.hash === '#/rewards');
    const tiers = page.getByTestId('reward-tiers');
    await tiers.locator('tbody tr').first().waitFor();
    const text = await tiers.innerText();
    assert.match(text, /key_leader.*\$2,000,000\.00/s);
    assert.match(text, /finances.*\$1,000,000\.00/s);
    assert.match(text, /regional_leader_death.*\$5,000,000\.00/s);
    // The tip desk is not in the committee's navigation, and its API says no.
    assert.equal(await page.locator('nav a[data-route="tips"]').count(), 0);
    const status = await page.evaluate(async () => (await fetch('/api/tips')).status);
    assert.equal(status, 403);
    await goTo(page, 'account');
    assertNoProblems(problems);
    await context.close();
  });
});
