import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, DEFAULT_OIDC_CLAIMS, type Logger, looksLikeIdToken, principalFromClaims, samspillClaims } from '@samspill/core';
import { decodeJwt } from 'jose';
import * as oidc from 'openid-client';

import { readCookie, serializeCookie } from './http/cookies.js';
import { escapeHtml, htmlPage } from './http/html.js';
import { randomToken, Sealer } from './http/sealing.js';
import { CONTENT_SECURITY_POLICY, GRAPHIQL_CONTENT_SECURITY_POLICY, setSecurityHeaders } from './http/security-headers.js';
import { findStaticFile, sendStaticFile } from './http/static-files.js';
import { type ActiveSession, SessionStore, type SessionTokens } from './sessions/session-store.js';

export const SESSION_COOKIE = 'samspill_session';
const LOGIN_COOKIE = 'samspill_login';
const LOGIN_PURPOSE = 'login-state';
/** How long a sign-in at the issuer may take. */
const LOGIN_TTL_SECONDS = 600;
/** An access token this close to its expiry is refreshed before it is used. */
const REFRESH_MARGIN_MS = 60_000;
/** The header with which the app returns the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';
/** Request headers passed on to the gateway (beside the bearer token). */
const FORWARDED_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id', 'idempotency-key'];

/**
 * The gateway's plain HTTP routes that the app links to (the browser's origin is this server): the
 * iCalendar feeds and the HSDS export. GET and HEAD only.
 */
const PROXIED_PREFIXES = ['/calendar/', '/hsds/'];
/** Request headers passed on to those routes. */
const PROXIED_REQUEST_HEADERS = ['accept', 'if-none-match', 'if-modified-since', 'x-request-id'];
/** Response headers passed back from them. */
const PROXIED_RESPONSE_HEADERS = ['content-type', 'content-disposition', 'etag', 'last-modified', 'x-request-id', 'www-authenticate', 'location'];

export interface WebServerOptions {
  readonly config: Config;
  /** The ORM of the `web` schema (see `webOrmSettings`), migrated. */
  readonly orm: MikroORM<PostgreSqlDriver>;
  readonly logger: Logger;
  /** The clock of the session timeouts (tests move it). */
  readonly now?: () => Date;
  /** Defaults: `config.web.*`. */
  readonly publicUrl?: string;
  readonly gatewayUrl?: string;
  readonly issuer?: string;
  readonly clientSecret?: string;
  readonly staticDir?: string;
  /** The built GraphiQL (index.html and assets/); default: this package's dist/graphiql. */
  readonly graphiqlDir?: string;
}

interface LoginState {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly returnTo: string;
  readonly startedAt: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

function sendGraphQLError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string | string[]> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers);
}

function sendHtml(res: ServerResponse, status: number, title: string, body: string, headers: Record<string, string | string[]> = {}): void {
  const page = htmlPage(title, body);
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(page), ...headers });
  res.end(page);
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', ...headers });
  res.end();
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isLoopback(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The default folder of the web app's build: packages/web/dist beside this package. */
function defaultStaticDir(): string {
  return path.resolve(__dirname, '../../web/dist');
}

/**
 * The web server in front of the app (backend-for-frontend): it signs users in with OpenID
 * Connect (authorization code + PKCE), keeps their tokens server-side in a session whose cookie
 * no script can read, and passes their GraphQL requests to the gateway with the bearer token
 * attached, once the request proves with the session's CSRF token that it comes from the app.
 * It also serves the app's files, a bundled GraphiQL at /graphiql, and strict security headers.
 */
export class WebServer {
  private readonly sessions: SessionStore;
  private readonly sealer: Sealer;
  private readonly now: () => Date;
  private readonly publicUrl: string;
  private readonly publicOrigin: string;
  private readonly gatewayUrl: string;
  private readonly staticDir: string;
  private readonly graphiqlDir: string;
  private readonly secureCookies: boolean;
  private oidcConfig?: Promise<oidc.Configuration>;
  /** Refreshes in flight, by session (see freshAccessToken). */
  private readonly refreshing = new Map<string, Promise<string | undefined>>();
  private httpServer?: http.Server;

  constructor(private readonly options: WebServerOptions) {
    const { config } = options;
    this.now = options.now ?? (() => new Date());
    this.publicUrl = (options.publicUrl ?? config.web.publicUrl).replace(/\/+$/, '');
    this.publicOrigin = new URL(this.publicUrl).origin;
    this.gatewayUrl = options.gatewayUrl ?? config.web.gatewayUrl;
    this.staticDir = options.staticDir ?? config.web.staticDir ?? defaultStaticDir();
    // From src/ (tests) and dist/ alike: the bundle is built into dist/graphiql by `pnpm build`.
    this.graphiqlDir = options.graphiqlDir ?? path.resolve(__dirname, '..', 'dist', 'graphiql');
    this.secureCookies = config.nodeEnv === 'production' || this.publicUrl.startsWith('https://');
    const secret = config.web.session.secret;
    if (!secret && config.nodeEnv === 'production') throw new Error('WEB_SESSION_SECRET is required in production');
    // Development without a secret: one per run (sessions end when the server restarts).
    this.sealer = new Sealer(secret ?? randomToken());
    this.sessions = new SessionStore(
      options.orm,
      this.sealer,
      { idleMs: config.web.session.idleMinutes * 60_000, maxMs: config.web.session.maxHours * 3_600_000 },
      this.now,
    );
  }

  get url(): string {
    return this.publicUrl;
  }

  /** Handles one request; exposed for tests and for mounting in another server. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', this.publicUrl);
    const isGraphiql = url.pathname === '/graphiql' || url.pathname.startsWith('/graphiql/');
    setSecurityHeaders(res, { csp: isGraphiql ? GRAPHIQL_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY, https: this.publicUrl.startsWith('https://') });
    try {
      if (url.pathname === '/graphql') return await this.proxyGraphQL(req, res, url);
      if (PROXIED_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return await this.proxyHttpRoute(req, res, url);
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: 'web' });
      if (url.pathname.startsWith('/auth/')) return await this.auth(req, res, url);
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed' }, { allow: 'GET, HEAD' });
      if (isGraphiql) return await this.serveGraphiql(req, res, url);
      return await this.serveApp(req, res, url);
    } catch (error) {
      if (error instanceof HttpError) return sendGraphQLError(res, error.status, error.code, error.message);
      this.options.logger.error({ err: error, path: url.pathname }, 'web request failed');
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    }
  };

  // --- sign-in ---------------------------------------------------------------------------

  private auth(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> | void {
    const route = `${req.method} ${url.pathname}`;
    switch (route) {
      case 'GET /auth/login':
        return this.login(res, url);
      case 'GET /auth/callback':
        return this.callback(req, res, url);
      case 'GET /auth/session':
        return this.sessionInfo(req, res);
      case 'POST /auth/logout':
        return this.logout(req, res);
      default:
        return sendJson(res, 404, { error: 'Not found' });
    }
  }

  /** The issuer's metadata, fetched once (again after a failure). */
  private oidcConfiguration(): Promise<oidc.Configuration> {
    const { web } = this.options.config;
    const issuer = this.options.issuer ?? web.oidc.issuer;
    if (!issuer) return Promise.reject(new Error('No OpenID Connect issuer is configured (WEB_OIDC_ISSUER)'));
    const issuerUrl = new URL(issuer);
    // Plain http only in development, or to an issuer on this machine.
    const insecure = issuerUrl.protocol === 'http:' && (this.options.config.nodeEnv !== 'production' || isLoopback(issuerUrl));
    this.oidcConfig ??= oidc
      .discovery(
        issuerUrl,
        web.oidc.clientId,
        undefined,
        oidc.ClientSecretPost(this.options.clientSecret ?? web.oidc.clientSecret ?? ''),
        insecure ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        this.oidcConfig = undefined;
        throw error;
      });
    return this.oidcConfig;
  }

  /** A same-origin path to come back to after sign-in; anything else becomes "/". */
  private safeReturnTo(value: string | null): string {
    if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
    try {
      const target = new URL(value, this.publicUrl);
      if (target.origin !== this.publicOrigin || target.pathname.startsWith('/auth/')) return '/';
      return `${target.pathname}${target.search}${target.hash}`;
    } catch {
      return '/';
    }
  }

  private async login(res: ServerResponse, url: URL): Promise<void> {
    let config: oidc.Configuration;
    try {
      config = await this.oidcConfiguration();
    } catch (error) {
      this.options.logger.error({ err: error }, 'the OpenID Connect issuer cannot be reached');
      return sendHtml(res, 503, 'Innlogging utilgjengelig', '<h1>Innloggingen er ikke tilgjengelig nå</h1><p>Prøv igjen om litt.</p>');
    }
    const verifier = oidc.randomPKCECodeVerifier();
    const state: LoginState = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      verifier,
      returnTo: this.safeReturnTo(url.searchParams.get('returnTo')),
      startedAt: this.now().getTime(),
    };
    const authorizationUrl = oidc.buildAuthorizationUrl(config, {
      redirect_uri: `${this.publicUrl}/auth/callback`,
      scope: this.options.config.web.oidc.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: state.state,
      nonce: state.nonce,
      // Shared PCs: the issuer asks who signs in every time, even when it still has a session.
      prompt: 'login',
    });
    // Lax, not Strict: the issuer sends the browser back with a top-level cross-site redirect.
    const cookie = serializeCookie(LOGIN_COOKIE, this.sealer.seal(state, LOGIN_PURPOSE), {
      path: '/auth/callback',
      sameSite: 'Lax',
      secure: this.secureCookies,
      maxAge: LOGIN_TTL_SECONDS,
    });
    redirect(res, authorizationUrl.href, { 'set-cookie': cookie });
  }

  private loginFailed(res: ServerResponse, status: number, message: string): void {
    sendHtml(res, status, 'Innloggingen feilet', `<h1>Innloggingen feilet</h1><p>${escapeHtml(message)}</p><p><a href="/">Til forsiden</a></p>`, {
      'set-cookie': serializeCookie(LOGIN_COOKIE, '', { path: '/auth/callback', sameSite: 'Lax', secure: this.secureCookies, maxAge: 0 }),
    });
  }

  private async callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const sealed = readCookie(req, LOGIN_COOKIE);
    const state = sealed ? this.sealer.open<LoginState>(sealed, LOGIN_PURPOSE) : undefined;
    if (!state || this.now().getTime() - state.startedAt > LOGIN_TTL_SECONDS * 1000) {
      return this.loginFailed(res, 400, 'Innloggingen tok for lang tid eller ble startet i en annen fane. Start på nytt.');
    }
    if (url.searchParams.has('error')) return this.loginFailed(res, 400, 'Innloggingen ble avbrutt.');
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(await this.oidcConfiguration(), url, {
        pkceCodeVerifier: state.verifier,
        expectedState: state.state,
        expectedNonce: state.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      this.options.logger.warn({ err: error }, 'an OpenID Connect sign-in was refused');
      return this.loginFailed(res, 400, 'Innloggingen kunne ikke bekreftes. Start på nytt.');
    }
    let user;
    try {
      const principal = this.principalOf(tokens.access_token, tokens.id_token);
      const idToken = tokens.claims();
      // The access token must be about the person the (verified) ID token names.
      if (principal.kind !== 'user' || !idToken || principal.subject !== idToken.sub) throw new Error('tokens name different users');
      const name = idToken.name;
      user = {
        subject: principal.subject,
        name: typeof name === 'string' ? name : undefined,
        role: principal.role,
        organisationId: principal.organisationId,
        bydelCode: principal.bydelCode,
      };
    } catch {
      return this.loginFailed(res, 403, 'Brukeren har ingen rolle i Samspill.');
    }
    // A session from before (another user on the same PC) ends here: no session fixation.
    const previous = readCookie(req, SESSION_COOKIE);
    if (previous) {
      const found = await this.sessions.find(previous);
      if (found.status === 'active') await this.sessions.destroy(found.session.idHash);
    }
    const { id } = await this.sessions.create(user, this.tokensFrom(tokens), this.accessExpiry(tokens));
    redirect(res, state.returnTo, {
      'set-cookie': [
        this.sessionCookie(id),
        serializeCookie(LOGIN_COOKIE, '', { path: '/auth/callback', sameSite: 'Lax', secure: this.secureCookies, maxAge: 0 }),
      ],
    });
  }

  /**
   * Who an access token is about, read as the gateway reads it (the gateway verifies it again on
   * every request). An ID token is not an access token: one given in its place is refused here, so it
   * is never kept in a session nor sent to the gateway as a bearer.
   */
  private principalOf(accessToken: string, idToken?: string) {
    const payload = decodeJwt(accessToken);
    if ((idToken !== undefined && accessToken === idToken) || looksLikeIdToken(payload, this.options.config.web.oidc.clientId)) {
      throw new Error('the issuer gave an ID token where an access token belongs');
    }
    return principalFromClaims(samspillClaims(payload, this.options.config.auth.oidc?.claims ?? DEFAULT_OIDC_CLAIMS));
  }

  private tokensFrom(response: oidc.TokenEndpointResponse, previous?: SessionTokens): SessionTokens {
    return {
      accessToken: response.access_token,
      refreshToken: response.refresh_token ?? previous?.refreshToken,
      idToken: response.id_token ?? previous?.idToken,
    };
  }

  private accessExpiry(response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): Date {
    const seconds = response.expiresIn() ?? 300;
    return new Date(this.now().getTime() + seconds * 1000);
  }

  private sessionCookie(id: string): string {
    // No Max-Age: the cookie goes when the browser closes; the server ends the session sooner when idle.
    return serializeCookie(SESSION_COOKIE, id, { path: '/', sameSite: 'Strict', secure: this.secureCookies });
  }

  private clearedSessionCookie(): string {
    return serializeCookie(SESSION_COOKIE, '', { path: '/', sameSite: 'Strict', secure: this.secureCookies, maxAge: 0 });
  }

  private sessionResponse(session: ActiveSession) {
    const { user } = session;
    return {
      authenticated: true,
      user: { subject: user.subject, name: user.name ?? null, role: user.role, organisationId: user.organisationId ?? null, bydelCode: user.bydelCode ?? null },
      csrfToken: session.csrfToken,
      idleTimeoutSeconds: Math.round(this.sessions.idleMs / 1000),
      expiresAt: session.endsAt.toISOString(),
    };
  }

  private async sessionInfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = readCookie(req, SESSION_COOKIE);
    if (!id) return sendJson(res, 200, { authenticated: false });
    const found = await this.sessions.find(id);
    if (found.status !== 'active') return sendJson(res, 200, { authenticated: false, ended: true }, { 'set-cookie': this.clearedSessionCookie() });
    return sendJson(res, 200, this.sessionResponse(await this.sessions.recordActivity(found.session)));
  }

  /**
   * Requests that use the session must come from the app: the session's CSRF token in a header
   * (which another site cannot set on a cross-origin request), and no foreign Origin.
   */
  private csrfRefusal(req: IncomingMessage, session: ActiveSession): string | undefined {
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== this.publicOrigin) return 'Cross-origin requests cannot use the session';
    if (req.headers['sec-fetch-site'] === 'cross-site') return 'Cross-site requests cannot use the session';
    if (!sameSecret(req.headers[CSRF_HEADER], session.csrfToken)) return `Missing or wrong ${CSRF_HEADER} header: read it from GET /auth/session`;
    return undefined;
  }

  private async logout(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = readCookie(req, SESSION_COOKIE);
    const found = id ? await this.sessions.find(id) : undefined;
    if (found?.status !== 'active') {
      return sendJson(res, 200, { authenticated: false, endSessionUrl: null }, { 'set-cookie': this.clearedSessionCookie() });
    }
    const refusal = this.csrfRefusal(req, found.session);
    if (refusal) return sendGraphQLError(res, 403, 'CSRF', refusal);
    await this.sessions.destroy(found.session.idHash);
    let endSessionUrl: string | null = null;
    try {
      const config = await this.oidcConfiguration();
      const { refreshToken } = found.session.tokens;
      // Best effort: the refresh token is revoked at the issuer, so a copy of it is worthless too.
      if (refreshToken && config.serverMetadata().revocation_endpoint) {
        await oidc.tokenRevocation(config, refreshToken, { token_type_hint: 'refresh_token' }).catch((error: unknown) => {
          this.options.logger.warn({ err: error }, 'the issuer did not revoke a refresh token');
        });
      }
      if (config.serverMetadata().end_session_endpoint) {
        // No id_token_hint: the browser goes to this address, and an ID token does not belong in a
        // URL (browser history, the issuer's access logs). client_id (added by openid-client) names
        // the client, so the issuer accepts the post_logout_redirect_uri registered for it.
        endSessionUrl = oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: `${this.publicUrl}/` }).href;
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, 'the issuer could not be told about a sign-out');
    }
    sendJson(res, 200, { authenticated: false, endSessionUrl }, { 'set-cookie': this.clearedSessionCookie() });
  }

  /**
   * The session's access token, refreshed when it is about to expire; undefined ends the session.
   * One refresh per session at a time: concurrent requests of this server share the one in flight,
   * and other servers wait on the session's row lock (then use the tokens it stored).
   */
  private freshAccessToken(session: ActiveSession): Promise<string | undefined> {
    if (this.stillFresh(session.accessExpiresAt)) return Promise.resolve(session.tokens.accessToken);
    let running = this.refreshing.get(session.idHash);
    if (!running) {
      running = this.refresh(session).finally(() => this.refreshing.delete(session.idHash));
      this.refreshing.set(session.idHash, running);
    }
    return running;
  }

  private stillFresh(accessExpiresAt: Date): boolean {
    return accessExpiresAt.getTime() - REFRESH_MARGIN_MS > this.now().getTime();
  }

  private async refresh(session: ActiveSession): Promise<string | undefined> {
    try {
      return await this.sessions.withLockedTokens(session.idHash, async (current) => {
        // Refreshed meanwhile by another request or server: use what it stored.
        if (this.stillFresh(current.accessExpiresAt)) return { result: current.tokens.accessToken };
        if (!current.tokens.refreshToken) return { result: undefined };
        const response = await oidc.refreshTokenGrant(await this.oidcConfiguration(), current.tokens.refreshToken);
        // The refreshed tokens must be about the person this session signed in, or the session ends.
        const principal = this.principalOf(response.access_token, response.id_token ?? current.tokens.idToken);
        const idTokenSubject = response.id_token ? response.claims()?.sub : undefined;
        if (
          principal.kind !== 'user' ||
          principal.subject !== session.user.subject ||
          (idTokenSubject !== undefined && idTokenSubject !== session.user.subject)
        ) {
          throw new Error('the refreshed token names another user');
        }
        const tokens = this.tokensFrom(response, current.tokens);
        return { result: tokens.accessToken, store: { tokens, accessExpiresAt: this.accessExpiry(response) } };
      });
    } catch (error) {
      this.options.logger.info({ err: error }, 'an access token could not be refreshed: the session ends');
      return undefined;
    }
  }

  // --- GraphQL -----------------------------------------------------------------------------

  private async proxyGraphQL(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST' && req.method !== 'GET') {
      return sendGraphQLError(res, 405, 'METHOD_NOT_ALLOWED', 'GraphQL accepts POST (and GET for queries)', { allow: 'GET, POST' });
    }
    const headers: Record<string, string> = {};
    let sessionUsed: ActiveSession | undefined;
    for (const name of FORWARDED_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    // Integrators with their own bearer token pass through unchanged; the session is not used.
    if (req.headers.authorization !== undefined) {
      headers.authorization = req.headers.authorization;
    } else {
      const id = readCookie(req, SESSION_COOKIE);
      if (id) {
        const found = await this.sessions.find(id);
        if (found.status !== 'active') {
          return sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'The session has ended: sign in again', { 'set-cookie': this.clearedSessionCookie() });
        }
        const refusal = this.csrfRefusal(req, found.session);
        if (refusal) return sendGraphQLError(res, 403, 'CSRF', refusal);
        const session = await this.sessions.recordActivity(found.session);
        const accessToken = await this.freshAccessToken(session);
        if (!accessToken) {
          await this.sessions.destroy(session.idHash);
          return sendGraphQLError(res, 401, 'UNAUTHENTICATED', 'The session has ended: sign in again', { 'set-cookie': this.clearedSessionCookie() });
        }
        headers.authorization = `Bearer ${accessToken}`;
        sessionUsed = session;
      }
    }
    const body = req.method === 'POST' ? await readBody(req, this.options.config.http.maxBodyBytes) : undefined;
    let upstream: Response;
    try {
      upstream = await fetch(`${this.gatewayUrl}${url.search}`, { method: req.method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      this.options.logger.error({ err: error, gateway: this.gatewayUrl }, 'the gateway cannot be reached');
      return sendGraphQLError(res, 502, 'BAD_GATEWAY', 'The GraphQL gateway cannot be reached');
    }
    const payload = Buffer.from(await upstream.arrayBuffer());
    const out: Record<string, string | string[]> = { 'cache-control': 'no-store', 'content-length': String(payload.length) };
    if (sessionUsed && upstream.status === 401) {
      // The gateway no longer accepts the session's token (revoked, or the issuer's keys changed): the session is over.
      await this.sessions.destroy(sessionUsed.idHash);
      out['set-cookie'] = this.clearedSessionCookie();
    }
    for (const name of ['content-type', 'x-request-id', 'www-authenticate']) {
      const value = upstream.headers.get(name);
      if (value) out[name] = value;
    }
    res.writeHead(upstream.status, out);
    res.end(payload);
  }

  /**
   * `/calendar/…` and `/hsds/…` on to the gateway, as the signed-in user when the request carries
   * the session (like /graphql; a link the user follows sends no CSRF header, and a GET here changes
   * nothing, so only the origin is checked: a cross-site request goes on anonymous). A calendar app
   * fetching a personal feed has no session: its secret path is what identifies it.
   */
  private async proxyHttpRoute(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed' }, { allow: 'GET, HEAD' });
    const headers: Record<string, string> = {};
    for (const name of PROXIED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    let sessionUsed: ActiveSession | undefined;
    const id = readCookie(req, SESSION_COOKIE);
    const crossSite = (req.headers.origin !== undefined && req.headers.origin !== this.publicOrigin) || req.headers['sec-fetch-site'] === 'cross-site';
    if (id && !crossSite) {
      const found = await this.sessions.find(id);
      if (found.status === 'active') {
        const session = await this.sessions.recordActivity(found.session);
        const accessToken = await this.freshAccessToken(session);
        if (accessToken) {
          headers.authorization = `Bearer ${accessToken}`;
          sessionUsed = session;
        }
      }
    }
    let upstream: Response;
    try {
      const target = new URL(`${url.pathname}${url.search}`, new URL(this.gatewayUrl).origin);
      upstream = await fetch(target, { method: req.method, headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      this.options.logger.error({ err: error, gateway: this.gatewayUrl }, 'the gateway cannot be reached');
      return sendJson(res, 502, { error: 'The gateway cannot be reached' });
    }
    const payload = Buffer.from(await upstream.arrayBuffer());
    // What a user's token sees is theirs alone: never kept by a shared cache.
    const cacheControl = sessionUsed ? 'private, no-store' : (upstream.headers.get('cache-control') ?? 'no-store');
    const out: Record<string, string> = { 'cache-control': cacheControl, 'content-length': String(payload.length) };
    for (const name of PROXIED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) out[name] = value;
    }
    res.writeHead(upstream.status, out);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  // --- files -------------------------------------------------------------------------------

  private async serveGraphiql(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headOnly = req.method === 'HEAD';
    const sub = url.pathname.slice('/graphiql'.length);
    const found = sub === '' || sub === '/' ? await findStaticFile(this.graphiqlDir, '/index.html') : await findStaticFile(this.graphiqlDir, sub);
    if (found) return sendStaticFile(res, found, headOnly);
    if (sub === '' || sub === '/') {
      return sendHtml(res, 503, 'GraphiQL', '<h1>GraphiQL is not built</h1><p>Run <code>pnpm build</code> (it bundles GraphiQL).</p>');
    }
    sendJson(res, 404, { error: 'Not found' });
  }

  private async serveApp(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headOnly = req.method === 'HEAD';
    if (url.pathname !== '/') {
      const found = await findStaticFile(this.staticDir, url.pathname);
      if (found) return sendStaticFile(res, found, headOnly);
      // A missing file is not a page: no index.html for it.
      if (url.pathname.startsWith('/assets/') || path.extname(url.pathname) !== '') return sendJson(res, 404, { error: 'Not found' });
    }
    const index = path.join(this.staticDir, 'index.html');
    if (!existsSync(index)) {
      return sendHtml(
        res,
        503,
        'Samspill',
        '<h1>Samspill</h1><p>The web app is not built (packages/web/dist): run <code>pnpm build</code>.</p><p>GraphQL: <a href="/graphiql">/graphiql</a></p>',
      );
    }
    const html = await readFile(index);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-length': html.length });
    res.end(headOnly ? undefined : html);
  }

  // --- lifecycle ---------------------------------------------------------------------------

  async listen(port: number, host: string): Promise<string> {
    this.httpServer = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.httpServer!.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use: stop what uses it or set WEB_PORT`) : error),
      );
      this.httpServer!.listen(port, host, resolve);
    });
    return `http://${host}:${(this.httpServer.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.httpServer;
    if (!server) return;
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export function createWebServer(options: WebServerOptions): WebServer {
  return new WebServer(options);
}
