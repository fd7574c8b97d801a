import { startWebStack, type WebStack } from '../testing/web-stack.js';
import { TestBrowser } from './support/browser.js';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack({
    demoData: false,
    env: {
      NODE_ENV: 'production',
      AUTH_SIGNING_KEYS: 'k1=a-production-signing-secret-of-32-chars',
      IDEMPOTENCY_SECRET: 'an-idempotency-secret-of-32-characters',
      DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    },
  });
});
afterAll(() => stack?.stop());

describe('the web server in production', () => {
  it('marks its cookies Secure (and the sign-in state cookie too)', async () => {
    const browser = new TestBrowser();
    const signInPage = await browser.go(`${stack.urls.web}/auth/login`);
    await browser.submit(signInPage, { name: 'subject', value: 'demo-admin' });
    const login = browser.setCookies.find((c) => c.startsWith('samspill_login=') && !c.startsWith('samspill_login=;'))!;
    expect(login).toMatch(/^samspill_login=[\w-]+; Path=\/auth\/callback; HttpOnly; SameSite=Lax; Secure; Max-Age=600$/);
    const session = browser.setCookies.find((c) => c.startsWith('samspill_session='))!;
    expect(session).toMatch(/^samspill_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    const { authenticated, csrfToken } = JSON.parse((await browser.go(`${stack.urls.web}/auth/session`)).body);
    expect(authenticated).toBe(true);
    const signedOut = await browser.go(`${stack.urls.web}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    expect(signedOut.headers.getSetCookie()[0]).toMatch(/^samspill_session=; Path=\/; HttpOnly; SameSite=Strict; Secure; Max-Age=0/);
  });
});
