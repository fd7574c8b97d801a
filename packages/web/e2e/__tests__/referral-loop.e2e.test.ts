import type { Page } from 'playwright-core';

import { browserStack } from '../harness.js';

/**
 * The whole loop through the UI, against the real web server, gateway, subgraphs and database:
 * staff find "leksehjelp" and refer with consent; the receiving organisation's editor sees the inbox
 * count go up and accepts; staff see "Akseptert"; another organisation's editor cannot see it.
 */
// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('a referral from search to accepted, in the browser', () => {
  const web = browserStack();

  const as = web.as;

  async function inboxCount(page: Page): Promise<number> {
    await page.goto(new URL('/innboks', web.stack.webUrl).toString());
    const text = await page.getByTestId('inbox-count').locator('.badge').textContent();
    return Number(text);
  }

  it('runs the loop', async () => {
    const editor = await as('demo-editor-rodekors');
    const before = await inboxCount(editor.page);

    const staff = await as('demo-shelter-staff');
    const page = staff.page;
    await page.getByRole('heading', { name: 'Finn hjelp', level: 1 }).waitFor();
    await page.getByLabel('Søk', { exact: true }).fill('leksehjelp');
    await page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' }).click();
    await page.getByRole('heading', { name: 'Leksehjelp for 1.–7. trinn', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Henvis en beboer' }).click();

    await page.getByLabel('Egen referanse (pseudonym)').fill('OK-2026-117');
    await page.getByRole('combobox', { name: 'Aldersgruppe' }).selectOption('CHILD');
    await page.getByRole('checkbox', { name: 'arabisk' }).check();
    await page.getByLabel('Barnas alder').fill('8, 10');
    await page.getByLabel('Hva trenger beboeren?').fill('Trenger leksehjelp for to barn, helst på tirsdager.');
    await page.getByRole('button', { name: 'Velg alle' }).click();
    // The create carries an Idempotency-Key, so sending it again after a lost answer refers her once.
    const creating = page.waitForRequest((request) => request.url().endsWith('/graphql') && (request.postData() ?? '').includes('createReferral'));
    await page.getByRole('button', { name: 'Send henvisning' }).click();
    expect((await creating).headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByText('Henvisningen er sendt.').waitFor();
    await expectStatus(page, 'Sendt');
    const referralPath = new URL(page.url()).pathname;
    expect(referralPath).toMatch(/^\/henvisninger\/[0-9a-f-]{36}$/);

    expect(await inboxCount(editor.page)).toBe(before + 1);
    await editor.page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' }).first().click();
    await editor.page.getByRole('button', { name: 'Marker som mottatt' }).click();
    await expectStatus(editor.page, 'Mottatt');
    await editor.page.getByRole('button', { name: 'Aksepter' }).click();
    await expectStatus(editor.page, 'Akseptert');
    // The editor sees the consented fields.
    await editor.page.getByText('Trenger leksehjelp for to barn, helst på tirsdager.').waitFor();

    await page.reload();
    await expectStatus(page, 'Akseptert');

    const other = await as('demo-editor-reddbarna');
    await other.page.goto(new URL('/innboks', web.stack.webUrl).toString());
    await other.page.getByTestId('inbox-count').waitFor();
    expect(await other.page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' }).count()).toBe(0);
    await other.page.goto(new URL(referralPath, web.stack.webUrl).toString());
    await other.page.getByRole('heading', { name: 'Fant ikke siden' }).waitFor();

    // No request left our own origin, and nothing about the resident reached a URL or a title.
    for (const s of [editor, staff, other]) {
      const foreign = s.traffic.requests.filter((url) => !url.startsWith(web.stack.webUrl) && !url.startsWith(web.stack.issuerUrl) && !url.startsWith('data:'));
      expect(foreign).toEqual([]);
      expect(s.traffic.requests.filter((url) => url.includes('OK-2026-117') || url.includes('tirsdager'))).toEqual([]);
    }
    expect(await page.title()).not.toContain('OK-2026-117');
  });
});

async function expectStatus(page: Page, status: string): Promise<void> {
  await page.getByTestId('referral-status').filter({ hasText: status }).waitFor();
}
