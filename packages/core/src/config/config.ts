import { z } from 'zod';

/**
 * Every setting Samspill reads from the environment, parsed once. Nothing else in the code base
 * reads `process.env`; `.env.example` at the repository root documents each variable.
 */
const DEVELOPMENT_SIGNING_KEY = 'dev=samspill-development-signing-key-not-for-production';

/**
 * The key of the Idempotency-Key digests when IDEMPOTENCY_SECRET is unset: fixed (not random per
 * process), so that several development instances agree; public, so never in production.
 */
const DEVELOPMENT_IDEMPOTENCY_SECRET = 'samspill-development-idempotency-secret-not-for-production';

/** Signing secrets and the gateway secret: shorter ones can be guessed. */
const MIN_SECRET_LENGTH = 32;

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const signingKeys = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const keys = new Map<string, string>();
    for (const pair of value.split(',')) {
      const separator = pair.indexOf('=');
      const kid = pair.slice(0, separator).trim();
      const secret = pair.slice(separator + 1).trim();
      if (separator <= 0 || !kid || !secret) {
        ctx.addIssue({ code: 'custom', message: 'expected comma-separated kid=secret pairs' });
        return z.NEVER;
      }
      keys.set(kid, secret);
    }
    return keys;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  EMBEDDED_POSTGRES_PORT: port.default(54329),
  EMBEDDED_POSTGRES_DIR: z.string().min(1).default('.data/postgres'),
  HOST: z.string().min(1).default('127.0.0.1'),
  DIRECTORY_PORT: port.default(4001),
  REFERRALS_PORT: port.default(4002),
  GATEWAY_PORT: port.default(4000),
  DIRECTORY_URL: z.string().url().optional(),
  REFERRALS_URL: z.string().url().optional(),
  GATEWAY_SHARED_SECRET: z.string().min(16).optional(),
  REFERRAL_ANSWER_DAYS: positiveInt.default(14),
  REFERRAL_RETENTION_DAYS: positiveInt.default(180),
  REFERRAL_JOB_INTERVAL_SECONDS: positiveInt.default(300),
  REFERRAL_STATISTICS_FINAL_AFTER_DAYS: z.coerce.number().int().min(0).max(366).default(7),
  AUTH_ISSUER: z.string().min(1).default('samspill'),
  AUTH_AUDIENCE: z.string().min(1).default('samspill-api'),
  AUTH_SIGNING_KEYS: signingKeys.optional(),
  AUTH_OIDC_ISSUER: z.string().url().optional(),
  AUTH_OIDC_JWKS_URL: z.string().url().optional(),
  AUTH_OIDC_ROLE_CLAIM: z.string().min(1).default('role'),
  AUTH_OIDC_ORG_CLAIM: z.string().min(1).default('org'),
  AUTH_OIDC_BYDEL_CLAIM: z.string().min(1).default('bydel'),
  DEV_OIDC_PORT: port.default(4300),
  WEB_PORT: port.default(4100),
  WEB_PUBLIC_URL: z.string().url().optional(),
  WEB_GATEWAY_URL: z.string().url().optional(),
  WEB_STATIC_DIR: z.string().min(1).optional(),
  WEB_OIDC_ISSUER: z.string().url().optional(),
  WEB_OIDC_CLIENT_ID: z.string().min(1).default('samspill-web'),
  WEB_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  WEB_OIDC_SCOPE: z.string().min(1).default('openid profile'),
  WEB_SESSION_IDLE_MINUTES: positiveInt.default(30),
  WEB_SESSION_MAX_HOURS: positiveInt.default(12),
  WEB_SESSION_SECRET: z.string().min(MIN_SECRET_LENGTH).optional(),
  IDEMPOTENCY_SECRET: z.string().min(1).optional(),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_MAX_DEPTH: positiveInt.default(10),
  GRAPHQL_MAX_ALIASES: positiveInt.default(15),
  GRAPHQL_MAX_TOKENS: positiveInt.default(3000),
  GRAPHQL_MAX_COST: positiveInt.default(20000),
  GRAPHQL_MAX_DIRECTIVES: positiveInt.default(20),
  HTTP_MAX_BODY_BYTES: positiveInt.default(100_000),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().nonnegative().default(10),
  AUTH_MAX_TOKEN_LIFETIME_HOURS: z.coerce.number().positive().default(12),
});

/** Every environment variable the configuration reads (documented in `.env.example`). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);

export interface Config {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly logLevel: string;
  readonly database: {
    /** An external PostgreSQL; when absent an embedded one is started. */
    readonly url?: string;
    readonly embeddedPort: number;
    readonly embeddedDir: string;
  };
  readonly http: {
    readonly host: string;
    readonly directoryPort: number;
    readonly referralsPort: number;
    readonly gatewayPort: number;
    readonly maxBodyBytes: number;
    /**
     * On SIGTERM/SIGINT a process stops accepting connections and lets the requests it has finish
     * for at most this long; then it closes what is left and exits.
     */
    readonly shutdownGraceMs: number;
  };
  readonly federation: {
    /** Where the gateway (and the referrals subgraph, for offer look-ups) reach the directory. */
    readonly directoryUrl: string;
    readonly referralsUrl: string;
    /**
     * Shared between the gateway and the subgraphs: when set, a subgraph refuses every request
     * that does not carry it, so the subgraphs are reachable only through the gateway.
     */
    readonly gatewaySharedSecret?: string;
  };
  readonly referrals: {
    /** Days a receiving organisation has to answer before a referral expires. */
    readonly answerDays: number;
    /** Days before a referral's personal fields are erased: after it closed, after its consent expired, or after a draft was last touched. */
    readonly retentionDays: number;
    readonly jobIntervalSeconds: number;
    /**
     * Days after a month ends before its statistics are final and published. The figures are
     * those of that moment and never change afterwards (changing this setting changes them).
     */
    readonly statisticsFinalAfterDays: number;
  };
  readonly auth: {
    readonly issuer: string;
    readonly audience: string;
    /** Signing secrets by key id (`kid`); tokens naming another key are refused. */
    readonly signingKeys: ReadonlyMap<string, string>;
    /** True when the built-in development key is in use (never in production). */
    readonly usingDevelopmentKey: boolean;
    /** Tokens whose `exp - iat` is longer than this are refused, as are tokens without either claim. */
    readonly maxTokenLifetimeSeconds: number;
    /**
     * An OpenID Connect issuer whose access tokens are accepted beside the HS256 keys: RS256 or
     * ES256, verified with the issuer's published keys (JWKS), issuer and audience checked.
     */
    readonly oidc?: {
      readonly issuer: string;
      readonly jwksUrl?: string;
      /** Production: a `jwks_uri` found by discovery must be https (or on this machine), as AUTH_OIDC_ISSUER must. */
      readonly requireHttps?: boolean;
      /** Which of the issuer's claims hold the Samspill role (a string, or an array of one, as Entra ID's `roles`), organisation and bydel. */
      readonly claims: { readonly role: string; readonly org: string; readonly bydel: string };
    };
  };
  readonly web: {
    /** Port of the web server (the app, sign-in, the /graphql proxy, GraphiQL). */
    readonly port: number;
    /** The origin browsers use, e.g. https://samspill.oslo.kommune.no (the OIDC redirect URI is built from it). */
    readonly publicUrl: string;
    /** Where the web server reaches the gateway. */
    readonly gatewayUrl: string;
    /** The built web app (index.html and assets/); unset: packages/web/dist. */
    readonly staticDir?: string;
    readonly oidc: { readonly issuer?: string; readonly clientId: string; readonly clientSecret?: string; readonly scope: string };
    readonly session: { readonly idleMinutes: number; readonly maxHours: number; readonly secret?: string };
    /** Port of the development OpenID Connect issuer (started by the development start only). */
    readonly devIssuerPort: number;
  };
  readonly idempotency: {
    /**
     * The HMAC key of the request digests kept with Idempotency-Keys: never in the database, so
     * that whoever reads the database or a backup cannot confirm a guess about a request.
     */
    readonly secret: string;
    /** True when the built-in development secret is in use (never in production). */
    readonly usingDevelopmentSecret: boolean;
  };
  readonly graphql: {
    readonly introspection: boolean;
    readonly maxDepth: number;
    readonly maxAliases: number;
    readonly maxTokens: number;
    readonly maxCost: number;
    readonly maxDirectives: number;
  };
}

/**
 * Production requirements, checked on the raw environment so that they are reported together
 * with every other problem (a refinement on the schema would be skipped when any field fails).
 */
function productionProblems(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  const keys = env.AUTH_SIGNING_KEYS ? signingKeys.safeParse(env.AUTH_SIGNING_KEYS) : undefined;
  if (!keys) problems.push('AUTH_SIGNING_KEYS: is required in production');
  else if (keys.success && [...keys.data.values()].some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    problems.push(`AUTH_SIGNING_KEYS: each secret needs at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (!env.GATEWAY_SHARED_SECRET || env.GATEWAY_SHARED_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`GATEWAY_SHARED_SECRET: is required in production, at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (!env.DATABASE_URL) problems.push('DATABASE_URL: is required in production (the embedded database is for development)');
  if (!env.IDEMPOTENCY_SECRET || env.IDEMPOTENCY_SECRET.length < MIN_SECRET_LENGTH) {
    problems.push(`IDEMPOTENCY_SECRET: is required in production, at least ${MIN_SECRET_LENGTH} characters`);
  }
  // Whoever can change the issuer's keys in transit can sign tokens for any role: fetch them over https.
  for (const name of ['AUTH_OIDC_ISSUER', 'AUTH_OIDC_JWKS_URL'] as const) {
    if (env[name] && !isHttpsOrLoopback(env[name])) problems.push(`${name}: must be an https URL in production (the issuer's signing keys come from it)`);
  }
  return problems;
}

function isHttpsOrLoopback(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return true; // not a URL at all: zod reports that
  }
}

/** Problems in any environment that zod cannot see field by field. */
function crossFieldProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  // The HS256 keys and the OIDC issuer's keys are told apart by issuer too: one name for both would blur them.
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ISSUER === (env.AUTH_ISSUER ?? 'samspill')) {
    problems.push('AUTH_OIDC_ISSUER: must differ from AUTH_ISSUER (the issuer of the HS256 tokens)');
  }
  if (env.AUTH_OIDC_JWKS_URL && !env.AUTH_OIDC_ISSUER) problems.push('AUTH_OIDC_JWKS_URL: needs AUTH_OIDC_ISSUER');
  // An ID token's audience is the web app's client id: were the API's audience the same, the gateway
  // would take an ID token (proof of a sign-in, meant for the app) as an access token.
  if ((env.AUTH_AUDIENCE ?? 'samspill-api') === (env.WEB_OIDC_CLIENT_ID ?? 'samspill-web')) {
    problems.push('AUTH_AUDIENCE: must differ from WEB_OIDC_CLIENT_ID (an ID token for the web app would pass as an access token)');
  }
  return problems;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; lists every problem at once. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)),
    ...productionProblems(present),
    ...crossFieldProblems(present),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(problems.sort());
  const e = result.data;
  const usingDevelopmentKey = !e.AUTH_SIGNING_KEYS;
  const signingKeysMap = e.AUTH_SIGNING_KEYS ?? signingKeys.parse(DEVELOPMENT_SIGNING_KEY);
  return Object.freeze({
    nodeEnv: e.NODE_ENV,
    logLevel: e.LOG_LEVEL,
    database: { url: e.DATABASE_URL, embeddedPort: e.EMBEDDED_POSTGRES_PORT, embeddedDir: e.EMBEDDED_POSTGRES_DIR },
    http: {
      host: e.HOST,
      directoryPort: e.DIRECTORY_PORT,
      referralsPort: e.REFERRALS_PORT,
      gatewayPort: e.GATEWAY_PORT,
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
      shutdownGraceMs: e.SHUTDOWN_GRACE_SECONDS * 1000,
    },
    federation: {
      directoryUrl: e.DIRECTORY_URL ?? `http://${e.HOST}:${e.DIRECTORY_PORT}/graphql`,
      referralsUrl: e.REFERRALS_URL ?? `http://${e.HOST}:${e.REFERRALS_PORT}/graphql`,
      gatewaySharedSecret: e.GATEWAY_SHARED_SECRET,
    },
    referrals: {
      answerDays: e.REFERRAL_ANSWER_DAYS,
      retentionDays: e.REFERRAL_RETENTION_DAYS,
      jobIntervalSeconds: e.REFERRAL_JOB_INTERVAL_SECONDS,
      statisticsFinalAfterDays: e.REFERRAL_STATISTICS_FINAL_AFTER_DAYS,
    },
    auth: {
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      signingKeys: signingKeysMap,
      usingDevelopmentKey,
      maxTokenLifetimeSeconds: Math.round(e.AUTH_MAX_TOKEN_LIFETIME_HOURS * 3600),
      oidc: e.AUTH_OIDC_ISSUER
        ? {
            issuer: e.AUTH_OIDC_ISSUER,
            jwksUrl: e.AUTH_OIDC_JWKS_URL,
            requireHttps: e.NODE_ENV === 'production',
            claims: { role: e.AUTH_OIDC_ROLE_CLAIM, org: e.AUTH_OIDC_ORG_CLAIM, bydel: e.AUTH_OIDC_BYDEL_CLAIM },
          }
        : undefined,
    },
    web: {
      port: e.WEB_PORT,
      publicUrl: (e.WEB_PUBLIC_URL ?? `http://${e.HOST}:${e.WEB_PORT}`).replace(/\/+$/, ''),
      gatewayUrl: e.WEB_GATEWAY_URL ?? `http://${e.HOST}:${e.GATEWAY_PORT}/graphql`,
      staticDir: e.WEB_STATIC_DIR,
      oidc: { issuer: e.WEB_OIDC_ISSUER, clientId: e.WEB_OIDC_CLIENT_ID, clientSecret: e.WEB_OIDC_CLIENT_SECRET, scope: e.WEB_OIDC_SCOPE },
      session: { idleMinutes: e.WEB_SESSION_IDLE_MINUTES, maxHours: e.WEB_SESSION_MAX_HOURS, secret: e.WEB_SESSION_SECRET },
      devIssuerPort: e.DEV_OIDC_PORT,
    },
    idempotency: { secret: e.IDEMPOTENCY_SECRET ?? DEVELOPMENT_IDEMPOTENCY_SECRET, usingDevelopmentSecret: !e.IDEMPOTENCY_SECRET },
    graphql: {
      introspection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxCost: e.GRAPHQL_MAX_COST,
      maxDirectives: e.GRAPHQL_MAX_DIRECTIVES,
    },
  });
}

let loaded: Config | undefined;

/** The process's configuration, parsed from `process.env` on first use. */
export function loadConfig(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}

/**
 * For the production entry points, whatever NODE_ENV says: they never run on the development
 * signing key (which is in the source code), and subgraphs never without the gateway secret.
 */
export function assertDeployable(config: Config, needs: { database: boolean; gatewaySecret: boolean }): void {
  const problems: string[] = [];
  if (config.auth.usingDevelopmentKey) problems.push('AUTH_SIGNING_KEYS: must be set (the built-in development key is public)');
  else if ([...config.auth.signingKeys.values()].some((secret) => secret.length < MIN_SECRET_LENGTH)) {
    problems.push(`AUTH_SIGNING_KEYS: each secret needs at least ${MIN_SECRET_LENGTH} characters`);
  }
  if (needs.database && !config.database.url) problems.push('DATABASE_URL: is required (the embedded database is for development)');
  if (config.idempotency.usingDevelopmentSecret) problems.push('IDEMPOTENCY_SECRET: must be set (the built-in development secret is public)');
  else if (config.idempotency.secret.length < MIN_SECRET_LENGTH) problems.push(`IDEMPOTENCY_SECRET: needs at least ${MIN_SECRET_LENGTH} characters`);
  const secret = config.federation.gatewaySharedSecret;
  if (needs.gatewaySecret && (!secret || secret.length < MIN_SECRET_LENGTH)) {
    problems.push(`GATEWAY_SHARED_SECRET: is required, at least ${MIN_SECRET_LENGTH} characters, or the subgraphs answer anyone`);
  }
  if (problems.length) throw new ConfigError(problems);
}

/**
 * For the web server's production entry point: a real issuer, its client secret, the session
 * secret (it encrypts the tokens kept server-side) and an https public URL (Secure cookies).
 */
export function assertWebDeployable(config: Config): void {
  const problems: string[] = [];
  if (!config.web.oidc.issuer) problems.push('WEB_OIDC_ISSUER: is required (the OpenID Connect issuer users sign in with)');
  if (!config.web.oidc.clientSecret) problems.push('WEB_OIDC_CLIENT_SECRET: is required');
  if (!config.web.session.secret) problems.push(`WEB_SESSION_SECRET: is required, at least ${MIN_SECRET_LENGTH} characters`);
  if (!config.web.publicUrl.startsWith('https://')) problems.push('WEB_PUBLIC_URL: must be an https:// URL (session cookies are Secure)');
  if (!config.database.url) problems.push('DATABASE_URL: is required (sessions are kept in PostgreSQL)');
  if (problems.length) throw new ConfigError(problems);
}

/** For entry points: parse the configuration or print every problem and exit. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
