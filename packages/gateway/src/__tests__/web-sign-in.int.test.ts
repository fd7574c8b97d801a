import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { issueToken } from '@samspill/core';
import { CONTENT_SECURITY_POLICY, GRAPHIQL_CONTENT_SECURITY_POLICY, hashSessionId, Sealer, type SessionTokens } from '@samspill/web-server';

import { startWebStack, type WebStack } from '../testing/web-stack.js';
import { type Page, TestBrowser } from './support/browser.js';

const REFERRALS = '{ referrals(first: 5) { totalCount } }';

let stack: WebStack;
let staticDir: string;

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(os.tmpdir(), 'samspill-web-static-'));
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Samspill</title><script type="module" src="/assets/app-abc123.js"></script>');
  await writeFile(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log("app")');
  await writeFile(path.join(staticDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  stack = await startWebStack({ staticDir });
});
afterAll(() => stack?.stop());

/** Signs in through the development issuer's page, as a person would: open the app's login, pick a demo user. */
async function signIn(browser: TestBrowser, subject: string, returnTo = '/'): Promise<Page> {
  const signInPage = await browser.go(`${stack.urls.web}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
  expect(signInPage.url).toMatch(new RegExp(`^${stack.urls.issuer}/interaction/`));
  return browser.submit(signInPage, { name: 'subject', value: subject });
}

async function sessionOf(browser: TestBrowser): Promise<any> {
  const page = await browser.go(`${stack.urls.web}/auth/session`);
  expect(page.headers.get('cache-control')).toBe('no-store');
  return JSON.parse(page.body);
}

async function graphql(browser: TestBrowser, query: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const page = await browser.go(`${stack.urls.web}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: page.status, body: JSON.parse(page.body), headers: page.headers };
}

describe('signing in to the web app (OIDC code flow with PKCE against the development issuer)', () => {
  it('lists every demo user on the issuer sign-in page', async () => {
    const page = await new TestBrowser().go(`${stack.urls.web}/auth/login`);
    expect(page.status).toBe(200);
    for (const user of stack.users) {
      expect(page.body).toContain(`value="${user.subject}"`);
      expect(page.body).toContain(user.role);
    }
    const authorize = new URL(page.chain[1]!.url);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('prompt')).toBe('login');
  });

  it('ends at the page asked for with a session cookie no script can read, and the session names the user', async () => {
    const browser = new TestBrowser();
    const landed = await signIn(browser, 'demo-shelter-staff', '/sok?q=lekser');
    expect(landed.url).toBe(`${stack.urls.web}/sok?q=lekser`);
    const cookie = browser.setCookies.find((c) => c.startsWith('samspill_session='))!;
    expect(cookie).toMatch(/^samspill_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const session = await sessionOf(browser);
    const staff = stack.users.find((u) => u.subject === 'demo-shelter-staff')!;
    expect(session).toEqual({
      authenticated: true,
      user: { subject: 'demo-shelter-staff', name: staff.label, role: 'SHELTER_STAFF', organisationId: staff.organisationId, bydelCode: null },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
      idleTimeoutSeconds: 1800,
      expiresAt: expect.any(String),
    });
    const idleEnd = stack.now().getTime() + 30 * 60_000;
    expect(Math.abs(Date.parse(session.expiresAt) - idleEnd)).toBeLessThan(60_000);
  });

  it('stores only a hash of the session id, and the tokens sealed', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-admin');
    const id = browser.cookie('127.0.0.1', 'samspill_session')!.value;
    const rows = await stack.webOrm.em.getConnection().execute(`select id_hash, sealed_tokens from web.session`);
    expect(rows.some((row: any) => row.id_hash === id)).toBe(false);
    expect(rows.some((row: any) => /eyJ/.test(row.sealed_tokens))).toBe(false);
  });

  it('goes back only to a path of its own origin after sign-in', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/auth/logout']) {
      const landed = await signIn(new TestBrowser(), 'demo-admin', returnTo);
      expect(landed.url).toBe(`${stack.urls.web}/`);
    }
  });

  it('refuses a callback whose state does not match the sign-in it started', async () => {
    const browser = new TestBrowser();
    await browser.go(`${stack.urls.web}/auth/login`);
    const page = await browser.go(`${stack.urls.web}/auth/callback?code=forged&state=forged`);
    expect(page.status).toBe(400);
    expect(browser.cookie('127.0.0.1', 'samspill_session')).toBeUndefined();
  });
});

describe('/graphql through the web server (backend-for-frontend)', () => {
  it('attaches the signed-in user token once the CSRF header is right, and forwards anonymous callers as anonymous', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const signedIn = await graphql(browser, REFERRALS, { 'x-csrf-token': csrfToken });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.errors).toBeUndefined();
    expect(signedIn.body.data.referrals.totalCount).toBeGreaterThan(0);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');

    const anonymous = await graphql(new TestBrowser(), REFERRALS);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bydeler = await graphql(new TestBrowser(), '{ bydeler(includeStatistical: false) { code } }');
    expect(bydeler.body.data.bydeler).toHaveLength(15);
  });

  it('passes an Idempotency-Key on, so a create retried from the browser creates one record', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-admin');
    const { csrfToken } = await sessionOf(browser);
    const create = `mutation { createOrganisation(input: { kind: VOLUNTARY_ORGANISATION, name: "Idempotent forening", description: "Prøver om en gjentatt oppretting gir én." }) { id } }`;
    const headers = { 'x-csrf-token': csrfToken, 'idempotency-key': 'web-retry-1' };
    const first = await graphql(browser, create, headers);
    const retried = await graphql(browser, create, headers);
    expect(first.body.errors).toBeUndefined();
    expect(retried.body.data.createOrganisation.id).toBe(first.body.data.createOrganisation.id);
    const listed = await graphql(browser, '{ organisations(first: 100) { nodes { name } } }', { 'x-csrf-token': csrfToken });
    expect(listed.body.data.organisations.nodes.filter((o: { name: string }) => o.name === 'Idempotent forening')).toHaveLength(1);
  });

  it('refuses a request that uses the session without the CSRF token, with a wrong one, or from another origin', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const attempts: Record<string, string>[] = [
      {},
      { 'x-csrf-token': 'wrong' },
      { 'x-csrf-token': `${csrfToken}x` },
      { 'x-csrf-token': csrfToken, origin: 'https://evil.example' },
    ];
    for (const headers of attempts) {
      const refused = await graphql(browser, REFERRALS, headers);
      expect(refused.status).toBe(403);
      expect(refused.body.errors[0].extensions.code).toBe('CSRF');
    }
    // Another session's token does not fit either.
    const other = new TestBrowser();
    await signIn(other, 'demo-admin');
    expect((await graphql(browser, REFERRALS, { 'x-csrf-token': (await sessionOf(other)).csrfToken })).status).toBe(403);
  });

  it("passes an integrator's own Authorization header through unchanged", async () => {
    const staff = stack.users.find((u) => u.role === 'SHELTER_STAFF')!;
    const token = await issueToken(stack.config.auth, staff);
    const response = await graphql(new TestBrowser(), REFERRALS, { authorization: `Bearer ${token}` });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.referrals.totalCount).toBeGreaterThan(0);
    const bad = await graphql(new TestBrowser(), REFERRALS, { authorization: 'Bearer not-a-token' });
    expect(bad.status).toBe(401);
  });
});

/** The tokens the web server keeps for a browser's session (opened as only the web server can). */
async function tokensOf(browser: TestBrowser): Promise<{ tokens: SessionTokens; accessExpiresAt: Date }> {
  const idHash = hashSessionId(browser.cookie('127.0.0.1', 'samspill_session')!.value);
  const [row] = await stack.webOrm.em.getConnection().execute(`select sealed_tokens, access_expires_at from web.session where id_hash = ?`, [idHash]);
  const tokens = new Sealer(stack.config.web.session.secret!).open<SessionTokens>(row.sealed_tokens, 'session-tokens')!;
  return { tokens, accessExpiresAt: new Date(row.access_expires_at) };
}

describe("the development issuer's tokens at the gateway", () => {
  it('are RS256 JWTs for the gateway audience that the gateway accepts by the issuer JWKS; altered ones are refused', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-editor-rodekors');
    const { accessToken } = (await tokensOf(browser)).tokens;
    const [header, payload] = accessToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header.alg).toBe('RS256');
    const editor = stack.users.find((u) => u.subject === 'demo-editor-rodekors')!;
    expect(payload).toMatchObject({
      iss: stack.urls.issuer,
      aud: stack.config.auth.audience,
      sub: editor.subject,
      role: 'ORG_EDITOR',
      org: editor.organisationId,
    });
    const call = (token: string) =>
      fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REFERRALS }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
    const accepted = await call(accessToken);
    expect(accepted.body.errors).toBeUndefined();
    const [h, p, signature] = accessToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, role: 'PLATFORM_ADMIN', org: undefined })).toString('base64url');
    expect((await call(`${h}.${forged}.${signature}`)).status).toBe(401);
    expect((await call(`${h}.${p}.${signature!.slice(0, -4)}AAAA`)).status).toBe(401);
  });
});

describe('session end', () => {
  it('ends after the idle time without requests (server-side, by the clock), and each request starts the time again', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    stack.advanceMinutes(29);
    expect((await graphql(browser, REFERRALS, { 'x-csrf-token': csrfToken })).status).toBe(200);
    stack.advanceMinutes(29);
    expect((await sessionOf(browser)).authenticated).toBe(true);
    stack.advanceMinutes(31);
    const expired = await graphql(browser, REFERRALS, { 'x-csrf-token': csrfToken });
    expect(expired.status).toBe(401);
    expect(expired.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(browser.setCookies.at(-1)).toMatch(/^samspill_session=; .*Max-Age=0/);
    expect(browser.cookie('127.0.0.1', 'samspill_session')).toBeUndefined();
    expect(await sessionOf(browser)).toEqual({ authenticated: false });
    // Sessions left idle are deleted at the next sign-in, not kept.
    await signIn(new TestBrowser(), 'demo-editor-reddbarna');
    stack.advanceMinutes(31);
    await signIn(new TestBrowser(), 'demo-admin');
    const cutoff = new Date(stack.now().getTime() - 30 * 60_000);
    const [{ count }] = await stack.webOrm.em.getConnection().execute(`select count(*)::int as count from web.session where last_seen_at <= ?`, [cutoff]);
    expect(count).toBe(0);
  });

  it('refreshes the access token before it expires, for as long as the session is in use', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const first = await tokensOf(browser);
    expect(first.tokens.refreshToken).toBeDefined();
    // The issuer's tokens live an hour: past that (on the session clock) the web server refreshes first.
    for (let step = 0; step < 3; step += 1) {
      stack.advanceMinutes(25);
      expect((await graphql(browser, REFERRALS, { 'x-csrf-token': csrfToken })).status).toBe(200);
    }
    const later = await tokensOf(browser);
    expect(later.tokens.accessToken).not.toBe(first.tokens.accessToken);
    expect(later.accessExpiresAt.getTime()).toBeGreaterThan(first.accessExpiresAt.getTime() + 60 * 60_000);
  });

  it('ends after WEB_SESSION_MAX_HOURS even when in use', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      stack.advanceMinutes(25);
      expect((await graphql(browser, '{ bydeler { code } }', { 'x-csrf-token': csrfToken })).status).toBe(200);
    }
    stack.advanceMinutes(25);
    expect((await graphql(browser, '{ bydeler { code } }', { 'x-csrf-token': csrfToken })).status).toBe(401);
  });

  /** Makes the session's access token due for a refresh (on the session clock), optionally with another refresh token. */
  async function expireAccessToken(browser: TestBrowser, refreshToken?: string): Promise<void> {
    const idHash = hashSessionId(browser.cookie('127.0.0.1', 'samspill_session')!.value);
    const { tokens } = await tokensOf(browser);
    const sealed = new Sealer(stack.config.web.session.secret!).seal({ ...tokens, refreshToken: refreshToken ?? tokens.refreshToken }, 'session-tokens');
    await stack.webOrm.em
      .getConnection()
      .execute(`update web.session set sealed_tokens = ?, access_expires_at = ? where id_hash = ?`, [sealed, new Date(stack.now().getTime() - 60_000), idHash]);
  }

  /** Counts the calls to the issuer's token endpoint made while `run` runs (the web server runs in this process). */
  async function tokenRequestsDuring(run: () => Promise<void>): Promise<number> {
    const real = globalThis.fetch;
    let count = 0;
    globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url === `${stack.urls.issuer}/token`) count += 1;
      return real(input, init);
    }) as typeof fetch;
    try {
      await run();
    } finally {
      globalThis.fetch = real;
    }
    return count;
  }

  it('refreshes once for requests that come at once, and all of them go through', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const before = await tokensOf(browser);
    await expireAccessToken(browser);
    let statuses: number[] = [];
    const refreshes = await tokenRequestsDuring(async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, () => graphql(browser.copy(), REFERRALS, { 'x-csrf-token': csrfToken })));
      statuses = answers.map((a) => a.status);
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(refreshes).toBe(1);
    expect((await tokensOf(browser)).tokens.accessToken).not.toBe(before.tokens.accessToken);
  });

  it('ends the session when a refresh gives a token for someone else', async () => {
    const other = new TestBrowser();
    await signIn(other, 'demo-admin');
    const adminRefreshToken = (await tokensOf(other)).tokens.refreshToken!;
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    // A refresh token that is not this session's (a mix-up at the issuer, or tampering) must not turn the staff member into the admin.
    await expireAccessToken(browser, adminRefreshToken);
    const answer = await graphql(browser, '{ organisations(first: 1) { totalCount } }', { 'x-csrf-token': csrfToken });
    expect(answer.status).toBe(401);
    expect(answer.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(browser.cookie('127.0.0.1', 'samspill_session')).toBeUndefined();
  });

  it('ends when the gateway no longer accepts its token', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const { tokens } = await tokensOf(browser);
    const idHash = hashSessionId(browser.cookie('127.0.0.1', 'samspill_session')!.value);
    const [h, p] = tokens.accessToken.split('.');
    const unacceptable = new Sealer(stack.config.web.session.secret!).seal({ ...tokens, accessToken: `${h}.${p}.AAAA` }, 'session-tokens');
    await stack.webOrm.em.getConnection().execute(`update web.session set sealed_tokens = ? where id_hash = ?`, [unacceptable, idHash]);
    const refused = await graphql(browser, REFERRALS, { 'x-csrf-token': csrfToken });
    expect(refused.status).toBe(401);
    expect(browser.cookie('127.0.0.1', 'samspill_session')).toBeUndefined();
    const [{ count }] = await stack.webOrm.em.getConnection().execute(`select count(*)::int as count from web.session where id_hash = ?`, [idHash]);
    expect(count).toBe(0);
  });

  it('a new sign-in in the same browser ends the session before it', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const before = browser.copy();
    await signIn(browser, 'demo-admin');
    expect((await sessionOf(browser)).user.subject).toBe('demo-admin');
    expect((await graphql(before, REFERRALS, { 'x-csrf-token': csrfToken })).status).toBe(401);
  });

  it('tells the app that an idle session ended, and a kept copy of its cookie is refused', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const kept = browser.copy();
    stack.advanceMinutes(30);
    expect(await sessionOf(browser)).toEqual({ authenticated: false, ended: true });
    expect((await graphql(kept, REFERRALS, { 'x-csrf-token': csrfToken })).status).toBe(401);
  });

  it('signing out ends the session here and at the issuer; the cookie is refused afterwards, and the next sign-in asks who again', async () => {
    const browser = new TestBrowser();
    await signIn(browser, 'demo-shelter-staff');
    const { csrfToken } = await sessionOf(browser);
    const kept = browser.copy();
    const { refreshToken } = (await tokensOf(browser)).tokens;
    const refresh = () =>
      fetch(`${stack.urls.issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          refresh_token: refreshToken!,
          client_id: stack.config.web.oidc.clientId,
          client_secret: stack.config.web.oidc.clientSecret!,
        }),
      });

    const withoutCsrf = await browser.go(`${stack.urls.web}/auth/logout`, { method: 'POST' });
    expect(withoutCsrf.status).toBe(403);
    expect((await sessionOf(browser)).authenticated).toBe(true);

    const out = await browser.go(`${stack.urls.web}/auth/logout`, { method: 'POST', headers: { 'x-csrf-token': csrfToken } });
    expect(out.status).toBe(200);
    expect(out.headers.get('cache-control')).toBe('no-store');
    const { endSessionUrl } = JSON.parse(out.body);
    const endSession = new URL(endSessionUrl);
    expect(endSession.origin).toBe(stack.urls.issuer);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.urls.web}/`);
    // No ID token in a URL the browser goes to (history, the issuer's logs): the client names itself.
    expect(endSession.searchParams.get('id_token_hint')).toBeNull();
    expect(endSession.searchParams.get('client_id')).toBe(stack.config.web.oidc.clientId);
    expect(endSessionUrl).not.toMatch(/eyJ/);
    expect(browser.cookie('127.0.0.1', 'samspill_session')).toBeUndefined();
    // The refresh token was revoked at the issuer: a copy of it gets no new access token.
    const afterLogout = await refresh();
    expect(afterLogout.status).toBe(400);
    expect(((await afterLogout.json()) as { error: string }).error).toBe('invalid_grant');

    const reused = await graphql(kept, REFERRALS, { 'x-csrf-token': csrfToken });
    expect(reused.status).toBe(401);
    expect(reused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await sessionOf(kept)).toEqual({ authenticated: false });

    // The issuer's sign-out page, then back to the app.
    const confirm = await browser.go(endSessionUrl);
    const back = await browser.submit(confirm, { name: 'logout', value: 'yes' });
    expect(back.url).toBe(`${stack.urls.web}/`);
    // The issuer asks who signs in again (no silent sign-in as the previous user).
    const again = await browser.go(`${stack.urls.web}/auth/login`);
    expect(again.url).toMatch(new RegExp(`^${stack.urls.issuer}/interaction/`));
  });
});

describe('headers and files', () => {
  it('sends the strict Content-Security-Policy and the other security headers on every response', async () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    for (const url of ['/', '/sok', '/auth/session', '/assets/app-abc123.js', '/health']) {
      const page = await new TestBrowser().go(`${stack.urls.web}${url}`);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
    const graphqlResponse = await graphql(new TestBrowser(), '{ bydeler { code } }');
    expect(graphqlResponse.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('serves the app: every page route gets index.html, never stored; hashed assets are cached long', async () => {
    for (const route of ['/', '/sok', '/tilbud/123', '/henvisninger/ny']) {
      const page = await new TestBrowser().go(`${stack.urls.web}${route}`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Samspill</title>');
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
    const asset = await new TestBrowser().go(`${stack.urls.web}/assets/app-abc123.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await new TestBrowser().go(`${stack.urls.web}/favicon.svg`)).headers.get('cache-control')).toBe('no-cache');
    expect((await new TestBrowser().go(`${stack.urls.web}/assets/missing.js`)).status).toBe(404);
  });

  it('serves nothing outside the app folder', async () => {
    for (const attempt of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/.env']) {
      const page = await fetch(`${stack.urls.web}${attempt}`);
      const body = await page.text();
      expect(body).not.toContain('root:');
      expect(body).not.toContain('"name"');
    }
  });

  it('serves a bundled GraphiQL at /graphiql that loads nothing from another origin', async () => {
    const page = await new TestBrowser().go(`${stack.urls.web}/graphiql`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toBe(GRAPHIQL_CONTENT_SECURITY_POLICY);
    expect(GRAPHIQL_CONTENT_SECURITY_POLICY).toMatch(/script-src 'self';/);
    expect(GRAPHIQL_CONTENT_SECURITY_POLICY).toMatch(/connect-src 'self';/);
    const references = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference).toMatch(/^\/graphiql\/assets\//);
      const asset = await new TestBrowser().go(`${stack.urls.web}${reference}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    // The gateway's own address sends a browser here (Apollo's CDN landing page is off).
    const atGateway = await fetch(stack.urls.gateway, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(atGateway.status).toBe(303);
    expect(atGateway.headers.get('location')).toBe(`${stack.urls.web}/graphiql`);
    // Every file of the bundle, workers and styles included: no CDN, no remote import, no remote stylesheet or font.
    const assets = path.resolve(__dirname, '../../../web-server/dist/graphiql/assets');
    const files = (await readdir(assets)).filter((file) => /\.(js|css)$/.test(file));
    expect(files.some((file) => /worker/.test(file))).toBe(true);
    for (const file of files) {
      const text = await readFile(path.join(assets, file), 'utf8');
      expect({ file, found: text.match(/\/\/cdn\b|unpkg\.com|jsdelivr|esm\.sh|cdnjs|googleapis|gstatic|apollographql\.com/i)?.[0] }).toEqual({
        file,
        found: undefined,
      });
      expect({ file, found: text.match(/(?:import\s*\(|from\s*|url\()\s*["']?(?:https?:)?\/\/[^"')\s]+/)?.[0] }).toEqual({ file, found: undefined });
    }
  });
});
