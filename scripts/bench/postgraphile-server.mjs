// PostGraphile v5, the benchmark's peer: a GraphQL server generated from the same database's
// `directory` schema, started by run.mjs in a process of its own (the same NODE_OPTIONS as the
// platform and the floor). Prints "ready <url>" once listening; GET /__stats answers its CPU time
// and RSS, as the floor does.
//
//   env: DATABASE_URL, PORT (binds 127.0.0.1)
//
// Read-only: every connection starts with default_transaction_read_only=on, so the generated
// mutations fail. The Amber preset (PostGraphile's recommended defaults), simplified inflection
// (`activities`, `organisation`, `contactPeople`), and the community connection filter
// (`filter: { bydelCode: { in: [...] } }`), which the directory's list operations need: Amber's own
// `condition` argument only matches equality. No SQL function or view is added: what PostGraphile
// answers here is what it generates from the tables alone.
import http from 'node:http';

import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

// PostGraphile 5 asks for Node.js 22; on Node.js 20 it needs only this (an ES2024 addition).
Promise.withResolvers ??= function withResolvers() {
  let resolve;
  let reject;
  const promise = new this((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

const DATABASE_URL = process.env.DATABASE_URL;
const PORT = Number(process.env.PORT ?? 0);
if (!DATABASE_URL) {
  process.stderr.write('postgraphile-server: DATABASE_URL is required\n');
  process.exit(1);
}

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  // Every column can be filtered and ordered by, indexed or not, as the platform's fields can.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [
    makePgService({
      connectionString: DATABASE_URL,
      schemas: ['directory'],
      // As many connections as the floor's pool.
      poolConfig: { max: 10, options: '-c default_transaction_read_only=on' },
    }),
  ],
  schema: { connectionFilterRelations: true, connectionFilterArrays: true },
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 64 * 1024 },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
// Builds the schema now, so the first timed request does not.
await pgl.getSchema();
const handler = serv.createHandler();

const server = http.createServer((req, res) => {
  if (req.url === '/__stats' && req.method === 'GET') {
    const cpu = process.cpuUsage();
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, rss: process.memoryUsage().rss }));
  }
  handler(req, res);
});
server.listen(PORT, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`ready http://127.0.0.1:${port}/graphql\n`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close();
  await pgl.release();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Gone with run.mjs (its IPC channel), however that ends.
process.once('disconnect', stop);
