import { browserStack } from '../harness.js';

// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('editors keep their offers, admins their organisations, in the browser', () => {
  const web = browserStack();

  it('an editor creates an activity with a weekly time and an exception, publishes it, sets places and confirms it', async () => {
    const s = await web.as('demo-editor-rodekors', '/');
    const page = s.page;
    await page.getByRole('link', { name: 'Våre tilbud' }).click();
    await page.getByRole('link', { name: 'Ny aktivitet' }).click();
    await page.getByLabel('Tittel').fill('Sjakk for alle');
    await page.getByLabel('Beskrivelse').fill('Vi spiller sjakk og lærer bort åpninger.');
    await page.getByRole('combobox', { name: 'Sted' }).selectOption('ONLINE');
    await page.getByRole('button', { name: 'Legg til tidspunkt' }).click();
    await page.getByRole('combobox', { name: 'Ukedag' }).selectOption('WEDNESDAY');
    await page.getByRole('button', { name: 'Legg til unntak' }).click();
    // A date a month from the stack's own clock (never a fixed date).
    const exception = new Date(web.stack.stack.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Dato').fill(exception);
    await page.getByLabel('Merknad').fill('Juleferie');
    await page.getByRole('button', { name: 'Lagre' }).click();

    const item = page.locator('li.result', { has: page.getByRole('heading', { name: 'Sjakk for alle' }) });
    await item.getByText('Utkast').waitFor();
    await item.getByRole('button', { name: 'Publiser' }).click();
    await page.getByText('Publisert.').waitFor();
    await item.getByLabel('Ledige plasser').fill('4');
    await item.getByRole('button', { name: 'Lagre plasser' }).click();
    await page.getByText('4 ledige plasser lagret.').waitFor();
    await item.getByRole('button', { name: 'Fortsatt gyldig' }).click();
    await page.getByText('Bekreftet som gyldig.').waitFor();

    // The schedule came back as it was saved, exception included.
    await item.getByRole('link', { name: 'Sjakk for alle' }).click();
    await page.getByRole('heading', { name: 'Rediger aktivitet' }).waitFor();
    await page.getByLabel('Merknad').waitFor();
    expect(await page.getByRole('combobox', { name: 'Ukedag' }).inputValue()).toBe('WEDNESDAY');
    expect(await page.getByLabel('Merknad').inputValue()).toBe('Juleferie');
  });

  it('an admin registers an organisation; a wrong organisation number is shown on its field', async () => {
    const s = await web.as('demo-admin', '/');
    const page = s.page;
    await page.getByRole('heading', { name: 'Organisasjoner', level: 1 }).waitFor();
    await page.locator('#org-name').fill('Sjakklubben Oslo');
    await page.locator('#org-number').fill('123456789');
    await page.getByRole('button', { name: 'Registrer organisasjon' }).click();
    await page.locator('#org-number-error').waitFor();
    expect(await page.locator('#org-number').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#org-number').fill('');
    await page.getByRole('button', { name: 'Registrer organisasjon' }).click();
    await page.getByText('Sjakklubben Oslo er registrert.').waitFor();
  });
});
