import type { Page } from 'playwright-core';

import { browserStack } from '../harness.js';

const OFFER = 'Leksehjelp for 1.–7. trinn';

// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('the referral form and a referral’s actions, in the browser', () => {
  const web = browserStack();

  const as = web.as;

  /** GraphQL requests by operation name, read from the bodies the page sent. */
  function operations(page: Page): string[] {
    const names: string[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/graphql')) return;
      const body = request.postDataJSON() as { operationName?: string; query?: string } | null;
      names.push(body?.operationName ?? /(?:query|mutation)\s+(\w+)/.exec(body?.query ?? '')?.[1] ?? '?');
    });
    return names;
  }

  async function openReferForm(page: Page) {
    await page.getByLabel('Søk', { exact: true }).fill('leksehjelp');
    await page.getByRole('link', { name: OFFER }).click();
    await page.getByRole('link', { name: 'Henvis en beboer' }).click();
    await page.getByRole('heading', { name: 'Ny henvisning', level: 1 }).waitFor();
  }

  it('sends one search per pause in typing', async () => {
    const s = await as('demo-shelter-staff');
    await s.page.getByRole('heading', { name: 'Finn hjelp', level: 1 }).waitFor();
    await s.page.waitForLoadState('networkidle');
    const sent = operations(s.page);
    await s.page.getByLabel('Søk', { exact: true }).pressSequentially('leksehjelp', { delay: 40 });
    await s.page.getByRole('link', { name: OFFER }).waitFor();
    await s.page.waitForLoadState('networkidle');
    expect(sent.filter((name) => name === 'SearchActivities')).toHaveLength(1);
  });

  it('warns while the need description holds a phone number, and shows the server’s refusal on the field', async () => {
    const s = await as('demo-shelter-staff');
    await openReferForm(s.page);
    const need = s.page.getByLabel('Hva trenger beboeren?');
    await need.fill('Trenger leksehjelp. Ring mamma på 912 34 567');
    await s.page.getByText('Teksten ser ut til å inneholde et telefonnummer').waitFor();
    await s.page.getByRole('button', { name: 'Velg alle' }).click();
    await s.page.getByRole('button', { name: 'Send henvisning' }).click();
    await s.page.locator('#ref-need-error').getByText('ble avvist').waitFor();
    expect(await need.getAttribute('aria-invalid')).toBe('true');
    expect(await s.page.locator('[role="alert"]').first().textContent()).toContain('ble avvist');
    // Nothing was lost: the text is still there to correct, and correcting it lifts the warning.
    expect(await need.inputValue()).toContain('Trenger leksehjelp.');
    await need.fill('Trenger leksehjelp for to barn.');
    expect(await s.page.getByText('Teksten ser ut til å inneholde').count()).toBe(0);
  });

  it('tells of a stale version, reloads and keeps the chosen reason', async () => {
    const staff = await as('demo-shelter-staff');
    await openReferForm(staff.page);
    await staff.page.getByLabel('Hva trenger beboeren?').fill('Leksehjelp i matte.');
    await staff.page.getByRole('button', { name: 'Velg alle' }).click();
    await staff.page.getByRole('button', { name: 'Send henvisning' }).click();
    await staff.page.getByText('Henvisningen er sendt.').waitFor();
    const referralUrl = staff.page.url();

    // Staff pick "cancel" with a reason; meanwhile the editor receives it.
    await staff.page.getByRole('button', { name: 'Avbryt henvisningen' }).click();
    await staff.page.getByLabel('Årsak for «Avbryt henvisningen»').selectOption('NO_LONGER_INTERESTED');
    const editor = await as('demo-editor-rodekors');
    await editor.page.goto(referralUrl);
    await editor.page.getByRole('button', { name: 'Marker som mottatt' }).click();
    await editor.page.getByTestId('referral-status').filter({ hasText: 'Mottatt' }).waitFor();

    await staff.page.getByRole('button', { name: 'Bekreft: Avbryt henvisningen' }).click();
    await staff.page.getByText('Noen andre har endret dette i mellomtiden.').waitFor();
    expect(await staff.page.getByTestId('referral-status').textContent()).toBe('Sendt');
    await staff.page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await staff.page.getByTestId('referral-status').filter({ hasText: 'Mottatt' }).waitFor();
    expect(await staff.page.getByLabel('Årsak for «Avbryt henvisningen»').inputValue()).toBe('NO_LONGER_INTERESTED');
    await staff.page.getByRole('button', { name: 'Bekreft: Avbryt henvisningen' }).click();
    await staff.page.getByTestId('referral-status').filter({ hasText: 'Avbrutt' }).waitFor();
  });

  it('keeps nothing about the resident in the browser', async () => {
    const s = await as('demo-shelter-staff');
    await openReferForm(s.page);
    await s.page.getByLabel('Egen referanse (pseudonym)').fill('OK-2026-999');
    await s.page.getByLabel('Hva trenger beboeren?').fill('Trenger hjelp med svømming.');
    const stored = await s.page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    expect(stored).not.toContain('OK-2026-999');
    expect(stored).not.toContain('svømming');
    expect(s.page.url()).not.toContain('OK-2026-999');
    // A new tab (a closed one reopened) starts with an empty form.
    const again = await s.context.newPage();
    await again.goto(s.page.url());
    await again.getByRole('heading', { name: 'Ny henvisning', level: 1 }).waitFor();
    expect(await again.getByLabel('Egen referanse (pseudonym)').inputValue()).toBe('');
    await again.close();
  });
});
