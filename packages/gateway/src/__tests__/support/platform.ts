import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, createLogger, type GraphQLHttpServer, issueToken, openOrm, parseConfig, type Role } from '@samspill/core';
import { createTestDatabase, TestClock, type TestDatabase } from '@samspill/core/testkit';
import { createDirectoryServer, directoryOrmSettings } from '@samspill/directory';
import { createReferralsServer, HttpDirectoryLookup, type JobResult, referralsOrmSettings, runReferralJobs } from '@samspill/referrals';

import { createGatewayServer } from '../../gateway.js';

export const GATEWAY_SECRET = 'test-gateway-secret-0123456789abcdef';

export interface Caller {
  role: Role;
  organisationId?: string;
  bydelCode?: string;
  subject?: string;
  /** The token's `email` claim. */
  email?: string;
}

export interface Response<T = any> {
  status: number;
  body: { data?: T; errors?: any };
}

/**
 * The whole platform for one test file: a fresh database, the directory and referrals subgraphs
 * and the gateway on loopback ports, wired as in production (shared secret, tokens passed on),
 * with a clock the test can move (`clock`).
 */
export class PlatformTestApp {
  private statements: string[] | null = null;
  /** The clock of both subgraphs and the jobs; `app.clock.osloDate(7)` and the like give the dates a test uses. */
  readonly clock = new TestClock();
  readonly now = this.clock.now;

  private constructor(
    readonly config: Config,
    readonly directoryOrm: MikroORM<PostgreSqlDriver>,
    readonly referralsOrm: MikroORM<PostgreSqlDriver>,
    readonly urls: { gateway: string; directory: string; referrals: string },
    private readonly servers: GraphQLHttpServer<any>[],
    private readonly database: TestDatabase,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<PlatformTestApp> {
    const database = await createTestDatabase();
    const config = parseConfig({ NODE_ENV: 'test', GATEWAY_SHARED_SECRET: GATEWAY_SECRET, ...env });
    const logger = createLogger('silent', 'platform-test');
    const directoryOrm = await openOrm(directoryOrmSettings(database.url));
    const referralsOrm = await openOrm(referralsOrmSettings(database.url));
    const made: { app?: PlatformTestApp } = {};
    const directory = await createDirectoryServer(directoryOrm, config, logger, { now: () => made.app!.now() });
    const directoryUrl = await directory.listen(0, '127.0.0.1');
    const referrals = await createReferralsServer(referralsOrm, config, logger, {
      directory: new HttpDirectoryLookup(directoryUrl, GATEWAY_SECRET),
      now: () => made.app!.now(),
    });
    const referralsUrl = await referrals.listen(0, '127.0.0.1');
    const gateway = await createGatewayServer(config, logger, { directory: directoryUrl, referrals: referralsUrl });
    const gatewayUrl = await gateway.listen(0, '127.0.0.1');
    for (const orm of [directoryOrm, referralsOrm]) {
      orm.em
        .getConnection()
        .getKnex()
        .on('query', (query: { sql: string }) => made.app?.statements?.push(query.sql));
    }
    made.app = new PlatformTestApp(
      config,
      directoryOrm,
      referralsOrm,
      { gateway: gatewayUrl, directory: directoryUrl, referrals: referralsUrl },
      [gateway, directory, referrals],
      database,
    );
    return made.app;
  }

  /** The database both subgraphs use (for a process of its own, such as the benchmark's floor). */
  get databaseUrl(): string {
    return this.database.url;
  }

  directoryEm(): EntityManager {
    return this.directoryOrm.em.fork() as EntityManager;
  }

  referralsEm(): EntityManager {
    return this.referralsOrm.em.fork() as EntityManager;
  }

  /** Runs `work` and returns the data statements (not BEGIN/COMMIT/SET) both subgraphs sent. */
  async countStatements(work: () => Promise<unknown>): Promise<string[]> {
    return (await this.recordStatements(work)).filter((sql) => !/^(begin|commit|rollback|savepoint|release|set )/i.test(sql.trim()));
  }

  /** Runs `work` and returns every statement both subgraphs sent, transaction control included, in order. */
  async recordStatements(work: () => Promise<unknown>): Promise<string[]> {
    this.statements = [];
    try {
      await work();
      return this.statements;
    } finally {
      this.statements = null;
    }
  }

  /** Moves the clock of both subgraphs (their Idempotency-Keys included) and the referral jobs. */
  advanceDays(days: number): void {
    this.clock.advanceDays(days);
  }

  runJobs(): Promise<JobResult> {
    return runReferralJobs(this.referralsOrm, this.config.referrals, this.now);
  }

  token(caller: Caller): Promise<string> {
    return issueToken(this.config.auth, { subject: caller.subject ?? `test-${caller.role.toLowerCase()}`, ...caller });
  }

  /** A GraphQL operation through the gateway (or straight to a subgraph with `url`). */
  async query<T = any>(
    query: string,
    options: { variables?: Record<string, unknown>; as?: Caller; url?: string; headers?: Record<string, string> } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.as) headers.authorization = `Bearer ${await this.token(options.as)}`;
    const response = await fetch(options.url ?? this.urls.gateway, { method: 'POST', headers, body: JSON.stringify({ query, variables: options.variables }) });
    return { status: response.status, body: (await response.json()) as Response<T>['body'] };
  }

  /** Like `query`, but fails the test on any error and returns `data`. */
  async ok<T = any>(query: string, options: Parameters<PlatformTestApp['query']>[1] = {}): Promise<T> {
    const response = await this.query<T>(query, options);
    if (response.body.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.body.errors)}`);
    return response.body.data!;
  }

  async close(): Promise<void> {
    for (const server of this.servers) await server.stop();
    await this.directoryOrm.close();
    await this.referralsOrm.close();
    await this.database.drop();
  }
}
