import type { Page } from 'playwright-core';

import { seriousViolations } from '../axe.js';
import { browserStack } from '../harness.js';

/** YYYY-MM-DD in Oslo, `days` after the stack's clock (the dates the API checks against). */
function osloDate(now: Date, days = 0): string {
  const at = new Date(now.getTime() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** How the app writes a date in bokmål (Oslo time, medium style). */
function shown(isoDate: string): string {
  return new Intl.DateTimeFormat('nb-NO', { dateStyle: 'medium', timeZone: 'Europe/Oslo' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/**
 * After the shelter, in the browser: an organisation runs a Ressursvenn follow-up (match, plan and
 * record check-ins), the sending shelter sees its stage and next check-in and nothing of the
 * volunteer; the editor's inbox count, offer freshness, help after moving, pet care for the public
 * and the calendar link.
 */
// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('after the shelter, in the browser', () => {
  const web = browserStack();
  const go = (page: Page, path: string) => page.goto(web.url(path));

  it('an editor matches a volunteer and records a check-in; the shelter sees the stage and next check-in, not the volunteer', async () => {
    const today = osloDate(web.stack.stack.now());
    const later = osloDate(web.stack.stack.now(), 14);
    const editor = await web.as('demo-editor-sanitet', '/oppfolging');
    const { page } = editor;
    await page.getByRole('link', { name: 'Oppfølging' }).click();
    await page.getByRole('heading', { name: 'Oppfølging', level: 1 }).waitFor();
    // The demo's renewal due (consent ending before the year does) is flagged in the list.
    await page.getByTestId('follow-up-row').filter({ hasText: 'Forny samtykke' }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const waiting = page.getByTestId('follow-up-row').filter({ hasText: 'Venter på frivillig' });
    expect(await waiting.count()).toBe(1);
    const referralPath = await waiting.getByRole('link', { name: 'OK-2026-150' }).getAttribute('href');
    expect(referralPath).toMatch(/^\/henvisninger\/.+/);
    await waiting.getByRole('link', { name: /^Startet / }).click();
    await page.getByRole('heading', { name: /^Oppfølging startet/, level: 1 }).waitFor();

    // The Ressursvenn offer requires the course and a woman volunteer: no match before both are confirmed.
    await page.getByLabel('Den frivilliges referanse').fill('RV-2026-201');
    const match = page.getByRole('button', { name: 'Match', exact: true });
    expect(await match.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Den frivillige har fullført kurset tilbudet krever' }).check();
    expect(await match.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Den frivillige er kvinne, slik tilbudet krever' }).check();
    await match.click();
    await page.getByTestId('follow-up-stage').filter({ hasText: 'Matchet' }).waitFor();
    await page.getByText('RV-2026-201').waitFor();

    await page.getByLabel('Planlegg samtale den').fill(today);
    await page.getByRole('button', { name: 'Planlegg samtale' }).click();
    await page.getByTestId('check-ins').getByText('planlagt').waitFor();
    await page.getByRole('button', { name: 'Registrer', exact: true }).click();
    await page.getByTestId('check-ins').getByText('Gjennomført').waitFor();
    await page.getByLabel('Planlegg samtale den').fill(later);
    await page.getByRole('button', { name: 'Planlegg samtale' }).click();
    await page
      .getByTestId('follow-up-next')
      .filter({ hasText: shown(later) })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const staff = await web.as('demo-shelter-staff', referralPath!);
    await staff.page.getByTestId('referral-follow-up-stage').filter({ hasText: 'Matchet' }).waitFor();
    expect(await staff.page.getByTestId('referral-follow-up-next').textContent()).toBe(shown(later));
    const text = (await staff.page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('RV-2026-201');
    expect(text).not.toContain('Gjennomført');
    expect(await staff.page.getByRole('link', { name: 'Åpne oppfølgingen' }).count()).toBe(0);
    expect(editor.traffic.problems).toEqual([]);
    expect(staff.traffic.problems).toEqual([]);
  });

  it('a stale version is reported, and what was typed stays for the retry', async () => {
    const first = await web.as('demo-editor-sanitet', '/oppfolging');
    const row = first.page.getByTestId('follow-up-row').filter({ hasText: 'Matchet' }).first();
    await row.getByRole('link', { name: /^Startet / }).click();
    await first.page.getByRole('heading', { name: /^Oppfølging startet/, level: 1 }).waitFor();
    const path = new URL(first.page.url()).pathname;
    const second = await web.as('demo-editor-sanitet', path);
    const later = osloDate(web.stack.stack.now(), 20);
    await second.page.getByLabel('Planlegg samtale den').fill(later);
    await second.page.getByRole('button', { name: 'Planlegg samtale' }).click();
    await second.page.getByTestId('follow-up-next').waitFor();
    await second.page.getByTestId('check-ins').getByText(shown(later)).waitFor();

    await first.page.getByLabel('Notater').fill('Hun ønsker å avslutte.');
    await first.page.getByLabel('Årsak').selectOption('ENDED_BY_WOMAN');
    await first.page.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await first.page.getByText('Noen andre har endret oppfølgingen i mellomtiden.').waitFor();
    expect(await first.page.getByLabel('Notater').inputValue()).toBe('Hun ønsker å avslutte.');
    await first.page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await first.page.getByTestId('check-ins').getByText(shown(later)).waitFor();
    await first.page.getByRole('button', { name: 'Avslutt', exact: true }).click();
    await first.page.getByTestId('follow-up-stage').filter({ hasText: 'Avsluttet' }).waitFor();
  });

  it("shows the editor's waiting referrals next to the inbox, and flags offers due for confirmation", async () => {
    const { page } = await web.as('demo-editor-rodekors', '/mine-tilbud');
    const count = page.getByTestId('nav-inbox-count');
    await count.waitFor();
    expect(Number(await count.textContent())).toBeGreaterThan(0);
    await page.getByRole('heading', { name: 'Våre tilbud', level: 1 }).waitFor();
    await page.locator('li.result').first().waitFor();
    const states = await page.locator('[data-verification]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-verification')));
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => s === 'FRESH' || s === 'DUE' || s === 'STALE')).toBe(true);
  });

  it('shelter staff find help after moving to a bydel in one step', async () => {
    const { page } = await web.as('demo-shelter-staff', '/sok');
    await page.getByRole('link', { name: 'Hjelp etter flytting' }).click();
    await page.getByRole('heading', { name: 'Hjelp etter flytting', level: 1 }).waitFor();
    await page.getByLabel('Bydel').selectOption({ label: 'Grünerløkka' });
    await page.getByRole('heading', { name: 'Hjelp etter flytting til Grünerløkka' }).waitFor();
    await page.getByTestId('helper-offers').getByRole('link', { name: 'Hjelp etter krisesenteret – frivillig hjelper' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('anyone sees whether pet care is available per species and to ask shelter staff, with no provider', async () => {
    const context = await web.browser.newContext({ locale: 'nb-NO' });
    try {
      const page = await context.newPage();
      await go(page, '/');
      await page.getByRole('link', { name: 'Har du dyr? Slik får du hjelp til dyrepass' }).click();
      const list = page.getByTestId('pet-care-availability');
      await list.getByRole('heading', { name: 'Hund' }).waitFor();
      await page.getByText('Spør de ansatte på krisesenteret.', { exact: false }).first().waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      for (const provider of ['Dyrebeskyttelsen', 'Røde Kors', 'Sanitetsforening']) expect(text).not.toContain(provider);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an activity links to its iCalendar file through the web server, as the signed-in user', async () => {
    const { page } = await web.as('demo-shelter-staff', '/sok');
    await page.getByLabel('Søk', { exact: true }).fill('leksehjelp');
    await page.getByRole('link', { name: 'Leksehjelp for 1.–7. trinn' }).click();
    const link = page.getByRole('link', { name: 'Legg til i kalender' });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/calendar\/activities\/.+\.ics$/);
    const response = await page.request.get(web.url(href!));
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await response.text()).toContain('BEGIN:VCALENDAR');

    // A network-only offer's file: the session's bearer goes with it; without a session there is none.
    await go(page, '/sok');
    await page.getByLabel('Søk', { exact: true }).fill('ressursvenn en frivillig venn');
    await page.getByRole('link', { name: 'Ressursvenn – en frivillig venn i ett år' }).first().click();
    const networkOnly = await page.getByRole('link', { name: 'Legg til i kalender' }).getAttribute('href');
    const signedIn = await page.request.get(web.url(networkOnly!));
    expect(signedIn.status()).toBe(200);
    expect(await signedIn.text()).toContain('Ressursvenn');
    expect(signedIn.headers()['cache-control']).toBe('private, no-store');
    const anonymous = await web.browser.newContext();
    try {
      const refused = await anonymous.request.get(web.url(networkOnly!));
      expect(refused.status()).not.toBe(200);
      // The HSDS export is on the app's origin too.
      const hsds = await anonymous.request.get(web.url('/hsds/'));
      expect(hsds.status()).toBe(200);
      expect(hsds.headers()['content-type']).toMatch(/json/);
    } finally {
      await anonymous.close();
    }
  });

  it('a signed-in user makes a personal calendar feed, shown once, that a calendar app reads until it is revoked', async () => {
    const { page } = await web.as('demo-shelter-staff', '/sok');
    await page.getByRole('link', { name: 'Kalender' }).click();
    await page.getByRole('heading', { name: 'Kalender', level: 1 }).waitFor();
    await page.getByLabel('Navn på abonnementet').fill('Aktiviteter for beboerne');
    await page.getByRole('button', { name: 'Lag abonnement' }).click();
    const url = (await page.getByTestId('calendar-feed-url').locator('code').textContent())!;
    expect(url.startsWith(`${new URL(web.stack.webUrl).origin}/calendar/feeds/`)).toBe(true);
    await page.getByTestId('calendar-feed').filter({ hasText: 'Aktiviteter for beboerne' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // A calendar app has no session: the secret path is what it brings.
    const app = await web.browser.newContext();
    try {
      const feed = await app.request.get(url);
      expect(feed.status()).toBe(200);
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('calendar-feed').filter({ hasText: 'Aktiviteter for beboerne' }).getByRole('button', { name: 'Trekk tilbake' }).click();
      await page.getByTestId('calendar-feed').filter({ hasText: 'trukket tilbake' }).waitFor();
      expect((await app.request.get(url)).status()).toBe(410);
    } finally {
      await app.close();
    }
  });
});
