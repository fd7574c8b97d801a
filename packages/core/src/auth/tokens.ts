import { randomUUID } from 'node:crypto';

import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey, SignJWT } from 'jose';
import { z } from 'zod';

import type { Config } from '../config/config.js';
import { UnauthenticatedError } from '../errors/domain-errors.js';
import { OidcTokenVerifier, samspillClaims } from './oidc-tokens.js';
import { ANONYMOUS, type Principal, type Role, ROLES } from './principal.js';

const ALGORITHM = 'HS256';
const encoder = new TextEncoder();

/**
 * How long a development token lasts (start command, `pnpm token`), unless asked otherwise: a
 * working day. Every text that names the lifetime uses this number.
 */
export const DEFAULT_TOKEN_LIFETIME_HOURS = 8;

/** Why a token's lifetime is not acceptable, or undefined when it is. */
function lifetimeProblem(payload: { iat?: unknown; exp?: unknown }, maxSeconds: number): string | undefined {
  const { iat, exp } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') return 'Token must carry iat and exp';
  if (exp - iat > maxSeconds) return `Token lifetime is longer than the allowed ${maxSeconds / 3600} hours`;
  return undefined;
}

export const claimsSchema = z
  .object({
    sub: z.string().min(1),
    role: z.enum(ROLES),
    org: z.string().uuid().optional(),
    bydel: z
      .string()
      .regex(/^0301\d{2}$/)
      .optional(),
    // Only where notifications go: a token whose e-mail is not a valid address is still a valid token, without it.
    email: z.string().max(320).email().optional().catch(undefined),
  })
  .superRefine((c, ctx) => {
    const scoped = c.role === 'SHELTER_STAFF' || c.role === 'ORG_EDITOR';
    if (scoped && !c.org) ctx.addIssue({ code: 'custom', message: `${c.role} tokens need an org claim` });
    // An organisation scope on any other role would quietly widen what it sees.
    if (!scoped && c.org) ctx.addIssue({ code: 'custom', message: `${c.role} tokens must not carry an org claim` });
    if (c.role !== 'BYDEL_INTEGRATOR' && c.bydel) ctx.addIssue({ code: 'custom', message: `${c.role} tokens must not carry a bydel claim` });
  });

/**
 * Verifies bearer tokens: HS256 only, known `kid`, signature, expiry, issuer, audience, and a
 * lifetime (`exp - iat`) no longer than the configured maximum, so that a leaked long-lived token
 * cannot be used for months; and, when an OpenID Connect issuer is configured, RS256/ES256 tokens
 * of that issuer by its JWKS (with the same lifetime check).
 */
export class TokenVerifier {
  private readonly keys = new Map<string, Uint8Array>();
  private readonly oidc?: OidcTokenVerifier;

  constructor(
    private readonly auth: Config['auth'],
    oidcOptions: { cacheMaxAgeMs?: number; cooldownMs?: number } = {},
  ) {
    for (const [kid, secret] of auth.signingKeys) this.keys.set(kid, encoder.encode(secret));
    if (auth.oidc) this.oidc = new OidcTokenVerifier({ ...auth.oidc, audience: auth.audience, ...oidcOptions });
  }

  /** Reads the `Authorization` header: no header is anonymous, a bad token is refused. */
  async principalFromHeader(header: string | undefined): Promise<Principal> {
    if (header === undefined || header === '') return ANONYMOUS;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthenticatedError('Malformed Authorization header: expected "Bearer <token>"');
    return this.verify(match[1]!);
  }

  async verify(token: string): Promise<Principal> {
    // A token of the OIDC issuer goes to its verifier only, whatever its header says: an HS256
    // token naming that issuer is refused there (it accepts RS256/ES256 only).
    if (this.oidc && (OidcTokenVerifier.isAsymmetric(token) || OidcTokenVerifier.claimsIssuer(token, this.auth.oidc!.issuer))) {
      const verified = await this.oidc.verify(token);
      const tooLong = lifetimeProblem(verified, this.auth.maxTokenLifetimeSeconds);
      if (tooLong) throw new UnauthenticatedError(tooLong);
      return principalFromClaims(samspillClaims(verified, this.auth.oidc!.claims));
    }
    const getKey: JWTVerifyGetKey = (header) => {
      const key = header.kid === undefined ? undefined : this.keys.get(header.kid);
      if (!key) throw new UnauthenticatedError('Token signed with an unknown key');
      return key;
    };
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: [ALGORITHM],
        issuer: this.auth.issuer,
        audience: this.auth.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Token has expired');
      throw new UnauthenticatedError('Invalid token');
    }
    const tooLong = lifetimeProblem(payload as { iat?: unknown; exp?: unknown }, this.auth.maxTokenLifetimeSeconds);
    if (tooLong) throw new UnauthenticatedError(tooLong);
    return principalFromClaims(payload);
  }
}

/** The principal a verified token's claims describe; claims Samspill cannot use are refused. */
export function principalFromClaims(payload: unknown): Principal {
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) throw new UnauthenticatedError('Token claims are not valid for Samspill');
  const { sub, role, org, bydel, email } = claims.data;
  return Object.freeze({ kind: 'user', subject: sub, role, organisationId: org, bydelCode: bydel, ...(email ? { email } : {}) });
}

export interface TokenRequest {
  subject: string;
  role: Role;
  organisationId?: string;
  bydelCode?: string;
  /** The `email` claim (where notifications about what this person sent go). */
  email?: string;
  /** Lifetime in hours; DEFAULT_TOKEN_LIFETIME_HOURS when absent. */
  lifetimeHours?: number;
}

/** A token that the verifier would refuse for its lifetime is not issued. */
export class TokenLifetimeError extends Error {}

/** Signs a token with the first configured key. For development tokens and tests. */
export async function issueToken(auth: Config['auth'], request: TokenRequest): Promise<string> {
  const [kid, secret] = [...auth.signingKeys][0]!;
  const lifetimeSeconds = Math.round((request.lifetimeHours ?? DEFAULT_TOKEN_LIFETIME_HOURS) * 3600);
  if (!(lifetimeSeconds > 0) || lifetimeSeconds > auth.maxTokenLifetimeSeconds) {
    throw new TokenLifetimeError(
      `A token lifetime must be more than 0 and at most ${auth.maxTokenLifetimeSeconds / 3600} hours (AUTH_MAX_TOKEN_LIFETIME_HOURS)`,
    );
  }
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims: Record<string, string> = { role: request.role };
  if (request.organisationId) claims.org = request.organisationId;
  if (request.bydelCode) claims.bydel = request.bydelCode;
  if (request.email) claims.email = request.email;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid, typ: 'JWT' })
    .setSubject(request.subject)
    .setIssuer(auth.issuer)
    .setAudience(auth.audience)
    .setIssuedAt(issuedAt)
    .setJti(randomUUID())
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(encoder.encode(secret));
}
