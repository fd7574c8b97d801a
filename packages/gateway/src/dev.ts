import { randomBytes } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';
import { type Config, createLogger, ensureDatabase, issueToken, loadConfigOrExit, openOrm, startDatabase } from '@samspill/core';
import { createDirectoryServer, DEMO_USERS, directoryOrmSettings, seedDemoData } from '@samspill/directory';
import { createReferralsServer, referralsOrmSettings, scheduleReferralJobs } from '@samspill/referrals';
import { startDevelopmentWeb, withDevelopmentIssuer } from '@samspill/web-server';

import { seedDemoReferrals } from './demo/demo-referrals.js';
import { createGatewayServer } from './gateway.js';

const DATABASE_NAME = 'samspill';

function step(message: string): void {
  process.stdout.write(`• ${message}\n`);
}

/**
 * The whole platform on one machine: an embedded PostgreSQL (or DATABASE_URL), both subgraphs'
 * migrations, demo data, the directory and referrals subgraphs and the gateway in front of them,
 * and a token per demo role to try it with.
 */
async function main(): Promise<void> {
  const loaded = loadConfigOrExit();
  // The subgraphs answer only the gateway: a secret made for this run unless one is configured.
  const config: Config = withDevelopmentIssuer({
    ...loaded,
    federation: { ...loaded.federation, gatewaySharedSecret: loaded.federation.gatewaySharedSecret ?? randomBytes(24).toString('base64url') },
  });
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'samspill');

  step(config.database.url ? 'Connecting to the PostgreSQL in DATABASE_URL' : `Starting the embedded PostgreSQL (data in ${config.database.embeddedDir})`);
  const database = await startDatabase(config.database, logger);
  if (!config.database.url) await ensureDatabase(database.serverUrl, DATABASE_NAME);
  const url = config.database.url ?? database.urlFor(DATABASE_NAME);

  step('Applying migrations (directory, referrals)');
  const directoryOrm = await openOrm(directoryOrmSettings(url));
  const referralsOrm = await openOrm(referralsOrmSettings(url));

  step((await seedDemoData(directoryOrm.em.fork())) ? 'Loaded the demo directory' : 'Demo directory already present');
  const seeded = await seedDemoReferrals(referralsOrm.em.fork() as EntityManager, directoryOrm.em.fork() as EntityManager, config.referrals);
  step(seeded ? 'Loaded the demo referrals' : 'Demo referrals already present');

  step('Starting the subgraphs and the gateway');
  const directory = await createDirectoryServer(directoryOrm, config, logger);
  const referrals = await createReferralsServer(referralsOrm, config, logger);
  const directoryUrl = await directory.listen(config.http.directoryPort, config.http.host);
  const referralsUrl = await referrals.listen(config.http.referralsPort, config.http.host);
  const stopJobs = scheduleReferralJobs(referralsOrm, config.referrals, config.referrals.jobIntervalSeconds, logger);
  const gateway = await createGatewayServer(config, logger, { directory: directoryUrl, referrals: referralsUrl });
  const gatewayUrl = await gateway.listen(config.http.gatewayPort, config.http.host);
  const web = await startDevelopmentWeb(config, url, DEMO_USERS, logger);

  const lines = [
    `\nSamspill is running.\n\n  Web app: ${web.webUrl}  (GraphiQL: ${web.webUrl}/graphiql)`,
    `  Sign in there; the development issuer (${web.issuerUrl}) lists the demo users:`,
    ...DEMO_USERS.map((user) => `    ${user.role.padEnd(16)} ${user.label}`),
    `\n  GraphQL (gateway): ${gatewayUrl}`,
    `  subgraphs (answer only the gateway): ${directoryUrl}, ${referralsUrl}`,
    `\nDemo tokens (valid 12 hours; send as "Authorization: Bearer <token>"):`,
  ];
  for (const user of DEMO_USERS) lines.push(`\n  ${user.role} — ${user.label}\n  ${await issueToken(config.auth, { ...user, expiresIn: '12h' })}`);
  lines.push(
    `\nTry:\n  curl -s ${gatewayUrl} -H 'content-type: application/json' -d '{"query":"{ bydeler { code name } }"}'`,
    `\nMore examples are in the README. Press Ctrl+C to stop.\n`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    step('Stopping');
    stopJobs();
    await web.stop();
    await gateway.stop();
    await Promise.all([directory.stop(), referrals.stop()]);
    await Promise.all([directoryOrm.close(), referralsOrm.close()]);
    await database.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  process.stderr.write(`\nSamspill could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
