import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { seriousViolations } from '../axe.js';
import { launchBrowser, type TestBrowser } from '../browser.js';
import { type SignedIn, signIn } from '../session.js';
import { type Stack, startStack } from '../stack.js';

/** `SAMSPILL_SCREENSHOTS=1` also writes each page to docs/screenshots/ (committed by hand, not by CI). */
const SCREENSHOTS = process.env.SAMSPILL_SCREENSHOTS === '1' ? join(__dirname, '..', '..', '..', '..', 'docs', 'screenshots') : null;

const PAGES: Array<{ subject: string; role: string; pages: Array<{ path: string; heading: string; name: string }> }> = [
  {
    subject: 'demo-shelter-staff',
    role: 'staff',
    pages: [
      { path: '/sok', heading: 'Finn hjelp', name: 'staff-search' },
      { path: '/henvisninger', heading: 'Våre henvisninger', name: 'staff-referrals' },
    ],
  },
  {
    subject: 'demo-editor-rodekors',
    role: 'editor',
    pages: [
      { path: '/innboks', heading: 'Innboks', name: 'editor-inbox' },
      { path: '/mine-tilbud', heading: 'Våre tilbud', name: 'editor-offers' },
      { path: '/mine-tilbud/aktivitet/ny', heading: 'Ny aktivitet', name: 'editor-new-activity' },
      { path: '/kontaktpersoner', heading: 'Kontaktpersoner', name: 'editor-contacts' },
    ],
  },
  {
    subject: 'demo-bydel-grunerlokka',
    role: 'integrator',
    pages: [{ path: '/statistikk', heading: 'Statistikk for bydelen', name: 'integrator-statistics' }],
  },
  {
    subject: 'demo-admin',
    role: 'admin',
    pages: [
      { path: '/admin/organisasjoner', heading: 'Organisasjoner', name: 'admin-organisations' },
      { path: '/admin/logg', heading: 'Revisjonslogg', name: 'admin-audit-log' },
    ],
  },
];

// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('every main page, for each role', () => {
  let stack: Stack;
  let chrome: TestBrowser;
  const open: SignedIn[] = [];

  beforeAll(async () => {
    stack = await startStack();
    chrome = await launchBrowser();
    if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    for (const s of open) await s.context.close();
    await chrome?.close();
    await stack?.stop();
  });

  async function check(page: Page, name: string) {
    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-phone.png`), fullPage: false });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  }

  it('the front page has no serious accessibility problem and asks to sign in', async () => {
    const context = await chrome.browser.newContext({ locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(stack.webUrl);
    await page.getByRole('link', { name: 'Logg inn' }).waitFor();
    await check(page, 'front-page');
    await context.close();
  });

  it.each(PAGES)('$role: each main page renders, passes axe and makes only same-origin requests', async ({ subject, pages }) => {
    const s = await signIn(chrome.browser, stack.webUrl, subject);
    open.push(s);
    for (const p of pages) {
      s.traffic.requests.length = 0;
      await s.page.goto(new URL(p.path, stack.webUrl).toString());
      await s.page.getByRole('heading', { name: p.heading, level: 1 }).waitFor();
      await s.page.waitForLoadState('networkidle');
      await check(s.page, p.name);
      expect(s.traffic.requests.filter((url) => !url.startsWith(stack.webUrl) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
      expect(await s.page.title()).toMatch(/ – Samspill$/);
    }
    expect(s.traffic.problems.filter((p) => !/status of 40[134]/.test(p))).toEqual([]);
  });

  it('an offer page shows where, when, how to join and a contact to call', async () => {
    const s = await signIn(chrome.browser, stack.webUrl, 'demo-shelter-staff');
    open.push(s);
    await s.page.getByLabel('Søk', { exact: true }).fill('leksehjelp');
    await s.page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' }).click();
    await s.page.getByRole('heading', { name: 'Leksehjelp for 1.–7. trinn', level: 1 }).waitFor();
    for (const heading of ['Hvor', 'Når', 'Slik blir man med', 'Kontaktperson']) await s.page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    expect(await s.page.locator('a[href^="tel:+"]').count()).toBeGreaterThan(0);
    await check(s.page, 'staff-offer');
    await s.page.getByRole('link', { name: 'Henvis en beboer' }).click();
    await s.page.getByRole('heading', { name: 'Ny henvisning', level: 1 }).waitFor();
    await check(s.page, 'staff-refer');
  });

  it('the bydel statistics: a table, and the same cells as a CSV file', async () => {
    // Statistics publish closed, final months only: the stack's clock moves on past the demo referrals' month.
    stack.stack.advanceMinutes(70 * 24 * 60);
    const s = await signIn(chrome.browser, stack.webUrl, 'demo-bydel-grunerlokka');
    open.push(s);
    await s.page.getByRole('heading', { name: 'Statistikk for bydelen', level: 1 }).waitFor();
    await s.page.getByRole('table').waitFor();
    const rows = await s.page.locator('table.data tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    await check(s.page, 'integrator-statistics');
    const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.getByRole('button', { name: 'Last ned CSV' }).click()]);
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Måned,Bydel,Kategori,Utfall,Antall');
    expect(lines).toHaveLength(rows + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2},(\d{6})?,[A-Z_]+,[A-Z_]+,(\d+|<5)$/);
    expect(download.suggestedFilename()).toMatch(/^samspill-statistikk-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  });

  it('works from the keyboard: skip link, visible focus, search and open a result', async () => {
    const s = await signIn(chrome.browser, stack.webUrl, 'demo-shelter-staff');
    open.push(s);
    const page = s.page;
    await page.reload();
    await page.getByRole('heading', { name: 'Finn hjelp', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hopp til innholdet');
    // The focused element is marked (Punkt's focus ring is a box shadow, the app's own an outline).
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
    });
    expect(ring).toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe('search-text');
    await page.keyboard.type('leksehjelp');
    const link = page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' });
    await link.waitFor();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Leksehjelp for 1.–7. trinn', level: 1 }).waitFor();
  });

  it('switches to English and remembers it; signs out', async () => {
    const s = await signIn(chrome.browser, stack.webUrl, 'demo-shelter-staff');
    open.push(s);
    await s.page.getByRole('button', { name: 'English' }).click();
    await s.page.getByRole('heading', { name: 'Find help', level: 1 }).waitFor();
    expect(await s.page.getAttribute('html', 'lang')).toBe('en');
    await s.page.reload();
    await s.page.getByRole('heading', { name: 'Find help', level: 1 }).waitFor();
    await s.page.getByRole('button', { name: 'Norsk (bokmål)' }).click();
    await s.page.getByRole('heading', { name: 'Finn hjelp', level: 1 }).waitFor();

    await s.page.getByRole('button', { name: 'Logg ut' }).click();
    await s.page.getByText('Du er logget ut.').waitFor();
    const session = await s.page.evaluate(() => fetch('/auth/session').then((r) => r.json()));
    expect(session).toEqual({ authenticated: false });
    await s.page.goto(new URL('/henvisninger', stack.webUrl).toString());
    await s.page.getByRole('heading', { name: 'Logg inn for å se denne siden' }).waitFor();
  });
});
