import { randomUUID } from 'node:crypto';

import { SignJWT } from 'jose';

import { ANONYMOUS } from '../auth/principal.js';
import { DEFAULT_TOKEN_LIFETIME_HOURS, issueToken, TokenLifetimeError, TokenVerifier } from '../auth/tokens.js';
import { parseConfig } from '../config/config.js';
import { UnauthenticatedError } from '../errors/domain-errors.js';

const SECRET = 'a-test-signing-secret-that-is-long-enough';
const OTHER_SECRET = 'another-signing-secret-that-is-long-enough';
const config = parseConfig({ NODE_ENV: 'test', AUTH_SIGNING_KEYS: `k1=${SECRET},k2=${OTHER_SECRET}` });
const verifier = new TokenVerifier(config.auth);
const ORG = randomUUID();
const encoder = new TextEncoder();

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

interface Signing {
  claims?: Record<string, unknown>;
  alg?: string;
  kid?: string | null;
  secret?: string;
  issuer?: string;
  audience?: string;
  /** A jose time span or epoch seconds; null leaves `exp` out. */
  exp?: string | number | null;
  /** Epoch seconds; null leaves `iat` out; absent is now. */
  iat?: number | null;
  subject?: string | null;
}

/** A token signed by hand, valid unless one option says otherwise. */
function sign(options: Signing = {}): Promise<string> {
  const header: { alg: string; typ: string; kid?: string } = { alg: options.alg ?? 'HS256', typ: 'JWT' };
  if (options.kid !== null) header.kid = options.kid ?? 'k1';
  let jwt = new SignJWT(options.claims ?? { role: 'ORG_EDITOR', org: ORG })
    .setProtectedHeader(header)
    .setIssuer(options.issuer ?? config.auth.issuer)
    .setAudience(options.audience ?? config.auth.audience);
  if (options.iat !== null) jwt = jwt.setIssuedAt(options.iat);
  if (options.subject !== null) jwt = jwt.setSubject(options.subject ?? 'user-1');
  if (options.exp !== null) jwt = jwt.setExpirationTime(options.exp ?? '1h');
  return jwt.sign(encoder.encode(options.secret ?? SECRET));
}

async function refusal(token: string): Promise<UnauthenticatedError> {
  const error = await verifier.verify(token).then(
    (principal) => {
      throw new Error(`token was accepted as ${JSON.stringify(principal)}`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect((error as UnauthenticatedError).code).toBe('UNAUTHENTICATED');
  return error as UnauthenticatedError;
}

describe('issueToken and TokenVerifier', () => {
  it('round-trips an issued token into the principal with role and organisation', async () => {
    const token = await issueToken(config.auth, { subject: 'kari', role: 'SHELTER_STAFF', organisationId: ORG });
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', kid: 'k1', typ: 'JWT' });
    expect(await verifier.verify(token)).toEqual({ kind: 'user', subject: 'kari', role: 'SHELTER_STAFF', organisationId: ORG, bydelCode: undefined });
  });

  it('carries the bydel of a bydel integrator', async () => {
    const token = await issueToken(config.auth, { subject: 'bydel-gamle-oslo', role: 'BYDEL_INTEGRATOR', bydelCode: '030101' });
    expect(await verifier.principalFromHeader(`Bearer ${token}`)).toEqual({
      kind: 'user',
      subject: 'bydel-gamle-oslo',
      role: 'BYDEL_INTEGRATOR',
      organisationId: undefined,
      bydelCode: '030101',
    });
  });

  it("carries the token's email claim, where notifications go; a claim that is not an address is left out, the token stays valid", async () => {
    const token = await issueToken(config.auth, { subject: 'kari', role: 'SHELTER_STAFF', organisationId: ORG, email: 'kari@krisesenter.test' });
    expect(await verifier.verify(token)).toMatchObject({ subject: 'kari', email: 'kari@krisesenter.test' });
    const odd = await verifier.verify(await sign({ claims: { role: 'SHELTER_STAFF', org: ORG, email: 'not an address' } }));
    expect(odd).toMatchObject({ kind: 'user', role: 'SHELTER_STAFF' });
    expect(odd).not.toHaveProperty('email');
  });

  it('accepts a token signed with any configured key (rotation)', async () => {
    const principal = await verifier.verify(await sign({ kid: 'k2', secret: OTHER_SECRET }));
    expect(principal).toMatchObject({ kind: 'user', subject: 'user-1', role: 'ORG_EDITOR', organisationId: ORG });
  });

  it('accepts the header scheme in any case and returns a frozen principal', async () => {
    const principal = await verifier.principalFromHeader(`bearer ${await sign({ claims: { role: 'PLATFORM_ADMIN' } })}`);
    expect(principal).toMatchObject({ kind: 'user', role: 'PLATFORM_ADMIN' });
    expect(Object.isFrozen(principal)).toBe(true);
  });

  it('refuses an unsigned alg:none token', async () => {
    const header = base64url({ alg: 'none', typ: 'JWT', kid: 'k1' });
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url({ sub: 'attacker', role: 'PLATFORM_ADMIN', iss: config.auth.issuer, aud: config.auth.audience, iat: now, exp: now + 3600 });
    await refusal(`${header}.${payload}.`);
    await expect(verifier.principalFromHeader(`Bearer ${header}.${payload}.`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses an alg:none token with the development kid under the development key', async () => {
    const devVerifier = new TokenVerifier(parseConfig({ NODE_ENV: 'test' }).auth);
    const header = base64url({ alg: 'none', typ: 'JWT', kid: 'dev' });
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url({ sub: 'attacker', role: 'PLATFORM_ADMIN', iss: 'samspill', aud: 'samspill-api', exp: now + 3600 });
    await expect(devVerifier.verify(`${header}.${payload}.`)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a token signed with an unknown kid', async () => {
    const error = await refusal(await sign({ kid: 'k3' }));
    expect(error.message).toMatch(/unknown key/);
  });

  it('refuses a token without a kid', async () => {
    await refusal(await sign({ kid: null }));
  });

  it('refuses a token with a known kid but another secret', async () => {
    await refusal(await sign({ kid: 'k1', secret: OTHER_SECRET }));
    await refusal(await sign({ kid: 'k1', secret: 'a-secret-nobody-configured-anywhere-at-all' }));
  });

  it('refuses a token whose signature was tampered with', async () => {
    const [header, , signature] = (await sign()).split('.');
    const now = Math.floor(Date.now() / 1000);
    const forged = base64url({ sub: 'user-1', role: 'PLATFORM_ADMIN', iss: config.auth.issuer, aud: config.auth.audience, exp: now + 3600 });
    await refusal(`${header}.${forged}.${signature}`);
  });

  it('refuses a token for another issuer', async () => {
    await refusal(await sign({ issuer: 'someone-else' }));
  });

  it('refuses a token for another audience', async () => {
    await refusal(await sign({ audience: 'another-api' }));
  });

  it('refuses an expired token', async () => {
    const error = await refusal(await sign({ exp: Math.floor(Date.now() / 1000) - 120 }));
    expect(error.message).toMatch(/expired/);
  });

  it('refuses a token without exp', async () => {
    await refusal(await sign({ exp: null }));
  });

  it('refuses a token without iat, whose lifetime cannot be told', async () => {
    await refusal(await sign({ iat: null }));
  });

  describe('maximum lifetime (AUTH_MAX_TOKEN_LIFETIME_HOURS, default 12)', () => {
    const now = Math.floor(Date.now() / 1000);
    const maxSeconds = 12 * 3600;

    it('accepts a token that lives exactly the maximum', async () => {
      expect(config.auth.maxTokenLifetimeSeconds).toBe(maxSeconds);
      await expect(verifier.verify(await sign({ iat: now, exp: now + maxSeconds }))).resolves.toMatchObject({ subject: 'user-1' });
    });

    it('refuses a token that lives one second longer, though it has not expired', async () => {
      const error = await refusal(await sign({ iat: now, exp: now + maxSeconds + 1 }));
      expect(error.message).toBe('Token lifetime is longer than the allowed 12 hours');
    });

    it('refuses a year-long token issued an hour ago', async () => {
      await refusal(await sign({ iat: now - 3600, exp: now - 3600 + 365 * 24 * 3600 }));
    });

    it('uses the configured maximum', async () => {
      const strict = new TokenVerifier(parseConfig({ AUTH_SIGNING_KEYS: `k1=${SECRET}`, AUTH_MAX_TOKEN_LIFETIME_HOURS: '1' }).auth);
      await expect(strict.verify(await sign({ iat: now, exp: now + 3600 }))).resolves.toMatchObject({ subject: 'user-1' });
      await expect(strict.verify(await sign({ iat: now, exp: now + 3601 }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('issues tokens of DEFAULT_TOKEN_LIFETIME_HOURS, and none longer than the maximum', async () => {
      const token = await issueToken(config.auth, { subject: 'kari', role: 'PLATFORM_ADMIN' });
      const { iat, exp } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
      expect(exp - iat).toBe(DEFAULT_TOKEN_LIFETIME_HOURS * 3600);
      await expect(issueToken(config.auth, { subject: 'kari', role: 'PLATFORM_ADMIN', lifetimeHours: 13 })).rejects.toThrow(TokenLifetimeError);
      await expect(issueToken(config.auth, { subject: 'kari', role: 'PLATFORM_ADMIN', lifetimeHours: 0 })).rejects.toThrow(TokenLifetimeError);
    });
  });

  it('refuses a token without sub', async () => {
    await refusal(await sign({ subject: null }));
  });

  it('refuses an HS512 token even when signed with a configured secret', async () => {
    await refusal(await sign({ alg: 'HS512' }));
  });

  it.each([
    ['ORG_EDITOR without org', { role: 'ORG_EDITOR' }],
    ['SHELTER_STAFF without org', { role: 'SHELTER_STAFF' }],
    ['an unknown role', { role: 'SUPERUSER', org: ORG }],
    ['no role', { org: ORG }],
    ['an org that is not a uuid', { role: 'ORG_EDITOR', org: 'org-1' }],
    ['a bydel that is not an Oslo code', { role: 'BYDEL_INTEGRATOR', bydel: '4601' }],
  ])('refuses a validly signed token with %s', async (_label, claims) => {
    const error = await refusal(await sign({ claims }));
    expect(error.message).toMatch(/claims/);
  });

  it('treats a missing or empty Authorization header as anonymous', async () => {
    expect(await verifier.principalFromHeader(undefined)).toBe(ANONYMOUS);
    expect(await verifier.principalFromHeader('')).toBe(ANONYMOUS);
  });

  it.each(['Basic x', 'Bearer', 'Bearer ', 'Token abc', 'Bearer a b'])('refuses the malformed header %j', async (header) => {
    const error = await verifier.principalFromHeader(header).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnauthenticatedError);
    expect((error as UnauthenticatedError).message).toMatch(/Malformed Authorization header/);
  });

  it('refuses a header carrying garbage instead of a token', async () => {
    await expect(verifier.principalFromHeader('Bearer not-a-jwt')).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
