import { randomBytes } from 'node:crypto';
import net from 'node:net';

import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  type Config,
  createLogger,
  ensureDatabase,
  type GraphQLHttpServer,
  openOrm,
  parseConfig,
  type RunningDatabase,
  startEmbeddedPostgres,
  temporaryDataDir,
} from '@samspill/core';
import { createDirectoryServer, DEMO_USERS, directoryOrmSettings, seedDemoData } from '@samspill/directory';
import { createReferralsServer, HttpDirectoryLookup, referralsOrmSettings } from '@samspill/referrals';
import { createWebServer, type DevIssuer, startDevIssuer, webOrmSettings, type WebServer } from '@samspill/web-server';
import pg from 'pg';

import { seedDemoReferrals } from '../demo/demo-referrals.js';
import { createGatewayServer } from '../gateway.js';

/** The variable through which Jest's global setup hands its PostgreSQL server to the tests. */
const TEST_SERVER_URL_VARIABLE = 'SAMSPILL_TEST_SERVER_URL';

export interface WebStackOptions {
  /** Extra configuration (environment variable names), e.g. `{ WEB_SESSION_IDLE_MINUTES: '5' }`. */
  readonly env?: Record<string, string>;
  /** The built web app; default packages/web/dist. */
  readonly staticDir?: string;
  /** Load the demo directory and referrals (default true). */
  readonly demoData?: boolean;
  /** A PostgreSQL server (its maintenance database URL); default: Jest's, else an embedded one of its own. */
  readonly serverUrl?: string;
}

export interface WebStack {
  readonly config: Config;
  readonly urls: { readonly web: string; readonly gateway: string; readonly issuer: string; readonly directory: string; readonly referrals: string };
  /** The demo users the issuer's sign-in page lists (one per role). */
  readonly users: typeof DEMO_USERS;
  /** The clock of the web sessions and the referrals subgraph. */
  readonly now: () => Date;
  /** Moves that clock, e.g. past the idle timeout. */
  advanceMinutes(minutes: number): void;
  readonly webOrm: MikroORM<PostgreSqlDriver>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = (probe.address() as net.AddressInfo) ?? { port: 0 };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The whole platform on loopback ports for end-to-end tests: a fresh database (on Jest's
 * PostgreSQL, or an embedded one of its own), demo data, both subgraphs, the gateway (accepting
 * the development issuer's tokens), the development OpenID Connect issuer and the web server.
 * `stop()` ends everything and drops the database.
 */
export async function startWebStack(options: WebStackOptions = {}): Promise<WebStack> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    let serverUrl = options.serverUrl ?? process.env[TEST_SERVER_URL_VARIABLE];
    if (!serverUrl) {
      const embedded: RunningDatabase = await startEmbeddedPostgres({
        dataDir: await temporaryDataDir('samspill-web-stack-'),
        port: await freePort(),
        persistent: false,
      });
      stops.push(() => embedded.stop());
      serverUrl = embedded.serverUrl;
    }
    const databaseName = `web_stack_${randomBytes(6).toString('hex')}`;
    await ensureDatabase(serverUrl, databaseName);
    const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
    stops.push(async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => client.end());
    });

    const [webPort, issuerPort] = [await freePort(), await freePort()];
    const webUrl = `http://127.0.0.1:${webPort}`;
    const issuerUrl = `http://127.0.0.1:${issuerPort}`;
    const clientSecret = randomBytes(24).toString('base64url');
    const config = parseConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      GATEWAY_SHARED_SECRET: randomBytes(24).toString('base64url'),
      AUTH_OIDC_ISSUER: issuerUrl,
      WEB_PORT: String(webPort),
      WEB_PUBLIC_URL: webUrl,
      WEB_OIDC_ISSUER: issuerUrl,
      WEB_OIDC_CLIENT_SECRET: clientSecret,
      WEB_SESSION_SECRET: randomBytes(32).toString('base64url'),
      ...options.env,
    });
    const logger = createLogger(config.logLevel, 'web-stack');
    let offsetMs = 0;
    const now = () => new Date(Date.now() + offsetMs);

    const issuer: DevIssuer = await startDevIssuer({
      host: '127.0.0.1',
      port: issuerPort,
      audience: config.auth.audience,
      users: DEMO_USERS,
      clients: [{ clientId: config.web.oidc.clientId, clientSecret, webUrl: config.web.publicUrl }],
    });
    stops.push(() => issuer.stop());

    const directoryOrm = await openOrm(directoryOrmSettings(databaseUrl));
    stops.push(() => directoryOrm.close());
    const referralsOrm = await openOrm(referralsOrmSettings(databaseUrl));
    stops.push(() => referralsOrm.close());
    const webOrm = await openOrm(webOrmSettings(databaseUrl));
    stops.push(() => webOrm.close());
    if (options.demoData ?? true) {
      await seedDemoData(directoryOrm.em.fork());
      await seedDemoReferrals(referralsOrm.em.fork() as EntityManager, directoryOrm.em.fork() as EntityManager, config.referrals);
    }

    const servers: GraphQLHttpServer<never>[] = [];
    stops.push(async () => {
      for (const server of servers.reverse()) await server.stop();
    });
    const directory = await createDirectoryServer(directoryOrm, config, logger);
    servers.push(directory as never);
    const directoryUrl = await directory.listen(0, '127.0.0.1');
    const secret = config.federation.gatewaySharedSecret!;
    const referrals = await createReferralsServer(referralsOrm, config, logger, { directory: new HttpDirectoryLookup(directoryUrl, secret), now });
    servers.push(referrals as never);
    const referralsUrl = await referrals.listen(0, '127.0.0.1');
    const gateway = await createGatewayServer(config, logger, { directory: directoryUrl, referrals: referralsUrl });
    servers.push(gateway as never);
    const gatewayUrl = await gateway.listen(0, '127.0.0.1');

    const web: WebServer = createWebServer({ config, orm: webOrm, logger, now, gatewayUrl, staticDir: options.staticDir });
    await web.listen(webPort, '127.0.0.1');
    stops.push(() => web.stop());

    return {
      config,
      urls: { web: webUrl, gateway: gatewayUrl, issuer: issuer.url, directory: directoryUrl, referrals: referralsUrl },
      users: DEMO_USERS,
      now,
      advanceMinutes: (minutes) => {
        offsetMs += minutes * 60_000;
      },
      webOrm,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
