import { assertDeployable, assertNotifiable, createLogger, loadConfigOrExit, openOrm, stopOnSignals } from '@samspill/core';

import { scheduleReferralJobs } from './jobs/referral-jobs.js';
import { createReferralsNotifier } from './modules/notifications/notification-worker.js';
import { referralsOrmSettings } from './orm.js';
import { createReferralsServer } from './server.js';

/**
 * The referrals subgraph for production: its own DATABASE_URL (its own database role in
 * production), migrations applied beforehand, the expiry and retention jobs on a timer.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDeployable(config, { database: true, gatewaySecret: true });
  // Notifications go through SMTP_URL, or are switched off explicitly (NOTIFICATIONS_ENABLED=false): never silently lost.
  assertNotifiable(config);
  const logger = createLogger(config.logLevel, 'referrals');
  const orm = await openOrm(referralsOrmSettings(config.database.url!), { migrate: false });
  const pending = await orm.getMigrator().getPendingMigrations();
  if (pending.length > 0) throw new Error(`The database lacks ${pending.length} referrals migration(s): run "node dist/cli/migrate.js" first`);
  const server = await createReferralsServer(orm, config, logger);
  const url = await server.listen(config.http.referralsPort, config.http.host, 'REFERRALS_PORT');
  const stopJobs = scheduleReferralJobs(orm, config.referrals, config.referrals.jobIntervalSeconds, logger);
  const notifier = createReferralsNotifier(orm, config, logger);
  const stopNotifier = notifier?.worker.schedule(config.notifications.intervalSeconds * 1000);
  if (!notifier) logger.warn('notifications are switched off (NOTIFICATIONS_ENABLED=false): the outbox keeps them until they are switched on');
  logger.info({ url }, 'referrals subgraph ready');
  stopOnSignals(logger, config.http.shutdownGraceMs, async () => {
    stopJobs();
    stopNotifier?.();
    notifier?.close();
    await server.stop();
    await orm.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
