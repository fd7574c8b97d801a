import { createLogger, loadConfigOrExit, openOrm, startDatabase } from '@samspill/core';

import { directoryOrmSettings } from '../orm.js';

/** Applies the directory's pending migrations (the production deploy step). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel, 'directory-migrate');
  const database = await startDatabase(config.database, logger);
  const orm = await openOrm(directoryOrmSettings(config.database.url ?? database.urlFor('samspill')));
  const executed = await orm.getMigrator().getExecutedMigrations();
  logger.info({ applied: executed.map((m) => m.name) }, 'directory schema is up to date');
  await orm.close();
  await database.stop();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
