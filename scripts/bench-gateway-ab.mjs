// A/B of the gateway's short way for queries one subgraph answers whole (packages/gateway/src/single-fetch.ts):
//
//   npx -y pnpm@10.34.9 build && node scripts/bench-gateway-ab.mjs [--per-bydel 20] [--rounds 4] [--seconds 3] [--ops "bydeler,page"]
//
// Seeds the benchmark's dataset into an embedded PostgreSQL, starts the directory and referrals
// subgraphs (scripts/bench/serve-service.mjs) and two gateways on them, each in a process of its
// own with the production options: one as it ships, one on Apollo Gateway alone. Then runs each of
// the fixed operations against both in interleaved rounds (A B, B A, …) with autocannon at 4
// connections, and prints CPU ms per request from the processes' own counters (all three
// processes, and the gateway alone) and requests/s. Both gateways share the subgraphs, so only the
// gateway differs. On a shared machine compare the CPU figures of one run, not runs with each other.
//
// With --hive, a third gateway: Hive Gateway (@graphql-hive/gateway-runtime) over the same
// supergraph and subgraphs, for a comparison figure. It is not a dependency of the workspace (it
// would move the workspace's @types/node): install it for the run with
// `npx -y pnpm@10.34.9 --filter @samspill/gateway add -D @graphql-hive/gateway-runtime@2.12.1 @graphql-mesh/transport-http@1.2.1` and
// revert package.json and pnpm-lock.yaml afterwards. It runs bare: it passes the token and the
// shared secret on, but does none of our front's checks (token verification, limits), which the
// subgraphs still make; so it is, if anything, favoured.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'packages/gateway/package.json'));
const core = require(path.join(root, 'packages/core/dist/index.js'));
const gateway = require(path.join(root, 'packages/gateway/dist/index.js'));
const SECRET = 'bench-gateway-secret-0123456789abcdef';
const SIGNING_KEYS = 'bench=bench-signing-key-0123456789abcdef0123456789';

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    'serve-gateway': { type: 'string' },
    'per-bydel': { type: 'string', default: '20' },
    rounds: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '3' },
    ops: { type: 'string', default: 'bydeler,page,activity by id' },
    hive: { type: 'boolean', default: false },
  },
});

if (args['serve-gateway'] === 'hive') {
  const env = process.env;
  const { createGatewayRuntime } = require('@graphql-hive/gateway-runtime');
  const http = await import('node:http');
  const supergraph = await gateway.composeSupergraph({ directory: env.DIRECTORY_URL, referrals: env.REFERRALS_URL });
  const hive = createGatewayRuntime({
    supergraph,
    transports: { http: require('@graphql-mesh/transport-http') },
    logging: false,
    landingPage: false,
    maskedErrors: false,
    graphqlEndpoint: '/graphql',
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({ authorization: request.headers.get('authorization') ?? '', [core.GATEWAY_SECRET_HEADER]: SECRET }),
    },
  });
  const server = http.createServer(hive);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.on('message', () => {
    const cpu = process.cpuUsage();
    process.send({ cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system });
  });
  process.once('disconnect', () => process.exit(0));
  process.stdout.write(`ready http://127.0.0.1:${server.address().port}/graphql\n`);
} else if (args['serve-gateway']) {
  // One gateway, as serve-service.mjs starts it, with or without the short way.
  const env = process.env;
  const config = core.parseConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    DATABASE_URL: env.DATABASE_URL,
    GATEWAY_SHARED_SECRET: SECRET,
    AUTH_SIGNING_KEYS: SIGNING_KEYS,
    IDEMPOTENCY_SECRET: env.IDEMPOTENCY_SECRET,
    DIRECTORY_URL: env.DIRECTORY_URL,
    REFERRALS_URL: env.REFERRALS_URL,
  });
  const logger = core.createLogger('error', 'bench-ab-gateway');
  const server = await gateway.createGatewayServer(
    config,
    logger,
    { directory: env.DIRECTORY_URL, referrals: env.REFERRALS_URL },
    { singleFetchPath: args['serve-gateway'] === 'short' },
  );
  const url = await server.listen(0, '127.0.0.1');
  process.on('message', () => {
    const cpu = process.cpuUsage();
    process.send({ cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system });
  });
  process.once('disconnect', () => process.exit(0));
  process.stdout.write(`ready ${url}\n`);
} else {
  const directory = require(path.join(root, 'packages/directory/dist/index.js'));
  const referrals = require(path.join(root, 'packages/referrals/dist/index.js'));
  const autocannon = createRequire(path.join(root, 'package.json'))('autocannon');
  const freePort = () =>
    new Promise((resolve) => {
      const probe = net.createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port } = probe.address();
        probe.close(() => resolve(port));
      });
    });
  const start = (script, scriptArgs, env) => {
    const child = spawn(process.execPath, [path.join(root, script), ...scriptArgs], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NODE_OPTIONS: '--max-semi-space-size=64',
        GATEWAY_SHARED_SECRET: SECRET,
        AUTH_SIGNING_KEYS: SIGNING_KEYS,
        IDEMPOTENCY_SECRET: 'bench-idempotency-secret-0123456789abcdef',
        PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    return new Promise((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`${script} ${scriptArgs.join(' ')} exited with ${code}`)));
      child.stdout.on('data', (chunk) => {
        const ready = String(chunk).match(/ready (\S+)/);
        if (ready) resolve({ child, url: ready[1] });
      });
    });
  };
  const cpuMs = (child) =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve((m.cpuUserMicros + m.cpuSystemMicros) / 1000));
      child.send('stats');
    });

  const pgServer = await core.startEmbeddedPostgres({ dataDir: await core.temporaryDataDir('samspill-ab-'), port: await freePort(), persistent: false });
  try {
    await core.ensureDatabase(pgServer.serverUrl, 'ab');
    const url = pgServer.urlFor('ab');
    const directoryOrm = await core.openOrm(directory.directoryOrmSettings(url));
    const referralsOrm = await core.openOrm(referrals.referralsOrmSettings(url));
    const dataset = await gateway.seedScaleDataset(directoryOrm.em.fork(), referralsOrm.em.fork(), Number(args['per-bydel']), () => {});
    await directoryOrm.close();
    await referralsOrm.close();
    const d = await start('scripts/bench/serve-service.mjs', ['directory'], { DATABASE_URL: url });
    const r = await start('scripts/bench/serve-service.mjs', ['referrals'], { DATABASE_URL: url, DIRECTORY_URL: d.url });
    const subgraphs = { DATABASE_URL: url, DIRECTORY_URL: d.url, REFERRALS_URL: r.url };
    const variants = [
      { name: 'short way', ...(await start('scripts/bench-gateway-ab.mjs', ['--serve-gateway', 'short'], subgraphs)) },
      { name: 'Apollo Gateway alone', ...(await start('scripts/bench-gateway-ab.mjs', ['--serve-gateway', 'apollo'], subgraphs)) },
      ...(args.hive ? [{ name: 'Hive Gateway', ...(await start('scripts/bench-gateway-ab.mjs', ['--serve-gateway', 'hive'], subgraphs)) }] : []),
    ];
    const auth = core.parseConfig({ AUTH_SIGNING_KEYS: SIGNING_KEYS }).auth;
    const names = args.ops.split(',').map((name) => name.trim());
    for (const operation of gateway.fixedOperations(dataset.sample).filter((o) => names.includes(o.name))) {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${await core.issueToken(auth, operation.as)}` };
      const body = JSON.stringify({ query: operation.query, variables: operation.variables });
      const totals = variants.map(() => ({ all: 0, gateway: 0, requests: 0, rps: [] }));
      let expected;
      for (const variant of variants) {
        const answer = await fetch(variant.url, { method: 'POST', headers, body });
        if (answer.status !== 200) throw new Error(`${variant.name} ${operation.name}: ${answer.status} ${await answer.text()}`);
        // Every gateway gives the same answer before anything is timed.
        const answered = await answer.json();
        const data = JSON.stringify(answered.data);
        expected ??= data;
        if (data !== expected) throw new Error(`${variant.name} ${operation.name}: answers differently: ${JSON.stringify(answered).slice(0, 400)}`);
        await autocannon({ url: variant.url, method: 'POST', headers, body, connections: 4, duration: 2 });
      }
      for (let round = 0; round < Number(args.rounds); round += 1) {
        // Interleaved: forwards on even rounds, backwards on odd ones.
        const order = variants.map((_, i) => (round % 2 === 0 ? i : variants.length - 1 - i));
        for (const i of order) {
          const processes = [variants[i].child, d.child, r.child];
          const before = await Promise.all(processes.map(cpuMs));
          const result = await autocannon({ url: variants[i].url, method: 'POST', headers, body, connections: 4, duration: Number(args.seconds), timeout: 20 });
          const after = await Promise.all(processes.map(cpuMs));
          if (result.non2xx || result.errors)
            throw new Error(`${variants[i].name} ${operation.name}: ${result.non2xx} non-2xx responses, ${result.errors} errors (${result.timeouts} timeouts)`);
          totals[i].all += after.reduce((sum, ms, j) => sum + ms - before[j], 0);
          totals[i].gateway += after[0] - before[0];
          totals[i].requests += result.requests.total;
          totals[i].rps.push(Math.round(result.requests.average));
        }
      }
      for (const [i, variant] of variants.entries()) {
        const t = totals[i];
        console.log(
          `${operation.name.padEnd(16)} ${variant.name.padEnd(22)} cpu ms/req ${(t.all / t.requests).toFixed(2)} (gateway ${(t.gateway / t.requests).toFixed(2)})  req/s by round ${t.rps.join(' ')}`,
        );
      }
    }
    for (const child of [d.child, r.child, ...variants.map((v) => v.child)]) child.kill();
  } finally {
    await pgServer.stop();
  }
  process.exit(0);
}
