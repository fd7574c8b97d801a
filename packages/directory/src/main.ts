import { assertDeployable, createLogger, loadConfigOrExit, openOrm, scheduleIdempotencyPurge, stopOnSignals } from '@samspill/core';

import { scheduleOfferReminders } from './jobs/offer-reminders.js';
import { directoryOrmSettings } from './orm.js';
import { createDirectoryServer } from './server.js';

/**
 * The directory subgraph for production: an external PostgreSQL (DATABASE_URL), migrations
 * applied beforehand by `node dist/cli/migrate.js`, no demo data. Stateless: run as many as needed
 * behind a load balancer.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDeployable(config, { database: true, gatewaySecret: true });
  const logger = createLogger(config.logLevel, 'directory');
  const orm = await openOrm(directoryOrmSettings(config.database.url!), { migrate: false });
  const pending = await orm.getMigrator().getPendingMigrations();
  if (pending.length > 0) {
    throw new Error(`The database lacks ${pending.length} migration(s) (${pending.map((m) => m.name).join(', ')}): run "node dist/cli/migrate.js" first`);
  }
  const server = await createDirectoryServer(orm, config, logger);
  const url = await server.listen(config.http.directoryPort, config.http.host, 'DIRECTORY_PORT');
  const stopPurge = scheduleIdempotencyPurge(orm, logger);
  // Reminders to re-verify offers that are due, through the directory's own outbox.
  const reminders = scheduleOfferReminders(orm, config, logger);
  if (!reminders) logger.warn('notifications are switched off: offers due for re-verification are not reminded of');
  logger.info({ url }, 'directory subgraph ready');
  stopOnSignals(logger, config.http.shutdownGraceMs, async () => {
    stopPurge();
    reminders?.stop();
    await server.stop();
    await orm.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
