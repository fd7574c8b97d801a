import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, createLogger, issueToken, openOrm, parseConfig, type Role } from '@samspill/core';
import { createTestDatabase, TestClock, type TestDatabase, TestGraphQLClient } from '@samspill/core/testkit';

import { directoryOrmSettings } from '../../orm.js';
import { createDirectoryServer } from '../../server.js';

export interface TestUser {
  role: Role;
  organisationId?: string;
  bydelCode?: string;
}

/**
 * A directory subgraph on its own fresh PostgreSQL database, served on a loopback port, with a
 * counter of the SQL statements it sends and a clock the test can move (`clock`).
 */
export class DirectoryTestApp {
  private statements: string[] = [];
  private counting = false;
  /** The server's clock; `app.clock.osloDate(7)` and the like give the dates a test uses. */
  readonly clock = new TestClock();
  readonly now = this.clock.now;

  private constructor(
    readonly orm: MikroORM<PostgreSqlDriver>,
    readonly client: TestGraphQLClient,
    readonly config: Config,
    private readonly database: TestDatabase,
    private readonly closeServer: () => Promise<void>,
  ) {
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => {
        if (this.counting) this.statements.push(query.sql);
      });
  }

  static async start(env: Record<string, string> = {}): Promise<DirectoryTestApp> {
    const database = await createTestDatabase();
    const config = parseConfig({ NODE_ENV: 'test', ...env });
    const orm = await openOrm(directoryOrmSettings(database.url));
    const logger = createLogger(process.env.SAMSPILL_TEST_LOG ?? 'silent', 'directory-test');
    const made: { app?: DirectoryTestApp } = {};
    const server = await createDirectoryServer(orm, config, logger, { now: () => made.app!.now() });
    await server.start();
    const client = await TestGraphQLClient.serve(server.handle);
    made.app = new DirectoryTestApp(orm, client, config, database, async () => {
      await client.close();
      await server.apollo.stop();
    });
    return made.app;
  }

  /** A fresh entity manager for arranging data and checking what was stored. */
  em(): EntityManager {
    return this.orm.em.fork() as EntityManager;
  }

  token(user: TestUser, subject = `test-${user.role.toLowerCase()}`): Promise<string> {
    return issueToken(this.config.auth, { subject, ...user });
  }

  async query<T = any>(query: string, options: { variables?: Record<string, unknown>; as?: TestUser; token?: string } = {}) {
    const token = options.token ?? (options.as ? await this.token(options.as) : undefined);
    return this.client.request<T>(query, { variables: options.variables, token });
  }

  /** Runs `work` and returns the data statements (not BEGIN/COMMIT) it sent to PostgreSQL. */
  async countStatements(work: () => Promise<unknown>): Promise<string[]> {
    this.statements = [];
    this.counting = true;
    try {
      await work();
    } finally {
      this.counting = false;
    }
    return this.statements.filter((sql) => !/^(begin|commit|rollback|savepoint|release)/i.test(sql.trim()));
  }

  async close(): Promise<void> {
    await this.closeServer();
    await this.orm.close();
    await this.database.drop();
  }
}
