import { assertNotifiable, ConfigError, parseConfig } from '../config/config.js';

const STRONG = 'x'.repeat(32);
const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://samspill@db.example.org/samspill',
  AUTH_SIGNING_KEYS: `k1=${STRONG}`,
  GATEWAY_SHARED_SECRET: 'g'.repeat(32),
  IDEMPOTENCY_SECRET: 'i'.repeat(32),
};
/** What production requires beyond the defaults. */
const PRODUCTION_REQUIRED = ['AUTH_SIGNING_KEYS', 'DATABASE_URL', 'GATEWAY_SHARED_SECRET', 'IDEMPOTENCY_SECRET'];

/** The problems parseConfig reports for this environment (fails the test when it accepts it). */
function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe('parseConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.nodeEnv).toBe('development');
    expect(config.logLevel).toBe('info');
    expect(config.database).toEqual({ url: undefined, embeddedPort: 54329, embeddedDir: '.data/postgres' });
    expect(config.http).toMatchObject({ host: '127.0.0.1', directoryPort: 4001, maxBodyBytes: 100_000 });
    expect(config.auth.issuer).toBe('samspill');
    expect(config.auth.audience).toBe('samspill-api');
    expect(config.auth.usingDevelopmentKey).toBe(true);
    expect([...config.auth.signingKeys.keys()]).toEqual(['dev']);
    expect(config.graphql).toEqual({ introspection: true, maxDepth: 10, maxAliases: 15, maxTokens: 3000, maxCost: 20000, maxDirectives: 20 });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads and coerces every variable it is given', () => {
    const config = parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgres://u@localhost:5432/db',
      EMBEDDED_POSTGRES_PORT: '6000',
      HOST: '0.0.0.0',
      DIRECTORY_PORT: '8080',
      AUTH_ISSUER: 'iss',
      AUTH_AUDIENCE: 'aud',
      AUTH_SIGNING_KEYS: 'a=first-secret, b = second=secret ',
      GRAPHQL_INTROSPECTION: '0',
      GRAPHQL_MAX_DEPTH: '7',
      GRAPHQL_MAX_ALIASES: '3',
      GRAPHQL_MAX_TOKENS: '500',
      GRAPHQL_MAX_COST: '99',
      GRAPHQL_MAX_DIRECTIVES: '4',
      HTTP_MAX_BODY_BYTES: '1024',
    });
    expect(config.nodeEnv).toBe('test');
    expect(config.database.url).toBe('postgres://u@localhost:5432/db');
    expect(config.database.embeddedPort).toBe(6000);
    expect(config.http).toMatchObject({ host: '0.0.0.0', directoryPort: 8080, maxBodyBytes: 1024 });
    expect(config.auth.usingDevelopmentKey).toBe(false);
    expect([...config.auth.signingKeys]).toEqual([
      ['a', 'first-secret'],
      ['b', 'second=secret'],
    ]);
    expect(config.graphql).toEqual({ introspection: false, maxDepth: 7, maxAliases: 3, maxTokens: 500, maxCost: 99, maxDirectives: 4 });
  });

  it('publishes referral statistics 7 days after a month ends unless told otherwise; 0 is allowed, a negative number is not', () => {
    expect(parseConfig({}).referrals.statisticsFinalAfterDays).toBe(7);
    expect(parseConfig({ REFERRAL_STATISTICS_FINAL_AFTER_DAYS: '0' }).referrals.statisticsFinalAfterDays).toBe(0);
    expect(parseConfig({ REFERRAL_STATISTICS_FINAL_AFTER_DAYS: '21' }).referrals.statisticsFinalAfterDays).toBe(21);
    for (const bad of ['-1', '2.5', 'a week', '400'])
      expect(problemsOf({ REFERRAL_STATISTICS_FINAL_AFTER_DAYS: bad }).map((p) => p.split(':')[0])).toEqual(['REFERRAL_STATISTICS_FINAL_AFTER_DAYS']);
  });

  it('treats empty variables as unset', () => {
    const config = parseConfig({ NODE_ENV: '', DIRECTORY_PORT: '', AUTH_SIGNING_KEYS: '', GRAPHQL_MAX_DEPTH: undefined });
    expect(config.nodeEnv).toBe('development');
    expect(config.http.directoryPort).toBe(4001);
    expect(config.auth.usingDevelopmentKey).toBe(true);
    expect(config.graphql.maxDepth).toBe(10);
  });

  it('lists every bad variable at once', () => {
    const problems = problemsOf({
      NODE_ENV: 'staging',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'not a url',
      DIRECTORY_PORT: '70000',
      EMBEDDED_POSTGRES_PORT: 'abc',
      GRAPHQL_INTROSPECTION: 'yes',
      GRAPHQL_MAX_DEPTH: '0',
      GRAPHQL_MAX_COST: '1.5',
      HTTP_MAX_BODY_BYTES: '-1',
    });
    const named = problems.map((p) => p.split(':')[0]);
    expect(named.sort()).toEqual(
      [
        'DATABASE_URL',
        'DIRECTORY_PORT',
        'EMBEDDED_POSTGRES_PORT',
        'GRAPHQL_INTROSPECTION',
        'GRAPHQL_MAX_COST',
        'GRAPHQL_MAX_DEPTH',
        'HTTP_MAX_BODY_BYTES',
        'LOG_LEVEL',
        'NODE_ENV',
      ].sort(),
    );
  });

  it('names every problem in the error message too', () => {
    let error: unknown;
    try {
      parseConfig({ LOG_LEVEL: 'loud', GRAPHQL_MAX_ALIASES: 'many' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^Invalid configuration:/);
    expect((error as ConfigError).message).toContain('LOG_LEVEL');
    expect((error as ConfigError).message).toContain('GRAPHQL_MAX_ALIASES');
  });

  it('accepts a complete production configuration without the development key', () => {
    const config = parseConfig(PRODUCTION);
    expect(config.nodeEnv).toBe('production');
    expect(config.auth.usingDevelopmentKey).toBe(false);
    expect([...config.auth.signingKeys]).toEqual([['k1', STRONG]]);
    expect(config.database.url).toBe(PRODUCTION.DATABASE_URL);
  });

  it('requires AUTH_SIGNING_KEYS, DATABASE_URL, GATEWAY_SHARED_SECRET and IDEMPOTENCY_SECRET in production, each on its own', () => {
    const named = problemsOf({ NODE_ENV: 'production' })
      .map((p) => p.split(':')[0])
      .sort();
    expect(named).toEqual(PRODUCTION_REQUIRED);
    for (const variable of PRODUCTION_REQUIRED) {
      const { [variable as keyof typeof PRODUCTION]: _left, ...rest } = PRODUCTION;
      expect(problemsOf(rest).map((p) => p.split(':')[0])).toEqual([variable]);
    }
  });

  it('lists the production requirements together with other bad variables', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DIRECTORY_PORT: 'abc' });
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual([...PRODUCTION_REQUIRED, 'DIRECTORY_PORT'].sort());
  });

  it('refuses production signing secrets shorter than 32 characters, each one checked', () => {
    expect(problemsOf({ ...PRODUCTION, AUTH_SIGNING_KEYS: 'k1=short' })).toEqual([expect.stringMatching(/^AUTH_SIGNING_KEYS: .*32/)]);
    expect(problemsOf({ ...PRODUCTION, AUTH_SIGNING_KEYS: `k1=${STRONG},k2=${'y'.repeat(31)}` })).toEqual([expect.stringMatching(/^AUTH_SIGNING_KEYS: .*32/)]);
    expect(() => parseConfig({ ...PRODUCTION, AUTH_SIGNING_KEYS: `k1=${STRONG},k2=${'y'.repeat(32)}` })).not.toThrow();
  });

  it("refuses an OIDC issuer or key set over plain http in production (its keys sign every role's tokens), loopback aside", () => {
    expect(problemsOf({ ...PRODUCTION, AUTH_OIDC_ISSUER: 'http://login.example.org' })).toEqual([
      expect.stringMatching(/^AUTH_OIDC_ISSUER: must be an https URL/),
    ]);
    expect(problemsOf({ ...PRODUCTION, AUTH_OIDC_ISSUER: 'https://login.example.org', AUTH_OIDC_JWKS_URL: 'http://login.example.org/keys' })).toEqual([
      expect.stringMatching(/^AUTH_OIDC_JWKS_URL: must be an https URL/),
    ]);
    expect(() =>
      parseConfig({ ...PRODUCTION, AUTH_OIDC_ISSUER: 'https://login.example.org', AUTH_OIDC_JWKS_URL: 'https://login.example.org/keys' }),
    ).not.toThrow();
    expect(() => parseConfig({ ...PRODUCTION, AUTH_OIDC_ISSUER: 'http://127.0.0.1:4300' })).not.toThrow();
    expect(() => parseConfig({ NODE_ENV: 'development', AUTH_OIDC_ISSUER: 'http://login.example.org' })).not.toThrow();
  });

  it('allows short signing secrets outside production', () => {
    const config = parseConfig({ NODE_ENV: 'test', AUTH_SIGNING_KEYS: 'k=short' });
    expect([...config.auth.signingKeys]).toEqual([['k', 'short']]);
  });

  it.each([
    ['no separator', 'justasecret'],
    ['empty kid', '=secret'],
    ['empty secret', 'kid='],
    ['one good, one bad pair', `k1=${STRONG},k2`],
    ['blank pairs', ' , '],
  ])('refuses malformed AUTH_SIGNING_KEYS (%s)', (_label, value) => {
    expect(problemsOf({ NODE_ENV: 'test', AUTH_SIGNING_KEYS: value })).toEqual([expect.stringMatching(/^AUTH_SIGNING_KEYS: .*kid=secret/)]);
  });

  it('turns introspection off by default in production only', () => {
    expect(parseConfig(PRODUCTION).graphql.introspection).toBe(false);
    expect(parseConfig({ NODE_ENV: 'test' }).graphql.introspection).toBe(true);
    expect(parseConfig({ NODE_ENV: 'development' }).graphql.introspection).toBe(true);
  });

  it('lets GRAPHQL_INTROSPECTION override the default either way', () => {
    expect(parseConfig({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
    expect(parseConfig({ ...PRODUCTION, GRAPHQL_INTROSPECTION: '1' }).graphql.introspection).toBe(true);
    expect(parseConfig({ NODE_ENV: 'test', GRAPHQL_INTROSPECTION: 'false' }).graphql.introspection).toBe(false);
  });

  describe('notifications', () => {
    it('the notification worker refuses to start without SMTP_URL unless notifications are switched off explicitly', () => {
      expect(() => assertNotifiable(parseConfig(PRODUCTION))).toThrow(/SMTP_URL: is required to send notifications.*NOTIFICATIONS_ENABLED=false/);
      expect(() => assertNotifiable(parseConfig({ ...PRODUCTION, SMTP_URL: 'smtps://user:pass@smtp.example.org:465' }))).not.toThrow();
      const off = parseConfig({ ...PRODUCTION, NOTIFICATIONS_ENABLED: 'false' });
      expect(off.notifications.enabled).toBe(false);
      expect(() => assertNotifiable(off)).not.toThrow();
    });

    it('takes only smtp:// and smtps:// URLs, and a webhook key of at least 32 characters', () => {
      expect(problemsOf({ NODE_ENV: 'test', SMTP_URL: 'https://smtp.example.org' })).toEqual([expect.stringMatching(/^SMTP_URL: expected smtp/)]);
      expect(problemsOf({ NODE_ENV: 'test', WEBHOOK_SIGNING_SECRET: 'short' })).toEqual([expect.stringMatching(/^WEBHOOK_SIGNING_SECRET: /)]);
      expect(parseConfig({ NODE_ENV: 'test', SMTP_URL: 'smtp://127.0.0.1:2525' }).notifications).toMatchObject({
        enabled: true,
        smtpUrl: 'smtp://127.0.0.1:2525',
      });
    });
  });
});
