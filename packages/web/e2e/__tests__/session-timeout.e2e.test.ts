import { launchBrowser, type TestBrowser } from '../browser.js';
import { signIn } from '../session.js';
import { type Stack, startStack } from '../stack.js';

/** The web server ends a session after 30 idle minutes (its clock moved by the test); the app says so. */
// A browser and the whole stack share two cores with the rest of the suite: generous, not a timing target.
jest.setTimeout(180_000);

describe('signed out after inactivity', () => {
  let stack: Stack;
  let chrome: TestBrowser;

  beforeAll(async () => {
    stack = await startStack({ env: { WEB_SESSION_IDLE_MINUTES: '30' } });
    chrome = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await chrome?.close();
    await stack?.stop();
  });

  it('tells the user, drops what it showed and asks to sign in again', async () => {
    const s = await signIn(chrome.browser, stack.webUrl, 'demo-shelter-staff');
    await s.page.getByRole('link', { name: 'Våre henvisninger' }).click();
    await s.page.getByRole('heading', { name: 'Våre henvisninger', level: 1 }).waitFor();

    stack.stack.advanceMinutes(29);
    await s.page.getByRole('link', { name: 'Finn hjelp' }).click();
    await s.page.getByRole('heading', { name: 'Finn hjelp', level: 1 }).waitFor();
    await s.page.waitForLoadState('networkidle');
    expect(await s.page.getByText('Du ble logget ut etter en periode uten aktivitet.').count()).toBe(0);

    stack.stack.advanceMinutes(31);
    await s.page.getByLabel('Søk', { exact: true }).fill('turgruppe');
    await s.page.getByText('Du ble logget ut etter en periode uten aktivitet.').waitFor();
    await s.page.getByRole('heading', { name: 'Logg inn for å se denne siden' }).waitFor();
    expect(await s.page.getByRole('button', { name: 'Logg ut' }).count()).toBe(0);
    await s.context.close();
  });
});
