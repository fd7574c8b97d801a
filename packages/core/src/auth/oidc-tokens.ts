import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, type JWTPayload, jwtVerify } from 'jose';

import { UnauthenticatedError } from '../errors/domain-errors.js';

/** Asymmetric algorithms an OpenID Connect issuer may sign with; anything else is refused. */
export const OIDC_ALGORITHMS = ['RS256', 'ES256'] as const;

/** The names of the issuer's claims that carry Samspill's role, organisation and bydel. */
export interface OidcClaimNames {
  readonly role: string;
  readonly org: string;
  readonly bydel: string;
}

export const DEFAULT_OIDC_CLAIMS: OidcClaimNames = { role: 'role', org: 'org', bydel: 'bydel' };

/**
 * An issuer token's payload in Samspill's claim names (`sub`, `role`, `org`, `bydel`), for the
 * usual checks. A role may come as an array of exactly one (Entra ID's app `roles`); several roles
 * are refused later, as no role at all is: which one would be meant is not for the platform to guess.
 */
export function samspillClaims(payload: JWTPayload, names: OidcClaimNames = DEFAULT_OIDC_CLAIMS): Record<string, unknown> {
  const role = payload[names.role];
  return {
    sub: payload.sub,
    role: Array.isArray(role) && role.length === 1 ? role[0] : role,
    org: payload[names.org],
    bydel: payload[names.bydel],
    email: payload.email,
  };
}

/**
 * True for an OpenID Connect ID token: it carries a `nonce`, `at_hash` or `c_hash` (claims of ID
 * tokens only), or its audience is the web app's client id alone. An ID token says who signed in to
 * the app; it is not a grant to call the API, and is never accepted as one.
 */
export function looksLikeIdToken(payload: JWTPayload, clientId?: string): boolean {
  if (payload.nonce !== undefined || payload.at_hash !== undefined || payload.c_hash !== undefined) return true;
  const audience = Array.isArray(payload.aud) ? payload.aud : payload.aud === undefined ? [] : [payload.aud];
  return clientId !== undefined && audience.length === 1 && audience[0] === clientId;
}

export interface OidcVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** The issuer's key set; unset: the `jwks_uri` of its discovery document. */
  readonly jwksUrl?: string;
  /** In production the discovered `jwks_uri` must be https (or on this machine), as the issuer must. */
  readonly requireHttps?: boolean;
  /** The web app's client id (ID tokens for the app are refused; see looksLikeIdToken). */
  readonly clientId?: string;
  /** How long a fetched key set is trusted before it is fetched again (default 10 minutes). */
  readonly cacheMaxAgeMs?: number;
  /** The shortest time between two fetches caused by an unknown `kid` (default 30 s): a flood of forged kids cannot hammer the issuer. */
  readonly cooldownMs?: number;
}

type KeySet = ReturnType<typeof createRemoteJWKSet>;

/**
 * Verifies access tokens of one OpenID Connect issuer (the municipality's Entra ID / ID-porten,
 * or the development issuer) by its published keys. jose's remote key set caches the keys and,
 * when a token names a `kid` it does not hold, fetches the set again: the issuer can rotate its
 * keys without a restart here.
 */
export class OidcTokenVerifier {
  private keySet?: Promise<KeySet>;

  constructor(private readonly options: OidcVerifierOptions) {}

  /** True when the (unverified) token names this issuer: then only this verifier may accept it. */
  static claimsIssuer(token: string, issuer: string): boolean {
    try {
      return decodeJwt(token).iss === issuer;
    } catch {
      return false;
    }
  }

  /** True when the (unverified) token says it is signed with RS256 or ES256. */
  static isAsymmetric(token: string): boolean {
    try {
      return (OIDC_ALGORITHMS as readonly string[]).includes(decodeProtectedHeader(token).alg ?? '');
    } catch {
      return false;
    }
  }

  /** The verified payload; a bad token, an unknown key, another issuer or audience is refused. */
  async verify(token: string): Promise<JWTPayload> {
    const keySet = await this.keys();
    let verified: JWTPayload;
    try {
      const { payload } = await jwtVerify(token, keySet, {
        algorithms: [...OIDC_ALGORITHMS],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'sub'],
      });
      verified = payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new UnauthenticatedError('Token has expired');
      if (error instanceof joseErrors.JWKSNoMatchingKey) throw new UnauthenticatedError('Token signed with an unknown key');
      throw new UnauthenticatedError('Invalid token');
    }
    if (looksLikeIdToken(verified, this.options.clientId)) throw new UnauthenticatedError('An ID token is not an access token: send the access token');
    return verified;
  }

  private keys(): Promise<KeySet> {
    this.keySet ??= this.resolveJwksUrl().then(
      (url) => createRemoteJWKSet(new URL(url), { cacheMaxAge: this.options.cacheMaxAgeMs ?? 600_000, cooldownDuration: this.options.cooldownMs ?? 30_000 }),
      (error: unknown) => {
        // Not kept: the next request tries the issuer again.
        this.keySet = undefined;
        throw error;
      },
    );
    return this.keySet;
  }

  private async resolveJwksUrl(): Promise<string> {
    if (this.options.jwksUrl) return this.options.jwksUrl;
    const discovery = `${this.options.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let jwksUri: unknown;
    try {
      const response = await fetch(discovery, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      jwksUri = ((await response.json()) as { jwks_uri?: unknown }).jwks_uri;
    } catch (error) {
      throw new UnauthenticatedError(`The token issuer cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    if (typeof jwksUri !== 'string') throw new UnauthenticatedError('The token issuer publishes no jwks_uri');
    // Whoever can change the keys in transit can sign tokens for any role: the discovered key set
    // is held to the rule the configured one is held to (config.ts, productionProblems).
    if (this.options.requireHttps && !isHttpsOrLoopback(jwksUri)) {
      throw new UnauthenticatedError('The token issuer publishes its keys (jwks_uri) over plain http: refused in production');
    }
    return jwksUri;
  }
}

function isHttpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}
