import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TokenRequest } from '@samspill/core';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from 'oidc-provider';

import { escapeHtml, htmlPage } from '../http/html.js';

export interface DevIssuerUser extends TokenRequest {
  readonly label: string;
}

export interface DevIssuerClient {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The web server's public URL: its /auth/callback and / are registered as redirect URIs. */
  readonly webUrl: string;
}

export interface DevIssuerOptions {
  readonly host: string;
  /** 0 for any free port. */
  readonly port: number;
  /** The gateway's AUTH_AUDIENCE: access tokens are JWTs for this audience. */
  readonly audience: string;
  readonly users: readonly DevIssuerUser[];
  readonly clients: readonly DevIssuerClient[];
  /** Lifetime of access tokens in seconds (default one hour; the web server refreshes them). */
  readonly accessTokenTtlSeconds?: number;
}

export interface DevIssuer {
  /** The issuer identifier, e.g. http://127.0.0.1:4300 (its discovery document is below it). */
  readonly url: string;
  stop(): Promise<void>;
}

const RESOURCE_SCOPE = 'samspill';
/** Resource indicators must be absolute URIs (RFC 8707); the token's audience is the gateway's AUTH_AUDIENCE. */
const RESOURCE = 'urn:samspill:gateway';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#2a2859}
h1{font-size:1.5rem}ul{list-style:none;padding:0}li{margin:.5rem 0}
button{font:inherit;width:100%;text-align:left;padding:.75rem 1rem;border:2px solid #2a2859;border-radius:4px;background:#fff;color:#2a2859;cursor:pointer}
button:hover,button:focus{background:#b3f5ff;outline:3px solid #2a2859}small{display:block;color:#555}`;

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'self'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(body);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 10_000) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The development OpenID Connect issuer: oidc-provider with the demo users, one per role, and a
 * sign-in page that lists them (click one to sign in; no passwords in development). Authorization
 * code flow with PKCE only; access tokens are RS256 JWTs for the gateway's audience carrying the
 * Samspill claims (`role`, `org`, `bydel`) and `name`. Keys are made at start (RS256 signs, an
 * ES256 key is published beside it), so tokens of an earlier run are refused.
 */
export async function startDevIssuer(options: DevIssuerOptions): Promise<DevIssuer> {
  const users = new Map(options.users.map((user) => [user.subject, user]));
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${options.port} is already in use: set DEV_OIDC_PORT to a free port`) : error),
    );
    server.listen(options.port, options.host, resolve);
  });
  const url = `http://${options.host}:${(server.address() as AddressInfo).port}`;

  const keys = await Promise.all(
    (['RS256', 'ES256'] as const).map(async (alg) => {
      const { privateKey } = await generateKeyPair(alg, { extractable: true });
      return { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `dev-${alg.toLowerCase()}-${randomBytes(4).toString('hex')}` };
    }),
  );

  const page = (ctx: KoaContextWithOIDC, title: string, body: string) => {
    ctx.type = 'html';
    ctx.set('cache-control', 'no-store');
    ctx.body = htmlPage(title, body, '/dev-issuer.css');
  };

  const configuration: Configuration = {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${client.webUrl}/auth/callback`],
      post_logout_redirect_uris: [`${client.webUrl}/`],
    })),
    jwks: { keys: keys as never },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name'] },
    // The ID token carries `name`, so the web server needs no userinfo call.
    conformIdTokenClaims: false,
    scopes: ['openid', 'profile', 'offline_access'],
    findAccount: (_ctx, id) => {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ sub: id, name: user.label }) };
    },
    extraTokenClaims: (_ctx, token) => {
      const user = 'accountId' in token ? users.get(token.accountId) : undefined;
      if (!user) return undefined;
      return {
        role: user.role,
        name: user.label,
        ...(user.organisationId ? { org: user.organisationId } : {}),
        ...(user.bydelCode ? { bydel: user.bydelCode } : {}),
        ...(user.email ? { email: user.email } : {}),
      };
    },
    // The web app is the platform's own client: no consent screen.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc;
      const accountId = oidc.session!.accountId!;
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) {
        const existing = await oidc.provider.Grant.find(grantId);
        // A grant of whoever signed in before on this browser is never reused for someone else.
        if (existing?.accountId === accountId) return existing;
      }
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addResourceScope(RESOURCE, RESOURCE_SCOPE);
      await grant.save();
      return grant;
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: { IdToken: 3600, AccessToken: options.accessTokenTtlSeconds ?? 3600, RefreshToken: 12 * 3600, Session: 12 * 3600, Interaction: 600, Grant: 12 * 3600 },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: RESOURCE_SCOPE,
            audience: options.audience,
            accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) =>
          page(
            ctx,
            'Logg ut',
            `${form}<h1>Logg ut av utviklingsutstederen?</h1><p><button form="op.logoutForm" type="submit" name="logout" value="yes">Ja, logg ut</button></p>`,
          ),
        postLogoutSuccessSource: (ctx) => page(ctx, 'Logget ut', '<h1>Du er logget ut.</h1>'),
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: (ctx, out) =>
      page(ctx, 'Feil', `<h1>Innloggingen feilet</h1><p>${escapeHtml(String(out.error))}: ${escapeHtml(String(out.error_description ?? ''))}</p>`),
  };
  const provider = new Provider(url, configuration);
  const callback = provider.callback();

  const signInPage = (uid: string) =>
    htmlPage(
      'Logg inn (utvikling)',
      `<h1>Logg inn som en demobruker</h1><p>Utviklingsutstederen har ingen passord: velg hvem du vil være.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login"><ul>${options.users
        .map(
          (user) =>
            `<li><button type="submit" name="subject" value="${escapeHtml(user.subject)}">${escapeHtml(user.label)}<small>${escapeHtml(user.role)} · ${escapeHtml(user.subject)}</small></button></li>`,
        )
        .join('')}</ul></form>`,
      '/dev-issuer.css',
    );

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', url).pathname;
    if (path === '/dev-issuer.css') return send(res, 200, 'text/css', STYLE);
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(path);
    if (!match) return callback(req, res);
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.uid !== match[1]) return send(res, 400, 'text/plain', 'This sign-in has expired: start again from the app.');
        if (req.method === 'GET' && !match[2]) return send(res, 200, 'text/html', signInPage(details.uid));
        if (req.method === 'POST' && match[2]) {
          const subject = (await readForm(req)).get('subject') ?? '';
          if (!users.has(subject)) return send(res, 400, 'text/plain', 'Unknown demo user');
          return await provider.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false });
        }
        send(res, 405, 'text/plain', 'Method not allowed');
      } catch {
        send(res, 400, 'text/plain', 'This sign-in has expired: start again from the app.');
      }
    })();
  });

  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
