// The Samspill benchmark (run through `npx -y pnpm@10.34.9 bench`, which builds first).
//
//   npx -y pnpm@10.34.9 bench                         sizes S and M, 3 s a measurement, 2 rounds
//   npx -y pnpm@10.34.9 bench -- --sizes S,M,L        all three sizes (L seeds 15 000 organisations)
//   npx -y pnpm@10.34.9 bench -- --seconds 10 --rounds 3
//   npx -y pnpm@10.34.9 bench -- --soak 600           memory over a 10-minute run of the page at size M
//
// For each size it seeds a deterministic dataset (checksum printed) into an embedded PostgreSQL
// with pg_stat_statements, starts the platform (gateway + both subgraphs) and the hand-written
// `pg` floor in processes of their own, and runs every fixed operation with autocannon at 10 and
// at 1 connection, after a warm-up, in interleaved rounds (platform, floor, platform, floor …).
// It prints requests/s, p50 and p99 latency, server CPU ms per request, SQL statements and rows
// per request (pg_stat_statements, without BEGIN/COMMIT/SET), the platform's peak RSS, and each
// operation's ratio to the floor measured in the same round; the figures go to .bench/*.json.
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { summariseProfile } from './profile-summary.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(path.join(root, 'packages/gateway/package.json'));
const core = require(path.join(root, 'packages/core/dist/index.js'));
const directory = require(path.join(root, 'packages/directory/dist/index.js'));
const referrals = require(path.join(root, 'packages/referrals/dist/index.js'));
const gateway = require(path.join(root, 'packages/gateway/dist/index.js'));
const autocannon = createRequire(path.join(root, 'package.json'))('autocannon');
const pg = createRequire(path.join(root, 'packages/core/package.json'))('pg');

const { values: args } = parseArgs({
  // `npx -y pnpm@10.34.9 bench -- --sizes S` hands the `--` on to the script: it only separates pnpm's options.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    sizes: { type: 'string', default: 'S,M' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '2' },
    soak: { type: 'string' },
    ops: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const SIZES = { S: 20, M: 100, L: 1000 };
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const SECRET = 'bench-gateway-secret-0123456789abcdef';
/** The platform runs on its production configuration, with this signing key. */
const SIGNING_KEYS = 'bench=bench-signing-key-0123456789abcdef0123456789';
const ONLY = args.ops?.split(',').map((name) => name.trim());
const PROFILE_DIR = path.join(root, '.bench', 'profiles');
/** The platform's processes (serve-platform.mjs), as production runs them. */
const SERVICES = ['gateway', 'directory', 'referrals'];

const log = (message) => process.stdout.write(`${message}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The Node.js options the Docker image runs the services with (its `ENV … NODE_OPTIONS=…`, quoted
 * or not). They take the place of any NODE_OPTIONS this command was started with.
 */
async function productionNodeOptions() {
  const dockerfile = await readFile(path.join(root, 'docker/Dockerfile'), 'utf8');
  const found = dockerfile.match(/^ENV .*\bNODE_OPTIONS=(?:"([^"]*)"|(\S+))/m);
  const options = found?.[1] ?? found?.[2];
  if (!options) throw new Error('docker/Dockerfile sets no NODE_OPTIONS: the benchmark runs the platform as the image does');
  return options;
}
const NODE_OPTIONS = await productionNodeOptions();

/** Starts a script in a process of its own and waits for its "ready" line. */
async function startChild(script, env) {
  // As the Docker image runs it (graphql-js, for one, skips its development-time checks then; and
  // the image's Node.js options); the platform's own configuration is given explicitly in
  // serve-platform.mjs. The floor runs with the same options.
  const child = spawn(process.execPath, [path.join(root, 'scripts/bench', script)], {
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS, IDEMPOTENCY_SECRET: 'bench-idempotency-secret-0123456789abcdef', ...env },
    // The IPC channel closes when this process ends, however it ends: the child then stops too.
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout.on('data', (chunk) => String(chunk).includes('ready') && resolve());
  });
  return child;
}

async function stats(port) {
  return (await fetch(`http://127.0.0.1:${port}/__stats`)).json();
}

/** Data statements and rows since the last reset, without transaction control and settings. */
async function sqlCounts(client) {
  const { rows } = await client.query(
    `select coalesce(sum(calls), 0)::bigint as calls, coalesce(sum(rows), 0)::bigint as rows from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())
        and query !~* '^\\s*(begin|commit|rollback|set |show |select pg_stat_statements_reset|savepoint|release)'
        and query !~* 'pg_stat_statements'`,
  );
  return { calls: Number(rows[0].calls), rows: Number(rows[0].rows) };
}

/** CPU milliseconds one service of the platform has used (its stats, from serve-platform.mjs). */
const cpuOf = (stats, service) => {
  const s = stats.services.find((x) => x.service === service);
  return (s.cpuUserMicros + s.cpuSystemMicros) / 1000;
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The value below which `share` of the sorted values lie (nearest rank). */
const percentile = (sorted, share) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] : NaN);

/**
 * One autocannon run. Its latency histogram keeps whole milliseconds, which makes a 3.9 ms floor
 * 3 ms; p50 and p99 are taken from each response's own time (autocannon's `response` event, in
 * fractions of a millisecond) instead.
 */
function measure(target, connections, duration) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon(
      { url: target.url, method: 'POST', headers: target.headers, body: target.body, connections, duration, timeout: 20 },
      (error, result) => {
        if (error) return reject(error);
        if (result.non2xx || result.errors) return reject(new Error(`${target.name}: ${result.non2xx} non-2xx responses and ${result.errors} errors`));
        times.sort((a, b) => a - b);
        resolve({ ...result, latency: { ...result.latency, p50: percentile(times, 0.5), p99: percentile(times, 0.99) } });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

async function runSize(name, server) {
  const perBydel = SIZES[name];
  const database = `bench_${name.toLowerCase()}`;
  await core.ensureDatabase(server.serverUrl, database);
  const url = server.urlFor(database);
  log(`\n== Size ${name}: 15 bydeler × ${perBydel} organisations`);
  const directoryOrm = await core.openOrm(directory.directoryOrmSettings(url));
  const referralsOrm = await core.openOrm(referrals.referralsOrmSettings(url));
  const seeded = await directoryOrm.em.fork().count(directory.OrganisationEntity, {});
  if (seeded > 0) throw new Error(`database ${database} is not empty`);
  const dataset = await gateway.seedScaleDataset(directoryOrm.em.fork(), referralsOrm.em.fork(), perBydel, log);
  await directoryOrm.close();
  await referralsOrm.close();
  log(
    `   ${dataset.organisations} organisations, ${dataset.activities} activities, ${dataset.petCareOffers} pet-care offers, ${dataset.referrals} referrals; checksum ${dataset.checksum}`,
  );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_stat_statements');

  const [gatewayPort, statsPort, floorPort] = [await freePort(), await freePort(), await freePort()];
  const platform = await startChild('serve-platform.mjs', {
    DATABASE_URL: url,
    GATEWAY_PORT: String(gatewayPort),
    STATS_PORT: String(statsPort),
    GATEWAY_SHARED_SECRET: SECRET,
    AUTH_SIGNING_KEYS: SIGNING_KEYS,
    ...(args.profile ? { PROFILE_DIR } : {}),
  });
  const floor = await startChild('floor-server.mjs', { DATABASE_URL: url, PORT: String(floorPort) });
  const rssStart = (await stats(statsPort)).rss;
  let rssPeak = rssStart;

  const auth = core.parseConfig({ AUTH_SIGNING_KEYS: SIGNING_KEYS }).auth;
  const operations = gateway.fixedOperations(dataset.sample).filter((operation) => !ONLY || ONLY.includes(operation.name));
  const results = [];
  for (const operation of operations) {
    const token = await core.issueToken(auth, operation.as);
    const targets = {
      platform: {
        name: `platform ${operation.name}`,
        url: `http://127.0.0.1:${gatewayPort}/graphql`,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        statsPort,
      },
      floor: {
        name: `floor ${operation.name}`,
        url: `http://127.0.0.1:${floorPort}${operation.floorRoute}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: gateway.floorVariables(operation, dataset.sample) }),
        statsPort: floorPort,
      },
    };
    // Both answer correctly before anything is timed.
    for (const target of Object.values(targets)) {
      const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
      const body = await response.json();
      if (!response.ok || body.errors) throw new Error(`${target.name} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    }
    log(` - ${operation.name}: warming up`);
    for (const target of Object.values(targets)) await measure(target, 10, 1);

    const samples = { platform: { 10: [], 1: [] }, floor: { 10: [], 1: [] } };
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of [10, 1]) {
        for (const side of ['platform', 'floor']) {
          const target = targets[side];
          await client.query('select pg_stat_statements_reset()');
          const before = await stats(target.statsPort);
          const result = await measure(target, connections, SECONDS);
          const after = await stats(target.statsPort);
          const sql = await sqlCounts(client);
          const requests = result.requests.total;
          if (side === 'platform') rssPeak = Math.max(rssPeak, after.rss);
          samples[side][connections].push({
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            cpuMsPerRequest: (after.cpuUserMicros + after.cpuSystemMicros - before.cpuUserMicros - before.cpuSystemMicros) / 1000 / requests,
            // The platform's share of it spent in the gateway process (the rest: the subgraphs).
            gatewayCpuMsPerRequest: side === 'platform' ? (cpuOf(after, 'gateway') - cpuOf(before, 'gateway')) / requests : 0,
            statementsPerRequest: sql.calls / requests,
            rowsPerRequest: sql.rows / requests,
          });
        }
      }
      log(`   round ${round + 1}/${ROUNDS} done`);
    }
    const summary = (side, connections) => {
      const s = samples[side][connections];
      return Object.fromEntries(Object.keys(s[0]).map((key) => [key, median(s.map((x) => x[key]))]));
    };
    const row = { operation: operation.name };
    for (const connections of [10, 1]) {
      const p = summary('platform', connections);
      const f = summary('floor', connections);
      // Ratios per round (platform and floor measured side by side), then their median.
      const ratios = samples.platform[connections].map((x, i) => ({
        rps: x.rps / samples.floor[connections][i].rps,
        p50: x.p50 / samples.floor[connections][i].p50,
      }));
      row[`c${connections}`] = { platform: p, floor: f, throughputRatio: median(ratios.map((r) => r.rps)), p50Ratio: median(ratios.map((r) => r.p50)) };
    }
    results.push(row);
  }
  const rssEnd = (await stats(statsPort)).rss;
  const exited = new Promise((resolve) => platform.once('exit', resolve));
  platform.kill('SIGTERM');
  floor.kill('SIGTERM');
  await exited;
  if (args.profile) for (const service of SERVICES) await summariseProfile(path.join(PROFILE_DIR, `${service}.cpuprofile`));
  await client.end();
  return { size: name, organisationsPerBydel: perBydel, dataset, rss: { start: rssStart, peak: rssPeak, end: rssEnd }, results };
}

function printSize(report) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  log(
    `\nSize ${report.size} (checksum ${report.dataset.checksum}); platform RSS ${mb(report.rss.start)} → peak ${mb(report.rss.peak)}, end ${mb(report.rss.end)}`,
  );
  const rows = [];
  for (const r of report.results) {
    for (const c of [10, 1]) {
      const x = r[`c${c}`];
      rows.push({
        operation: r.operation,
        conns: c,
        'req/s': x.platform.rps.toFixed(0),
        'p50 ms': x.platform.p50.toFixed(1),
        'p99 ms': x.platform.p99.toFixed(1),
        'cpu ms/req': x.platform.cpuMsPerRequest.toFixed(2),
        'of it gateway': x.platform.gatewayCpuMsPerRequest.toFixed(2),
        'sql/req': x.platform.statementsPerRequest.toFixed(1),
        'rows/req': x.platform.rowsPerRequest.toFixed(0),
        'floor req/s': x.floor.rps.toFixed(0),
        'floor p50': x.floor.p50.toFixed(1),
        'floor sql/req': x.floor.statementsPerRequest.toFixed(1),
        'x floor req/s': x.throughputRatio.toFixed(2),
        'x floor p50': x.p50Ratio.toFixed(2),
      });
    }
  }
  console.table(rows);
}

async function soak(server, seconds) {
  const url = server.urlFor('bench_m');
  await core.ensureDatabase(server.serverUrl, 'bench_m');
  const directoryOrm = await core.openOrm(directory.directoryOrmSettings(url));
  const referralsOrm = await core.openOrm(referrals.referralsOrmSettings(url));
  const dataset = await gateway.seedScaleDataset(directoryOrm.em.fork(), referralsOrm.em.fork(), SIZES.M, log);
  await directoryOrm.close();
  await referralsOrm.close();
  const [gatewayPort, statsPort] = [await freePort(), await freePort()];
  const platform = await startChild('serve-platform.mjs', {
    DATABASE_URL: url,
    GATEWAY_PORT: String(gatewayPort),
    STATS_PORT: String(statsPort),
    GATEWAY_SHARED_SECRET: SECRET,
    AUTH_SIGNING_KEYS: SIGNING_KEYS,
  });
  const page = gateway.fixedOperations(dataset.sample).find((operation) => operation.name === 'page');
  const token = await core.issueToken(core.parseConfig({ AUTH_SIGNING_KEYS: SIGNING_KEYS }).auth, page.as);
  const target = {
    name: 'soak',
    url: `http://127.0.0.1:${gatewayPort}/graphql`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: page.query }),
  };
  await measure(target, 10, 5);
  const samples = [];
  const started = Date.now();
  log(`\nSoak: the page at size M, 10 connections, ${seconds} s`);
  while ((Date.now() - started) / 1000 < seconds) {
    const result = await measure(target, 10, Math.min(30, seconds));
    const { rss } = await stats(statsPort);
    samples.push({ atSeconds: Math.round((Date.now() - started) / 1000), rss, rps: result.requests.average });
    log(`   ${String(samples.at(-1).atSeconds).padStart(4)} s: RSS ${(rss / 1024 / 1024).toFixed(0)} MB, ${result.requests.average.toFixed(0)} req/s`);
  }
  const exited = new Promise((resolve) => platform.once('exit', resolve));
  platform.kill('SIGTERM');
  await exited;
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  log(`RSS at start ${mb(samples[0].rss)}, at end ${mb(samples.at(-1).rss)}`);
  // RSS swings with each garbage collection, so one sample says little: the thirds' means show a trend.
  const third = Math.max(1, Math.floor(samples.length / 3));
  const mean = (xs) => xs.reduce((total, x) => total + x.rss, 0) / xs.length;
  const rss = samples.map((x) => x.rss);
  log(
    `RSS mean over the first third ${mb(mean(samples.slice(0, third)))}, the last third ${mb(mean(samples.slice(-third)))}; lowest ${mb(Math.min(...rss))}, highest ${mb(Math.max(...rss))}`,
  );
  return { soakSeconds: seconds, samples };
}

async function main() {
  const dataDir = await core.temporaryDataDir('samspill-bench-');
  const server = await core.startEmbeddedPostgres({
    dataDir,
    port: await freePort(),
    persistent: false,
    postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track=all', '-c', 'max_connections=200'],
  });
  log(`Embedded PostgreSQL with pg_stat_statements in ${dataDir}`);
  log(`Platform and floor run with NODE_OPTIONS=${NODE_OPTIONS}, as docker/Dockerfile sets it`);
  // Ctrl-C stops the database too (the platform and the floor stop with this process).
  process.once('SIGINT', () => void server.stop().finally(() => process.exit(130)));
  const started = new Date().toISOString().replace(/[:.]/g, '-');
  await mkdir(path.join(root, '.bench'), { recursive: true });
  try {
    if (args.soak) {
      const report = await soak(server, Number(args.soak));
      await writeFile(path.join(root, '.bench', `soak-${started}.json`), JSON.stringify(report, null, 2));
      return;
    }
    const reports = [];
    for (const name of args.sizes.split(',')) {
      if (!SIZES[name]) throw new Error(`unknown size ${name}: use S, M or L`);
      const report = await runSize(name, server);
      printSize(report);
      reports.push(report);
    }
    const file = path.join(root, '.bench', `results-${started}.json`);
    await writeFile(file, JSON.stringify({ seconds: SECONDS, rounds: ROUNDS, nodeOptions: NODE_OPTIONS, reports }, null, 2));
    log(`\nFigures written to ${path.relative(root, file)}`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
