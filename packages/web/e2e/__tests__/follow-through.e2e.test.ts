import type { Page } from 'playwright-core';

import { browserStack } from '../harness.js';

const OFFER = 'Leksehjelp for 1.–7. trinn';

/**
 * What staff and editors do after the first referral and the first offer: send a declined referral
 * on, withdraw a resident's consent, keep pet-care offers and contact persons, and save an offer that
 * someone else changed in the meantime without losing either edit.
 */
// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('following a referral and an offer through, in the browser', () => {
  const web = browserStack();

  const as = web.as;

  const go = (page: Page, path: string) => page.goto(new URL(path, web.stack.webUrl).toString());
  const status = (page: Page, text: string) => page.getByTestId('referral-status').filter({ hasText: text }).waitFor();

  /** Staff refer a resident to the homework help with every field consented; returns the referral's path. */
  async function refer(page: Page, need: string): Promise<string> {
    await go(page, '/sok');
    await page.getByLabel('Søk', { exact: true }).fill('leksehjelp');
    await page.getByRole('link', { name: OFFER }).click();
    await page.getByRole('link', { name: 'Henvis en beboer' }).click();
    await page.getByLabel('Hva trenger beboeren?').fill(need);
    await page.getByRole('button', { name: 'Velg alle' }).click();
    await page.getByRole('button', { name: 'Send henvisning' }).click();
    await page.getByText('Henvisningen er sendt.').waitFor();
    return new URL(page.url()).pathname;
  }

  it('sends a declined referral on to another activity, with its details moved to the new draft', async () => {
    const staff = await as('demo-shelter-staff');
    const path = await refer(staff.page, 'Trenger hjelp med matte, gjerne i nærheten.');

    const editor = await as('demo-editor-rodekors');
    await go(editor.page, path);
    await editor.page.getByRole('button', { name: 'Marker som mottatt' }).click();
    await status(editor.page, 'Mottatt');
    await editor.page.getByRole('button', { name: 'Avslå' }).click();
    await editor.page.getByLabel('Årsak for «Avslå»').selectOption('NO_CAPACITY');
    await editor.page.getByRole('button', { name: 'Bekreft: Avslå' }).click();
    await status(editor.page, 'Avslått');

    await staff.page.reload();
    await status(staff.page, 'Avslått');
    await staff.page.getByRole('heading', { name: 'Send videre til et annet tilbud' }).waitFor();
    await staff.page.getByLabel('Søk etter tilbud').fill('strikkekafé');
    const candidate = staff.page.getByRole('listitem').filter({ hasText: 'Strikkekafé' });
    await candidate.getByRole('button', { name: 'Send hit' }).click();

    await staff.page.getByRole('heading', { name: 'Henvisning til Strikkekafé', level: 1 }).waitFor();
    await status(staff.page, 'Utkast');
    expect(new URL(staff.page.url()).pathname).not.toBe(path);
    // The need travelled with it; the declined one keeps nothing and says where it went.
    await staff.page.getByText('Trenger hjelp med matte, gjerne i nærheten.').waitFor();
    await go(staff.page, path);
    await status(staff.page, 'Sendt videre');
    await staff.page.getByText('Personopplysningene er slettet.').waitFor();
    expect(await staff.page.getByText('Trenger hjelp med matte').count()).toBe(0);
  });

  it('withdraws consent: the referral is cancelled and the organisation no longer sees the details', async () => {
    const staff = await as('demo-shelter-staff');
    const path = await refer(staff.page, 'Ønsker leksehjelp to dager i uka.');
    const editor = await as('demo-editor-rodekors');
    await go(editor.page, path);
    await editor.page.getByText('Ønsker leksehjelp to dager i uka.').waitFor();

    staff.page.once('dialog', (dialog) => void dialog.accept());
    await staff.page.getByRole('button', { name: 'Trekk tilbake samtykket' }).click();
    await status(staff.page, 'Avbrutt');
    await staff.page.getByText('Personopplysningene er slettet.').waitFor();
    expect(await staff.page.getByRole('button', { name: 'Trekk tilbake samtykket' }).count()).toBe(0);

    await editor.page.reload();
    await status(editor.page, 'Avbrutt');
    await editor.page.getByText('Personopplysningene er slettet.').waitFor();
    expect(await editor.page.getByText('Ønsker leksehjelp to dager i uka.').count()).toBe(0);
  });

  it('an editor creates a pet-care offer, and edits it again, with species and bydeler kept', async () => {
    const { page } = await as('demo-editor-rodekors', '/mine-tilbud');
    await page.getByRole('link', { name: 'Nytt dyrepasstilbud' }).click();
    await page.getByRole('heading', { name: 'Nytt dyrepasstilbud', level: 1 }).waitFor();
    // The bydeler come with the editor's query; two cores shared with the whole suite: a generous wait.
    await page.getByRole('checkbox', { name: 'Grünerløkka' }).waitFor({ timeout: 90_000 });
    await page.getByLabel('Tittel').fill('Korttidspass for katt');
    await page.getByLabel('Beskrivelse').fill('Frivillige passer katten mens eieren bor på krisesenter.');
    await page.getByRole('combobox', { name: 'Type pass' }).selectOption('CATTERY');
    await page.getByRole('checkbox', { name: 'Katt' }).check();
    await page.getByRole('checkbox', { name: 'Grünerløkka' }).check();
    await page.getByLabel('Lengste opphold (dager)').fill('14');
    await page.getByRole('button', { name: 'Lagre' }).click();

    const item = page.locator('li.result', { has: page.getByRole('heading', { name: 'Korttidspass for katt' }) });
    await item.getByText('Utkast').waitFor();
    await item.getByRole('link', { name: 'Korttidspass for katt' }).click();
    await page.getByRole('heading', { name: 'Rediger dyrepasstilbud', level: 1 }).waitFor();
    await expectValue(page.getByLabel('Tittel'), 'Korttidspass for katt');
    expect(await page.getByRole('combobox', { name: 'Type pass' }).inputValue()).toBe('CATTERY');
    expect(await page.getByRole('checkbox', { name: 'Katt' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Hund' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Grünerløkka' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Lengste opphold (dager)').inputValue()).toBe('14');

    await page.getByRole('checkbox', { name: 'Hund' }).check();
    await page.getByLabel('Lengste opphold (dager)').fill('21');
    await page.getByRole('button', { name: 'Lagre' }).click();
    await page.getByRole('heading', { name: 'Våre tilbud', level: 1 }).waitFor();
    await item.getByRole('link', { name: 'Korttidspass for katt' }).click();
    await expectValue(page.getByLabel('Lengste opphold (dager)'), '21');
    expect(await page.getByRole('checkbox', { name: 'Hund' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Katt' }).isChecked()).toBe(true);
  });

  it('an editor changes a contact person’s title and phone, and staff see the new number on the offer', async () => {
    const { page } = await as('demo-editor-rodekors', '/kontaktpersoner');
    await page.getByRole('button', { name: 'Endre Marte Solberg' }).click();
    const item = page.locator('li.result', { hasText: 'Marte Solberg' });
    await item.getByLabel('Rolle eller tittel').fill('Koordinator for leksehjelp');
    await item.getByLabel('Telefon').fill('+4741234567');
    await item.getByRole('button', { name: 'Lagre' }).click();
    await item.getByRole('link', { name: '+4741234567' }).waitFor();
    await item.getByText('Koordinator for leksehjelp').waitFor();
    await page.reload();
    await page.locator('li.result', { hasText: 'Marte Solberg' }).getByRole('link', { name: '+4741234567' }).waitFor();
    expect(await page.getByText('+4740000105').count()).toBe(0);
  });

  it('an offer someone else saved meanwhile: reload keeps my change and takes theirs, and saving keeps both', async () => {
    const activity = 'Røde Kors-kafé – åpen møteplass';
    const mine = await as('demo-editor-rodekors', '/mine-tilbud');
    const theirs = await as('demo-editor-rodekors', '/mine-tilbud');
    for (const s of [mine, theirs]) {
      await s.page.getByRole('link', { name: activity }).click();
      await expectValue(s.page.getByLabel('Tittel'), activity);
    }

    await mine.page.getByLabel('Tittel').fill('Røde Kors-kafé – for alle');
    await theirs.page.getByLabel('Beskrivelse').fill('Kaffe, vafler og noen å snakke med, hver uke.');
    await theirs.page.getByRole('button', { name: 'Lagre' }).click();
    await theirs.page.getByRole('heading', { name: 'Våre tilbud', level: 1 }).waitFor();

    await mine.page.getByRole('button', { name: 'Lagre' }).click();
    await mine.page.getByText('Noen andre har endret dette i mellomtiden.').waitFor();
    await mine.page.getByRole('button', { name: 'Last inn på nytt' }).click();
    await expectValue(mine.page.getByLabel('Beskrivelse'), 'Kaffe, vafler og noen å snakke med, hver uke.');
    expect(await mine.page.getByLabel('Tittel').inputValue()).toBe('Røde Kors-kafé – for alle');
    expect(await mine.page.getByText('Noen andre har endret dette i mellomtiden.').count()).toBe(0);

    await mine.page.getByRole('button', { name: 'Lagre' }).click();
    await mine.page.getByRole('heading', { name: 'Våre tilbud', level: 1 }).waitFor();
    await mine.page.getByRole('link', { name: 'Røde Kors-kafé – for alle' }).click();
    await expectValue(mine.page.getByLabel('Tittel'), 'Røde Kors-kafé – for alle');
    expect(await mine.page.getByLabel('Beskrivelse').inputValue()).toBe('Kaffe, vafler og noen å snakke med, hver uke.');
  });
});

/** Waits until a field holds the value (the form fills when its query answers). */
async function expectValue(locator: ReturnType<Page['getByLabel']>, value: string): Promise<void> {
  const handle = await locator.elementHandle();
  await locator.page().waitForFunction(([el, expected]) => (el as HTMLInputElement).value === expected, [handle, value] as const);
}
