// One service of the platform in a process of its own, as production runs it (docker/compose.yaml):
//   node serve-service.mjs directory|referrals|gateway
//   env: DATABASE_URL, GATEWAY_SHARED_SECRET, AUTH_SIGNING_KEYS, DIRECTORY_URL, REFERRALS_URL, PORT (0: any)
// Prints "ready <url>" once it listens on loopback; answers the "stats" message
// (started by serve-platform.mjs with an IPC channel) with its CPU time and RSS.
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/gateway/package.json', import.meta.url));
const core = require('../../packages/core/dist/index.js');

const service = process.argv[2];
const env = process.env;
// The production configuration (as the Docker image runs), on the benchmark's keys.
const config = core.parseConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  DATABASE_URL: env.DATABASE_URL,
  GATEWAY_SHARED_SECRET: env.GATEWAY_SHARED_SECRET,
  IDEMPOTENCY_SECRET: env.IDEMPOTENCY_SECRET,
  AUTH_SIGNING_KEYS: env.AUTH_SIGNING_KEYS,
  DIRECTORY_URL: env.DIRECTORY_URL,
  REFERRALS_URL: env.REFERRALS_URL,
});
const logger = core.createLogger('error', `bench-${service}`);

let server;
let orm;
if (service === 'directory') {
  const directory = require('../../packages/directory/dist/index.js');
  orm = await core.openOrm(directory.directoryOrmSettings(env.DATABASE_URL), { migrate: false });
  server = await directory.createDirectoryServer(orm, config, logger);
} else if (service === 'referrals') {
  const referrals = require('../../packages/referrals/dist/index.js');
  orm = await core.openOrm(referrals.referralsOrmSettings(env.DATABASE_URL), { migrate: false });
  server = await referrals.createReferralsServer(orm, config, logger, {
    directory: new referrals.HttpDirectoryLookup(env.DIRECTORY_URL, config.federation.gatewaySharedSecret),
  });
} else if (service === 'gateway') {
  const gateway = require('../../packages/gateway/dist/index.js');
  server = await gateway.createGatewayServer(config, logger, { directory: env.DIRECTORY_URL, referrals: env.REFERRALS_URL });
} else {
  process.stderr.write('usage: node serve-service.mjs directory|referrals|gateway\n');
  process.exit(2);
}
const url = await server.listen(Number(env.PORT ?? 0), '127.0.0.1');

process.on('message', (message) => {
  if (message !== 'stats') return;
  const cpu = process.cpuUsage();
  process.send({ service, cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, rss: process.memoryUsage().rss });
});
// Gone with the process that started it.
process.once('disconnect', () => process.exit(0));
process.once('SIGTERM', async () => {
  await server.stop();
  await orm?.close();
  process.exit(0);
});
process.stdout.write(`ready ${url}\n`);
