import { assertDeployable, createLogger, loadConfigOrExit, openOrm, stopOnSignals } from '@samspill/core';

import { scheduleReferralJobs } from './jobs/referral-jobs.js';
import { referralsOrmSettings } from './orm.js';
import { createReferralsServer } from './server.js';

/**
 * The referrals subgraph for production: its own DATABASE_URL (its own database role in
 * production), migrations applied beforehand, the expiry and retention jobs on a timer.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDeployable(config, { database: true, gatewaySecret: true });
  const logger = createLogger(config.logLevel, 'referrals');
  const orm = await openOrm(referralsOrmSettings(config.database.url!), { migrate: false });
  const pending = await orm.getMigrator().getPendingMigrations();
  if (pending.length > 0) throw new Error(`The database lacks ${pending.length} referrals migration(s): run "node dist/cli/migrate.js" first`);
  const server = await createReferralsServer(orm, config, logger);
  const url = await server.listen(config.http.referralsPort, config.http.host, 'REFERRALS_PORT');
  const stopJobs = scheduleReferralJobs(orm, config.referrals, config.referrals.jobIntervalSeconds, logger);
  logger.info({ url }, 'referrals subgraph ready');
  stopOnSignals(logger, config.http.shutdownGraceMs, async () => {
    stopJobs();
    await server.stop();
    await orm.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
