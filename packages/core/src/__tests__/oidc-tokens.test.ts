import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, type JWK, type KeyLike, SignJWT } from 'jose';

import { OidcTokenVerifier } from '../auth/oidc-tokens.js';
import { TokenVerifier } from '../auth/tokens.js';
import { parseConfig } from '../config/config.js';
import { UnauthenticatedError } from '../errors/domain-errors.js';

const HS_SECRET = 'a-test-signing-secret-that-is-long-enough';
const ORG = randomUUID();

interface TestKey {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  jwk: JWK;
}

async function makeKey(kid: string, alg: 'RS256' | 'ES256'): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  return { kid, alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A stand-in issuer: publishes a discovery document and a key set that the test can change. */
class TestIssuer {
  published: TestKey[] = [];
  jwksFetches = 0;
  /** What the discovery document names as the key set; unset: this issuer's /jwks. */
  jwksUri?: string;
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(): Promise<TestIssuer> {
    const made: { issuer?: TestIssuer } = {};
    const server = http.createServer((req, res) => {
      const issuer = made.issuer!;
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration')
        return res.end(JSON.stringify({ issuer: issuer.url, jwks_uri: issuer.jwksUri ?? `${issuer.url}/jwks` }));
      if (req.url === '/jwks') {
        issuer.jwksFetches += 1;
        return res.end(JSON.stringify({ keys: issuer.published.map((k) => k.jwk) }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    made.issuer = new TestIssuer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return made.issuer;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let issuer: TestIssuer;
let keyA: TestKey;
let keyB: TestKey;
let keyC: TestKey;
let stranger: TestKey;

beforeAll(async () => {
  issuer = await TestIssuer.start();
  [keyA, keyB, keyC, stranger] = await Promise.all([makeKey('a', 'RS256'), makeKey('b', 'ES256'), makeKey('c', 'RS256'), makeKey('a', 'RS256')]);
});
afterAll(() => issuer.close());

function configFor(extra: Record<string, string> = {}) {
  return parseConfig({ NODE_ENV: 'test', AUTH_SIGNING_KEYS: `k1=${HS_SECRET}`, AUTH_OIDC_ISSUER: issuer.url, ...extra });
}

function sign(key: TestKey, options: { issuer?: string; audience?: string; claims?: Record<string, unknown>; alg?: string } = {}): Promise<string> {
  return new SignJWT(options.claims ?? { role: 'SHELTER_STAFF', org: ORG })
    .setProtectedHeader({ alg: options.alg ?? key.alg, kid: key.kid, typ: 'JWT' })
    .setSubject('kari')
    .setIssuer(options.issuer ?? issuer.url)
    .setAudience(options.audience ?? 'samspill-api')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key.privateKey);
}

async function refused(verifier: TokenVerifier, token: string): Promise<string> {
  const error = await verifier.verify(token).then(
    (principal) => new Error(`accepted as ${JSON.stringify(principal)}`),
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  return (error as Error).message;
}

describe('TokenVerifier with an OpenID Connect issuer (JWKS)', () => {
  beforeEach(() => {
    issuer.published = [keyA, keyB];
  });

  it('accepts RS256 and ES256 tokens of the issuer, found through its discovery document', async () => {
    const verifier = new TokenVerifier(configFor().auth);
    await expect(verifier.verify(await sign(keyA))).resolves.toEqual({
      kind: 'user',
      subject: 'kari',
      role: 'SHELTER_STAFF',
      organisationId: ORG,
      bydelCode: undefined,
    });
    await expect(verifier.verify(await sign(keyB, { claims: { role: 'PLATFORM_ADMIN' } }))).resolves.toMatchObject({ role: 'PLATFORM_ADMIN' });
  });

  it('keeps accepting the HS256 development tokens beside them', async () => {
    const verifier = new TokenVerifier(configFor().auth);
    const token = await new SignJWT({ role: 'PLATFORM_ADMIN' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('admin')
      .setIssuer('samspill')
      .setAudience('samspill-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(HS_SECRET));
    await expect(verifier.verify(token)).resolves.toMatchObject({ subject: 'admin', role: 'PLATFORM_ADMIN' });
  });

  it('follows a key rotation: a new kid is fetched, a key taken out of the set is refused', async () => {
    const verifier = new TokenVerifier(configFor({ AUTH_OIDC_JWKS_URL: `${issuer.url}/jwks` }).auth, { cooldownMs: 0 });
    await expect(verifier.verify(await sign(keyA))).resolves.toMatchObject({ subject: 'kari' });
    const fetches = issuer.jwksFetches;
    issuer.published = [keyC];
    await expect(verifier.verify(await sign(keyC))).resolves.toMatchObject({ subject: 'kari' });
    expect(issuer.jwksFetches).toBe(fetches + 1);
    expect(await refused(verifier, await sign(keyA))).toBe('Token signed with an unknown key');
  });

  it('refuses a token signed with a key the issuer does not publish, even under a published kid', async () => {
    const verifier = new TokenVerifier(configFor().auth, { cooldownMs: 0 });
    expect(await refused(verifier, await sign(stranger))).toBe('Invalid token');
    expect(await refused(verifier, await sign({ ...stranger, kid: 'unpublished' }))).toBe('Token signed with an unknown key');
  });

  it('refuses another issuer and another audience', async () => {
    const verifier = new TokenVerifier(configFor().auth);
    expect(await refused(verifier, await sign(keyA, { issuer: 'https://evil.example' }))).toBe('Invalid token');
    expect(await refused(verifier, await sign(keyA, { audience: 'another-api' }))).toBe('Invalid token');
  });

  it('refuses an HS256 token that names the OIDC issuer, even one signed with a configured HS256 key', async () => {
    const verifier = new TokenVerifier(configFor().auth);
    const token = await new SignJWT({ role: 'PLATFORM_ADMIN' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setSubject('admin')
      .setIssuer(issuer.url)
      .setAudience('samspill-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(HS_SECRET));
    expect(await refused(verifier, token)).toBe('Invalid token');
    // Even were the HS256 issuer configured with the same name (the configuration refuses that), the token goes to the JWKS check.
    const sameName = configFor();
    const clash = new TokenVerifier({ ...sameName.auth, issuer: issuer.url });
    expect(await refused(clash, token)).toBe('Invalid token');
  });

  it('refuses issuer tokens that live longer than AUTH_MAX_TOKEN_LIFETIME_HOURS, as it does HS256 ones', async () => {
    const verifier = new TokenVerifier(configFor({ AUTH_MAX_TOKEN_LIFETIME_HOURS: '1' }).auth);
    const long = await new SignJWT({ role: 'PLATFORM_ADMIN' })
      .setProtectedHeader({ alg: 'RS256', kid: keyA.kid })
      .setSubject('kari')
      .setIssuer(issuer.url)
      .setAudience('samspill-api')
      .setIssuedAt()
      .setExpirationTime('2h')
      .sign(keyA.privateKey);
    expect(await refused(verifier, long)).toMatch(/lifetime is longer/);
  });

  it('refuses issuer tokens without the Samspill claims', async () => {
    const verifier = new TokenVerifier(configFor().auth);
    expect(await refused(verifier, await sign(keyA, { claims: { role: 'SHELTER_STAFF' } }))).toBe('Token claims are not valid for Samspill');
  });

  it("reads the role, organisation and bydel from the claims configured (Entra ID's roles array of one)", async () => {
    const verifier = new TokenVerifier(configFor({ AUTH_OIDC_ROLE_CLAIM: 'roles', AUTH_OIDC_ORG_CLAIM: 'extn.samspillOrg' }).auth);
    const token = await sign(keyA, { claims: { roles: ['ORG_EDITOR'], 'extn.samspillOrg': ORG } });
    await expect(verifier.verify(token)).resolves.toEqual({ kind: 'user', subject: 'kari', role: 'ORG_EDITOR', organisationId: ORG, bydelCode: undefined });
    expect(await refused(verifier, await sign(keyA, { claims: { roles: ['ORG_EDITOR', 'PLATFORM_ADMIN'], 'extn.samspillOrg': ORG } }))).toBe(
      'Token claims are not valid for Samspill',
    );
    // The default claim name is not read once another is configured.
    expect(await refused(verifier, await sign(keyA, { claims: { role: 'PLATFORM_ADMIN' } }))).toBe('Token claims are not valid for Samspill');
  });

  it('refuses RS256 tokens when no OIDC issuer is configured', async () => {
    const verifier = new TokenVerifier(parseConfig({ NODE_ENV: 'test', AUTH_SIGNING_KEYS: `k1=${HS_SECRET}` }).auth);
    expect(await refused(verifier, await sign(keyA))).toMatch(/unknown key|Invalid token/);
  });

  it('refuses an ID token in place of an access token, even one for the right audience', async () => {
    const verifier = new TokenVerifier(configFor().auth);
    for (const idTokenClaim of [{ nonce: 'n-0S6_WzA2Mj' }, { at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q' }, { c_hash: 'LDktKdoQak3Pk0cnXxCltA' }]) {
      expect(await refused(verifier, await sign(keyA, { claims: { role: 'SHELTER_STAFF', org: ORG, ...idTokenClaim } }))).toBe(
        'An ID token is not an access token: send the access token',
      );
    }
  });

  it('in production, refuses a key set that discovery names over plain http', async () => {
    issuer.jwksUri = 'http://keys.samspill.example/jwks';
    try {
      const strict = new OidcTokenVerifier({ issuer: issuer.url, audience: 'samspill-api', requireHttps: true });
      await expect(strict.verify(await sign(keyA))).rejects.toThrow(/jwks_uri\) over plain http/);
      // The same discovery on this machine's issuer is fine for its own loopback key set.
      issuer.jwksUri = `${issuer.url}/jwks`;
      const again = new OidcTokenVerifier({ issuer: issuer.url, audience: 'samspill-api', requireHttps: true });
      await expect(again.verify(await sign(keyA))).resolves.toMatchObject({ sub: 'kari' });
    } finally {
      issuer.jwksUri = undefined;
    }
  });

  it('is configured only with an API audience that is not the web app’s client id (the audience of its ID tokens)', () => {
    expect(() => parseConfig({ AUTH_AUDIENCE: 'samspill-web' })).toThrow(/AUTH_AUDIENCE: must differ from WEB_OIDC_CLIENT_ID/);
    expect(() => parseConfig({ AUTH_AUDIENCE: 'api://samspill', WEB_OIDC_CLIENT_ID: 'api://samspill' })).toThrow(/AUTH_AUDIENCE: must differ/);
    expect(() => parseConfig({ AUTH_AUDIENCE: 'api://samspill', WEB_OIDC_CLIENT_ID: 'samspill-web' })).not.toThrow();
  });

  it('is configured only with an issuer that differs from the HS256 issuer', () => {
    expect(() => parseConfig({ AUTH_OIDC_ISSUER: 'https://samspill.example', AUTH_ISSUER: 'https://samspill.example' })).toThrow(
      /AUTH_OIDC_ISSUER: must differ/,
    );
    expect(() => parseConfig({ AUTH_OIDC_JWKS_URL: 'https://x.example/jwks' })).toThrow(/AUTH_OIDC_JWKS_URL: needs AUTH_OIDC_ISSUER/);
  });
});
