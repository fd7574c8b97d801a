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

/** A subgraph's name in the supergraph: what `@join__graph` and the gateway's logs call it. */
const SUBGRAPH_NAME = /^[a-z][a-z0-9_]{0,39}$/;

const subgraphEntry = z.object({
  name: z.string().regex(SUBGRAPH_NAME, 'a subgraph name is a lowercase letter, then up to 39 lowercase letters, digits or _'),
  url: z.string().refine((url) => {
    try {
      return /^https?:$/.test(new URL(url).protocol);
    } catch {
      return false;
    }
  }, 'is not an http:// or https:// URL'),
});

/**
 * GATEWAY_SUBGRAPHS: which subgraphs the gateway composes and where it reaches them. Either a JSON
 * list (`[{"name":"directory","url":"http://directory:4001/graphql"}, …]`) or comma-separated
 * `name=url` pairs. Each name once.
 */
const gatewaySubgraphs = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    let entries: unknown;
    if (value.trim().startsWith('[')) {
      try {
        entries = JSON.parse(value);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON (expected a list of {"name","url"} or name=url,name=url)' });
        return z.NEVER;
      }
    } else {
      entries = value.split(',').map((pair) => {
        const separator = pair.indexOf('=');
        return separator > 0 ? { name: pair.slice(0, separator).trim(), url: pair.slice(separator + 1).trim() } : { name: pair.trim(), url: '' };
      });
    }
    const parsed = z.array(subgraphEntry).min(1, 'lists no subgraph').safeParse(entries);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [index, key] = issue.path;
        const entry = typeof index === 'number' ? (entries as Array<{ name?: unknown }>)[index] : undefined;
        const which =
          typeof index === 'number' ? `subgraph ${index + 1}${typeof entry?.name === 'string' && entry.name ? ` (${entry.name})` : ''}` : 'the list';
        ctx.addIssue({ code: 'custom', message: `${which}${key ? ` ${String(key)}` : ''}: ${issue.message}` });
      }
      return z.NEVER;
    }
    const seen = new Set<string>();
    for (const { name } of parsed.data) {
      if (seen.has(name)) ctx.addIssue({ code: 'custom', message: `subgraph ${name} is listed twice` });
      seen.add(name);
    }
    return parsed.data;
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
  GATEWAY_SUBGRAPHS: gatewaySubgraphs.optional(),
  GATEWAY_SUPERGRAPH_FILE: z.string().min(1).optional(),
  GATEWAY_SHARED_SECRET: z.string().min(16).optional(),
  REFERRAL_ANSWER_DAYS: positiveInt.default(14),
  REFERRAL_RETENTION_DAYS: positiveInt.default(180),
  REFERRAL_JOB_INTERVAL_SECONDS: positiveInt.default(300),
  REFERRAL_STATISTICS_FINAL_AFTER_DAYS: z.coerce.number().int().min(0).max(366).default(7),
  OFFER_DUE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  OFFER_STALE_AFTER_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  VOLUNTEER_ROUTINE_VALID_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
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
  SMTP_URL: z
    .string()
    .url()
    .refine((value) => /^smtps?:\/\//.test(value), 'expected smtp://… or smtps://…')
    .optional(),
  NOTIFY_FROM: z.string().min(3).default('Samspill <ikke-svar@samspill.invalid>'),
  NOTIFICATIONS_ENABLED: bool.optional(),
  NOTIFICATIONS_INTERVAL_SECONDS: positiveInt.default(30),
  NOTIFICATIONS_MAX_ATTEMPTS: positiveInt.default(8),
  WEBHOOK_SIGNING_SECRET: z.string().min(MIN_SECRET_LENGTH).optional(),
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
    /** Where the referrals subgraph looks offers up in the directory (as the caller). */
    readonly directoryUrl: string;
    /**
     * The subgraphs the gateway composes, by name, and where it reaches them (GATEWAY_SUBGRAPHS);
     * by default the directory and referrals. The served supergraph must list the same names.
     */
    readonly subgraphs: ReadonlyArray<SubgraphEndpoint>;
    /** The supergraph SDL the gateway serves (GATEWAY_SUPERGRAPH_FILE); unset: the committed `schema/supergraph.graphql`. */
    readonly supergraphFile?: string;
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
  /** How long the directory's facts stay true. */
  readonly freshness: {
    /** An offer not confirmed for this many days is DUE for re-verification (its editors are reminded). */
    readonly offerDueAfterDays: number;
    /** … and STALE after this many: left out of anonymous lists and search, flagged for signed-in callers. */
    readonly offerStaleAfterDays: number;
    /** How long a volunteer-routine confirmation holds unless it says otherwise (validUntil). */
    readonly volunteerRoutineValidDays: number;
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
  readonly notifications: {
    /**
     * Whether this process runs the outbox worker. Default: on. In production it needs `SMTP_URL`,
     * or an explicit `NOTIFICATIONS_ENABLED=false` (the outbox then fills and waits).
     */
    readonly enabled: boolean;
    /** Where e-mail goes out (`smtp://user:password@host:587`, `smtps://…:465`); unset in development: the embedded server. */
    readonly smtpUrl?: string;
    /** The From of every message, e.g. `Samspill <ikke-svar@samspill.oslo.kommune.no>`. */
    readonly from: string;
    readonly intervalSeconds: number;
    readonly maxAttempts: number;
    /**
     * The platform's webhook key, from which each organisation's webhook secret is derived (never
     * stored). Unset: webhooks are off.
     */
    readonly webhookSigningSecret?: string;
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

export interface SubgraphEndpoint {
  readonly name: string;
  readonly url: string;
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
  if (Number(env.OFFER_STALE_AFTER_DAYS ?? 180) <= Number(env.OFFER_DUE_AFTER_DAYS ?? 90)) {
    problems.push('OFFER_STALE_AFTER_DAYS: must be more than OFFER_DUE_AFTER_DAYS (an offer is due for re-verification before it is stale)');
  }
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
  const directoryUrl = e.DIRECTORY_URL ?? `http://${e.HOST}:${e.DIRECTORY_PORT}/graphql`;
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
      directoryUrl,
      subgraphs: Object.freeze(
        e.GATEWAY_SUBGRAPHS ?? [
          { name: 'directory', url: directoryUrl },
          { name: 'referrals', url: `http://${e.HOST}:${e.REFERRALS_PORT}/graphql` },
        ],
      ),
      supergraphFile: e.GATEWAY_SUPERGRAPH_FILE,
      gatewaySharedSecret: e.GATEWAY_SHARED_SECRET,
    },
    referrals: {
      answerDays: e.REFERRAL_ANSWER_DAYS,
      retentionDays: e.REFERRAL_RETENTION_DAYS,
      jobIntervalSeconds: e.REFERRAL_JOB_INTERVAL_SECONDS,
      statisticsFinalAfterDays: e.REFERRAL_STATISTICS_FINAL_AFTER_DAYS,
    },
    freshness: {
      offerDueAfterDays: e.OFFER_DUE_AFTER_DAYS,
      offerStaleAfterDays: e.OFFER_STALE_AFTER_DAYS,
      volunteerRoutineValidDays: e.VOLUNTEER_ROUTINE_VALID_DAYS,
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
    notifications: {
      enabled: e.NOTIFICATIONS_ENABLED ?? true,
      smtpUrl: e.SMTP_URL,
      from: e.NOTIFY_FROM,
      intervalSeconds: e.NOTIFICATIONS_INTERVAL_SECONDS,
      maxAttempts: e.NOTIFICATIONS_MAX_ATTEMPTS,
      webhookSigningSecret: e.WEBHOOK_SIGNING_SECRET,
    },
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
 * For a production entry point that runs the notification worker: it sends through `SMTP_URL`,
 * and never starts silently without it: either the URL is set or notifications are switched off
 * explicitly (`NOTIFICATIONS_ENABLED=false`).
 */
export function assertNotifiable(config: Config): void {
  if (config.notifications.enabled && !config.notifications.smtpUrl) {
    throw new ConfigError(['SMTP_URL: is required to send notifications (smtp://user:password@host:587); set NOTIFICATIONS_ENABLED=false to run without them']);
  }
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
