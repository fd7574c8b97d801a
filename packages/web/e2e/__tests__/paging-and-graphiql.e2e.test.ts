import type { Page } from 'playwright-core';

import { browserStack } from '../harness.js';

/**
 * Lists longer than a page (search results, the audit log) go on with "Vis flere" through the API's
 * keyset cursors; the bundled GraphiQL keeps nothing in the shared PC's localStorage.
 */
// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('paging and GraphiQL, in the browser', () => {
  const web = browserStack();

  const as = web.as;

  /**
   * The list's items once there are `count` of them: a link by where it leads (two offers may share
   * a title, as the frivilligsentraler's helper offers do), anything else by its text.
   */
  async function itemsOnce(page: Page, selector: string, count: number): Promise<string[]> {
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [selector, count] as const);
    return page.locator(selector).evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? e.textContent ?? ''));
  }

  it('search results go beyond the first page with "Vis flere", without repeating one', async () => {
    const { page } = await as('demo-shelter-staff', '/sok');
    const status = page.getByRole('status').filter({ hasText: /treff/ });
    await status.waitFor();
    const total = Number(/(\d+) treff/.exec((await status.textContent()) ?? '')![1]);
    // The demo data holds more published activities than one page.
    expect(total).toBeGreaterThan(30);
    const links = 'ul.results li.result h3 a';
    // By address: the demo has activities that share a title (a frivilligsentral's helper in each bydel).
    const hrefs = () => page.locator(links).evaluateAll((nodes) => nodes.map((n) => n.getAttribute('href') ?? ''));
    await itemsOnce(page, links, 30);
    const first = await hrefs();
    await page.getByText(`Viser 30 av ${total}`).waitFor();
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await itemsOnce(page, links, Math.min(60, total));
    const both = await hrefs();
    expect(both.slice(0, 30)).toEqual(first);
    expect(new Set(both).size).toBe(both.length);
    if (total <= 60) expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);

    // A new search starts from its first page again.
    await page.getByLabel('Søk', { exact: true }).fill('leksehjelp');
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length < 30, links);
    await page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' }).waitFor();
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
  });

  it('the audit log goes beyond its first page with "Vis flere"', async () => {
    // Entries as the referrals service writes them (who, which role, what, when), more than two pages.
    const now = web.stack.stack.now();
    await web.stack.stack.webOrm.em.getConnection().execute(
      `insert into referrals.audit_log (at, actor_subject, actor_role, operation, referral_id)
         select ?::timestamptz - make_interval(secs => n), 'demo-shelter-staff', 'SHELTER_STAFF', 'READ', gen_random_uuid() from generate_series(1, 120) as n`,
      [now],
    );
    const { page } = await as('demo-admin', '/admin/logg');
    await page.getByRole('heading', { name: 'Revisjonslogg', level: 1 }).waitFor();
    const rows = 'table.data tbody tr';
    const first = await itemsOnce(page, rows, 50);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    const both = await itemsOnce(page, rows, 100);
    expect(both.slice(0, 50)).toEqual(first);
    const referralIds = await page.locator(`${rows} td:last-child`).allTextContents();
    expect(new Set(referralIds.filter(Boolean)).size).toBe(referralIds.filter(Boolean).length);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length > 100, rows);
  });

  it('GraphiQL keeps queries, variables and history out of localStorage, and clears what an older page left', async () => {
    const s = await as('demo-shelter-staff');
    // What GraphiQL kept by default before: tabs and a query with a resident's reference in its variables.
    await s.page.evaluate(() => {
      localStorage.setItem('graphiql:query', '{ referrals(first: 1) { totalCount } }');
      localStorage.setItem('graphiql:variables', '{"reference": "OK-2026-555"}');
    });
    const page = await s.context.newPage();
    await page.goto(new URL('/graphiql', web.stack.webUrl).toString());
    await page.getByText('Signed in as').waitFor();
    // The editors load their workers first; two cores shared with the whole suite: generous waits.
    await page.waitForFunction(() => (document.querySelector('.graphiql-query-editor')?.textContent ?? '').includes('{'), undefined, { timeout: 90_000 });
    await page.getByRole('button', { name: /^Execute query/ }).click();
    // An answer in the response editor, to the page's own default query (the bydeler), not the one left behind.
    await page.waitForFunction(() => (document.querySelector('.graphiql-response')?.textContent ?? '').includes('data'), undefined, { timeout: 90_000 });
    expect(await page.locator('.graphiql-response').textContent()).toContain('Grünerløkka');
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('graphiql')));
    expect(stored).toEqual([]);
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain('OK-2026-555');
  });
});
