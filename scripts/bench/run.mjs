// The Samspill benchmark (run through `npx -y pnpm@10.34.9 bench`, which builds first).
//
//   npx -y pnpm@10.34.9 bench                         sizes S and M, the targets' operations only (a few minutes)
//   npx -y pnpm@10.34.9 bench -- --full               every operation, at 10 and at 1 connection
//   npx -y pnpm@10.34.9 bench -- --sizes S,M,L        all three sizes (L seeds 15 000 organisations)
//   npx -y pnpm@10.34.9 bench -- --seconds 10 --rounds 3
//   npx -y pnpm@10.34.9 bench -- --soak 600           memory over a 10-minute run of the page at size M
//
// Without --full (or --ops), it measures what the targets read: the page, activity by id and
// bydeler at 10 connections, and at size L the activity search at 10 and 1; 2 s a measurement, 3 rounds.
//
// For each size it seeds a deterministic dataset (checksum printed; titles from a vocabulary of
// real listings, and each search's match count printed) into an embedded PostgreSQL with
// pg_stat_statements, starts the platform (gateway + both subgraphs), PostGraphile v5
// (postgraphile-server.mjs, read-only) and the hand-written `pg` floor in processes of their own,
// and runs every fixed operation with autocannon at 10 and at 1 connection, after a warm-up, in
// interleaved rounds: through the gateway, straight to the directory subgraph (where the operation
// is the directory's alone), PostGraphile's equivalent query (where it has one: its answer is
// checked against the platform's first, and the run stops if they differ), and the floor.
// It prints requests/s, p50 and p99 latency, server CPU ms per request, PostgreSQL CPU ms per
// request (its processes' utime+stime), SQL statements and rows per request (pg_stat_statements,
// without BEGIN/COMMIT/SET), the platform's peak RSS, each operation's ratios to PostGraphile and
// to the floor measured in the same round, and the issue's targets (holds / does not hold); the
// figures go to .bench/*.json.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
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
    seconds: { type: 'string' },
    rounds: { type: 'string' },
    full: { type: 'boolean', default: false },
    soak: { type: 'string' },
    ops: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const SIZES = { S: 20, M: 100, L: 1000 };
const SECONDS = Number(args.seconds ?? (args.full ? 3 : 2));
const ROUNDS = Number(args.rounds ?? (args.full ? 2 : 3));
/** What the targets read (printTargets), by size: the operations and the connection counts measured without --full. */
const TARGET_OPS = ['bydeler', 'page', 'activity by id'];
const targetOpsAt = (size) => (size === 'L' ? [...TARGET_OPS, 'activity search'] : TARGET_OPS);
const connectionsFor = (operation) => (args.full || ONLY_GIVEN || operation === 'activity search' ? [10, 1] : [10]);
const SECRET = 'bench-gateway-secret-0123456789abcdef';
/** The platform runs on its production configuration, with this signing key. */
const SIGNING_KEYS = 'bench=bench-signing-key-0123456789abcdef0123456789';
const ONLY = args.ops?.split(',').map((name) => name.trim());
const ONLY_GIVEN = ONLY !== undefined;
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

/** The sides of a comparison, in the order they are measured and printed. */
const SIDES = ['gateway', 'direct', 'postgraphile', 'floor'];
const SIDE_NAMES = { gateway: 'Samspill via gateway', direct: 'directory subgraph direct', postgraphile: 'PostGraphile v5', floor: 'hand-written floor' };

/** The clock ticks of /proc/<pid>/stat's utime and stime (USER_HZ): 100 on Linux. */
const CLOCK_TICK_MS = 1000 / 100;

/**
 * The CPU time so far of each of the PostgreSQL server's processes (every child of the postmaster:
 * the backends serving the system under test, and the writers it makes work), in clock ticks, from
 * /proc/<pid>/stat's utime + stime. Not pg_stat_statements' total_exec_time, which is wall time
 * inside the executor (waits included; parsing, planning and the protocol left out).
 */
async function postgresCpuTicks(postmasterPid) {
  const ticks = new Map();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = await readFile(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After the command's closing parenthesis: state, ppid, … utime (14th field), stime (15th).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) === postmasterPid) ticks.set(entry, Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

/**
 * PostgreSQL CPU milliseconds between two snapshots. Only one system runs at a time, so it is what
 * that system cost the database. A process that started in between counts whole; one that ended
 * in between is lost (an undercount, never a negative): the pools keep their connections.
 */
function postgresCpuMsBetween(before, after) {
  let ticks = 0;
  for (const [pid, now] of after) ticks += Math.max(0, now - (before.get(pid) ?? 0));
  return ticks * CLOCK_TICK_MS;
}

async function postmasterPid(client) {
  const { rows } = await client.query('select pg_backend_pid() as pid');
  const stat = await readFile(`/proc/${rows[0].pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** How many activities each search word finds, as the platform's full-text match does. */
async function searchMatches(client, words) {
  const { rows } = await client.query(
    `select w.word, (select count(*) from directory.activity a
                      where a.status = 'PUBLISHED' and a.search_vector @@ websearch_to_tsquery('directory.samspill', w.word))::int as matches
       from unnest($1::text[]) as w(word)`,
    [words],
  );
  return new Map(rows.map((r) => [r.word, r.matches]));
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
  const postmaster = await postmasterPid(client);

  // How selective the searches are: each operation's words, and every activity word of the vocabulary.
  const wanted = ONLY ?? (args.full ? undefined : targetOpsAt(name));
  const operations = gateway.fixedOperations(dataset.sample).filter((operation) => !wanted || wanted.includes(operation.name));
  const searched = [...new Set(operations.map((o) => o.variables.f?.text).filter(Boolean))];
  const vocabulary = Object.values(gateway.ACTIVITY_WORDS)
    .flat()
    .map((word) => word.split(' ')[0].toLowerCase());
  const matches = await searchMatches(client, [...new Set([...searched, ...vocabulary])]);
  const share = (count) => `${((100 * count) / dataset.activities).toFixed(2)} %`;
  for (const word of searched) log(`   search "${word}": ${matches.get(word)} of ${dataset.activities} activities match (${share(matches.get(word))})`);
  const vocabularyCounts = [...new Set(vocabulary)].map((word) => [word, matches.get(word)]).sort((a, b) => a[1] - b[1]);
  const [typical, common] = [vocabularyCounts[Math.floor(vocabularyCounts.length / 2)], vocabularyCounts.at(-1)];
  log(
    `   the vocabulary's ${vocabularyCounts.length} activity words: median ${typical[1]} matches (${share(typical[1])}, "${typical[0]}"), most ${common[1]} (${share(common[1])}, "${common[0]}")`,
  );
  const searchMatchCounts = Object.fromEntries(searched.map((word) => [word, matches.get(word)]));

  const [gatewayPort, statsPort, floorPort, postgraphilePort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const platform = await startChild('serve-platform.mjs', {
    DATABASE_URL: url,
    GATEWAY_PORT: String(gatewayPort),
    STATS_PORT: String(statsPort),
    GATEWAY_SHARED_SECRET: SECRET,
    AUTH_SIGNING_KEYS: SIGNING_KEYS,
    ...(args.profile ? { PROFILE_DIR } : {}),
  });
  const floor = await startChild('floor-server.mjs', { DATABASE_URL: url, PORT: String(floorPort) });
  const postgraphile = await startChild('postgraphile-server.mjs', { DATABASE_URL: url, PORT: String(postgraphilePort) });
  const platformStats = await stats(statsPort);
  const directoryUrl = platformStats.directoryUrl;
  const rssStart = platformStats.rss;
  let rssPeak = rssStart;

  const auth = core.parseConfig({ AUTH_SIGNING_KEYS: SIGNING_KEYS }).auth;
  const results = [];
  for (const operation of operations) {
    const token = await core.issueToken(auth, operation.as);
    const platformBody = JSON.stringify({ query: operation.query, variables: operation.variables });
    const bearer = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const platformCpu = (s) => s.cpuUserMicros + s.cpuSystemMicros;
    const targets = {
      gateway: {
        name: `gateway ${operation.name}`,
        url: `http://127.0.0.1:${gatewayPort}/graphql`,
        headers: bearer,
        body: platformBody,
        cpu: async () => platformCpu(await stats(statsPort)) / 1000,
      },
      // Straight to the directory subgraph, as the gateway sends it (the token and the shared secret).
      direct: operation.directoryOnly
        ? {
            name: `directory direct ${operation.name}`,
            url: directoryUrl,
            headers: { ...bearer, [core.GATEWAY_SECRET_HEADER]: SECRET },
            body: platformBody,
            cpu: async () => cpuOf(await stats(statsPort), 'directory'),
          }
        : undefined,
      postgraphile:
        'query' in operation.postgraphile
          ? {
              name: `PostGraphile ${operation.name}`,
              url: `http://127.0.0.1:${postgraphilePort}/graphql`,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: operation.postgraphile.query, variables: operation.postgraphile.variables }),
              cpu: async () => platformCpu(await stats(postgraphilePort)) / 1000,
            }
          : undefined,
      floor: {
        name: `floor ${operation.name}`,
        url: `http://127.0.0.1:${floorPort}${operation.floorRoute}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: gateway.floorVariables(operation, dataset.sample) }),
        cpu: async () => platformCpu(await stats(floorPort)) / 1000,
      },
    };
    const sides = SIDES.filter((side) => targets[side]);
    // Every side answers correctly before anything is timed, and the peers give the platform's answer.
    // One request alone also gives its exact statement count (under load, requests in flight at the
    // ends of a measurement blur the per-request average).
    const answers = {};
    const statementsOfOne = {};
    for (const side of sides) {
      const target = targets[side];
      const ask = async () => {
        const response = await fetch(target.url, { method: 'POST', headers: target.headers, body: target.body });
        const body = await response.json();
        if (!response.ok || body.errors) throw new Error(`${target.name} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
        return body.data;
      };
      answers[side] = await ask();
      // The second time, warm (caches filled, statements prepared), as under load.
      await client.query('select pg_stat_statements_reset()');
      await ask();
      statementsOfOne[side] = (await sqlCounts(client)).calls;
    }
    if (operation.read) {
      if (answers.direct && JSON.stringify(answers.direct) !== JSON.stringify(answers.gateway)) {
        throw new Error(`${operation.name}: the directory subgraph, called directly, does not answer as the gateway does`);
      }
      const difference = answers.postgraphile && gateway.postgraphileDifference(operation, answers.gateway, answers.postgraphile);
      if (difference)
        throw new Error(
          `${operation.name}: PostGraphile's answer is not the platform's (${difference}); its query in operations.ts must ask for the same rows`,
        );
    }
    log(
      ` - ${operation.name}: ${sides.map((side) => SIDE_NAMES[side]).join(', ')}${targets.postgraphile ? '' : ` (PostGraphile n/a: ${operation.postgraphile.unavailable})`}; warming up`,
    );
    for (const side of sides) await measure(targets[side], 10, 1);

    const connectionCounts = connectionsFor(operation.name);
    const samples = Object.fromEntries(sides.map((side) => [side, { 10: [], 1: [] }]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const connections of connectionCounts) {
        for (const side of sides) {
          const target = targets[side];
          await client.query('select pg_stat_statements_reset()');
          const [cpuBefore, gatewayBefore, pgBefore] = [
            await target.cpu(),
            side === 'gateway' ? cpuOf(await stats(statsPort), 'gateway') : 0,
            await postgresCpuTicks(postmaster),
          ];
          const result = await measure(target, connections, SECONDS);
          const [cpuAfter, gatewayAfter, pgAfter] = [
            await target.cpu(),
            side === 'gateway' ? cpuOf(await stats(statsPort), 'gateway') : 0,
            await postgresCpuTicks(postmaster),
          ];
          const sql = await sqlCounts(client);
          const requests = result.requests.total;
          if (side === 'gateway') rssPeak = Math.max(rssPeak, (await stats(statsPort)).rss);
          samples[side][connections].push({
            rps: result.requests.average,
            p50: result.latency.p50,
            p99: result.latency.p99,
            cpuMsPerRequest: (cpuAfter - cpuBefore) / requests,
            // The platform's share of it spent in the gateway process (the rest: the subgraphs).
            gatewayCpuMsPerRequest: (gatewayAfter - gatewayBefore) / requests,
            postgresCpuMsPerRequest: postgresCpuMsBetween(pgBefore, pgAfter) / requests,
            statementsPerRequest: sql.calls / requests,
            rowsPerRequest: sql.rows / requests,
          });
        }
      }
      log(`   round ${round + 1}/${ROUNDS} done (${connectionCounts.join(' and ')} connections, ${SECONDS} s each side)`);
    }
    const summary = (side, connections) => {
      const s = samples[side][connections];
      return Object.fromEntries(Object.keys(s[0]).map((key) => [key, median(s.map((x) => x[key]))]));
    };
    // Ratios per round (the sides measured one after the other), then their median.
    const ratio = (side, to, connections, key) =>
      samples[side] && samples[to] ? median(samples[side][connections].map((x, i) => x[key] / samples[to][connections][i][key])) : undefined;
    const row = { operation: operation.name, postgraphile: targets.postgraphile ? 'measured' : operation.postgraphile.unavailable, statementsOfOne };
    for (const connections of connectionCounts) {
      const c = { sides: Object.fromEntries(sides.map((side) => [side, summary(side, connections)])), toFloor: {}, toPostgraphile: {} };
      for (const side of sides) {
        c.toFloor[side] = { rps: ratio(side, 'floor', connections, 'rps'), p50: ratio(side, 'floor', connections, 'p50') };
        c.toPostgraphile[side] = { rps: ratio(side, 'postgraphile', connections, 'rps'), p50: ratio(side, 'postgraphile', connections, 'p50') };
      }
      row[`c${connections}`] = c;
    }
    results.push(row);
  }
  const rssEnd = (await stats(statsPort)).rss;
  const exited = new Promise((resolve) => platform.once('exit', resolve));
  platform.kill('SIGTERM');
  floor.kill('SIGTERM');
  postgraphile.kill('SIGTERM');
  await exited;
  if (args.profile) for (const service of SERVICES) await summariseProfile(path.join(PROFILE_DIR, `${service}.cpuprofile`));
  await client.end();
  return { size: name, organisationsPerBydel: perBydel, dataset, searchMatchCounts, rss: { start: rssStart, peak: rssPeak, end: rssEnd }, results };
}

const fixed = (x, digits) => (x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(digits));

function printSize(report) {
  const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  log(
    `\nSize ${report.size} (checksum ${report.dataset.checksum}; ${report.dataset.activities} activities; search matches ${Object.entries(
      report.searchMatchCounts,
    )
      .map(([word, count]) => `"${word}" ${count}`)
      .join(', ')}); platform RSS ${mb(report.rss.start)} → peak ${mb(report.rss.peak)}, end ${mb(report.rss.end)}`,
  );
  log(
    'Throughput at 10 connections and median latency at 1 (gw: Samspill via gateway, dir: directory subgraph direct, pgl: PostGraphile v5, floor: hand-written)',
  );
  console.table(
    report.results.map((r) => {
      // Without --full most operations are measured at 10 connections only: their p50 columns say n/a.
      const none = { sides: {}, toFloor: { gateway: {} }, toPostgraphile: { gateway: {} } };
      const [ten, one] = [r.c10, r.c1 ?? none];
      const s = (c, side, key, digits) => fixed(c.sides[side]?.[key], digits);
      return {
        operation: r.operation,
        'gw req/s': s(ten, 'gateway', 'rps', 0),
        'dir req/s': s(ten, 'direct', 'rps', 0),
        'pgl req/s': s(ten, 'postgraphile', 'rps', 0),
        'floor req/s': s(ten, 'floor', 'rps', 0),
        'gw p50': s(one, 'gateway', 'p50', 1),
        'dir p50': s(one, 'direct', 'p50', 1),
        'pgl p50': s(one, 'postgraphile', 'p50', 1),
        'floor p50': s(one, 'floor', 'p50', 1),
        'gw/pgl req/s': fixed(ten.toPostgraphile.gateway.rps, 2),
        'dir/pgl req/s': fixed(ten.toPostgraphile.direct?.rps, 2),
        'gw/floor req/s': fixed(ten.toFloor.gateway.rps, 2),
        'gw/pgl p50': fixed(one.toPostgraphile.gateway.p50, 2),
        'gw/floor p50': fixed(one.toFloor.gateway.p50, 2),
      };
    }),
  );
  log(
    'Per request at 10 connections: server CPU ms (the system\'s processes; gw: all three, "of it gw": the gateway process), PostgreSQL CPU ms (its processes, /proc utime+stime), SQL statements',
  );
  console.table(
    report.results.map((r) => {
      const c = r.c10;
      const s = (side, key, digits) => fixed(c.sides[side]?.[key], digits);
      return {
        operation: r.operation,
        'gw cpu': s('gateway', 'cpuMsPerRequest', 2),
        'of it gw': s('gateway', 'gatewayCpuMsPerRequest', 2),
        'dir cpu': s('direct', 'cpuMsPerRequest', 2),
        'pgl cpu': s('postgraphile', 'cpuMsPerRequest', 2),
        'floor cpu': s('floor', 'cpuMsPerRequest', 2),
        'gw pg cpu': s('gateway', 'postgresCpuMsPerRequest', 2),
        'dir pg cpu': s('direct', 'postgresCpuMsPerRequest', 2),
        'pgl pg cpu': s('postgraphile', 'postgresCpuMsPerRequest', 2),
        'floor pg cpu': s('floor', 'postgresCpuMsPerRequest', 2),
        'gw sql': r.statementsOfOne.gateway,
        'pgl sql': r.statementsOfOne.postgraphile ?? 'n/a',
        'floor sql': r.statementsOfOne.floor,
        'gw rows': s('gateway', 'rowsPerRequest', 0),
      };
    }),
  );
  const missing = report.results.filter((r) => r.postgraphile !== 'measured');
  for (const r of missing) log(`PostGraphile n/a for ${r.operation}: ${r.postgraphile}`);
}

/** The issue's targets (none of them a timed test): each marked holds, does not hold, or not measured. */
function printTargets(reports) {
  const rows = [];
  const target = (text, measured, holds, figure) =>
    rows.push({ target: text, figure: measured ? figure : '', verdict: measured ? (holds ? 'holds' : 'does not hold') : 'not measured' });
  for (const report of reports) {
    const op = (name) => report.results.find((r) => r.operation === name);
    const at = `size ${report.size}`;
    const page = op('page');
    const pageGw = page?.c10.toPostgraphile.gateway.rps;
    target(`${at}: page via gateway at 10 conns ≥ 0.8× PostGraphile req/s`, pageGw !== undefined, pageGw >= 0.8, `${fixed(pageGw, 2)}×`);
    const pageDir = page?.c10.toPostgraphile.direct?.rps;
    target(`${at}: page, directory subgraph direct ≥ 1.0× PostGraphile req/s`, pageDir !== undefined, pageDir >= 1.0, `${fixed(pageDir, 2)}×`);
    const byId = op('activity by id')?.c10.toPostgraphile.gateway.rps;
    target(`${at}: activity by id via gateway ≥ 0.6× PostGraphile req/s`, byId !== undefined, byId >= 0.6, `${fixed(byId, 2)}×`);
    const bydeler = op('bydeler')?.c10.sides.gateway.cpuMsPerRequest;
    target(
      `${at}: { bydeler { code name } } ≤ 1.0 ms server CPU per request (processes summed)`,
      bydeler !== undefined,
      bydeler <= 1.0,
      `${fixed(bydeler, 2)} ms`,
    );
    const pagePg = page && [page.c10.sides.gateway.postgresCpuMsPerRequest, page.c10.sides.postgraphile?.postgresCpuMsPerRequest];
    target(
      `${at}: PostgreSQL CPU per page ≤ PostGraphile's`,
      pagePg?.[1] !== undefined,
      pagePg?.[0] <= pagePg?.[1],
      `${fixed(pagePg?.[0], 2)} ms against ${fixed(pagePg?.[1], 2)} ms`,
    );
    if (report.size === 'L') {
      const search = op('activity search');
      const p50 = search?.c1?.sides.gateway.p50;
      target(`${at}: activity search at 1 conn, p50 via gateway ≤ 8 ms`, p50 !== undefined, p50 <= 8, `${fixed(p50, 1)} ms`);
      const toFloor = search?.c10.toFloor.gateway.rps;
      target(`${at}: activity search at 10 conns ≥ 0.8× the floor's req/s`, toFloor !== undefined, toFloor >= 0.8, `${fixed(toFloor, 2)}×`);
    }
  }
  if (!reports.some((r) => r.size === 'L')) target('size L: activity search p50 ≤ 8 ms and ≥ 0.8× the floor (run --sizes S,M,L)', false);
  // Statements of one request across the sizes run (the suite's statement-count test holds it for S, M and L),
  // compared operation by operation: a size may measure more operations (L adds the search).
  const statements = (report) => new Map(report.results.filter((r) => r.operation !== 'create referral').map((r) => [r.operation, r.statementsOfOne.gateway]));
  const measured = reports.map(statements);
  const everywhere = [...(measured[0]?.keys() ?? [])].filter((operation) => measured.every((m) => m.has(operation)));
  target(
    `statements per read request constant across ${reports.map((r) => r.size).join(', ')} (and the suite's statement-count test)`,
    reports.length > 1 && everywhere.length > 0,
    everywhere.every((operation) => measured.every((m) => m.get(operation) === measured[0].get(operation))),
    reports.length > 1 ? everywhere.map((operation) => `${operation} ${measured.map((m) => m.get(operation)).join('/')}`).join('; ') : '',
  );
  target('memory flat over the 10-minute soak (run --soak 600)', false);
  log('\nTargets');
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
  log(`Platform, PostGraphile and floor run with NODE_OPTIONS=${NODE_OPTIONS}, as docker/Dockerfile sets it`);
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
    printTargets(reports);
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
