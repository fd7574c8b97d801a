// The platform as the benchmark measures it, in a process of its own: the directory and
// referrals subgraphs and the gateway on loopback ports, on DATABASE_URL. Started by run.mjs.
//   env: DATABASE_URL, GATEWAY_PORT, STATS_PORT, GATEWAY_SHARED_SECRET, AUTH_SIGNING_KEYS
import http from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/gateway/package.json', import.meta.url));
const core = require('../../packages/core/dist/index.js');
const directory = require('../../packages/directory/dist/index.js');
const referrals = require('../../packages/referrals/dist/index.js');
const gateway = require('../../packages/gateway/dist/index.js');

const env = process.env;
// The production configuration (as the Docker image runs), on the benchmark's keys.
const config = core.parseConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'error',
  DATABASE_URL: env.DATABASE_URL,
  GATEWAY_SHARED_SECRET: env.GATEWAY_SHARED_SECRET,
  AUTH_SIGNING_KEYS: env.AUTH_SIGNING_KEYS,
});
const logger = core.createLogger('error', 'bench-platform');
const directoryOrm = await core.openOrm(directory.directoryOrmSettings(env.DATABASE_URL), { migrate: false });
const referralsOrm = await core.openOrm(referrals.referralsOrmSettings(env.DATABASE_URL), { migrate: false });
const directoryServer = await directory.createDirectoryServer(directoryOrm, config, logger);
const directoryUrl = await directoryServer.listen(0, '127.0.0.1');
const referralsServer = await referrals.createReferralsServer(referralsOrm, config, logger, {
  directory: new referrals.HttpDirectoryLookup(directoryUrl, config.federation.gatewaySharedSecret),
});
const referralsUrl = await referralsServer.listen(0, '127.0.0.1');
const gatewayServer = await gateway.createGatewayServer(config, logger, { directory: directoryUrl, referrals: referralsUrl });
const url = await gatewayServer.listen(Number(env.GATEWAY_PORT), '127.0.0.1');

http
  .createServer((_req, res) => {
    const cpu = process.cpuUsage();
    res.end(JSON.stringify({ cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, rss: process.memoryUsage().rss }));
  })
  .listen(Number(env.STATS_PORT), '127.0.0.1', () => process.stdout.write(`ready ${url}\n`));

for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, async () => {
    await gatewayServer.stop();
    await Promise.all([directoryServer.stop(), referralsServer.stop()]);
    await Promise.all([directoryOrm.close(), referralsOrm.close()]);
    process.exit(0);
  });
