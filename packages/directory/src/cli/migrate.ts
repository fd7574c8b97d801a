import { createLogger, loadConfigOrExit, openOrm } from '@samspill/core';

import { directoryOrmSettings } from '../orm.js';

/** Applies the directory's pending migrations (the production deploy step). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const orm = await openOrm(directoryOrmSettings(config.database.url));
  createLogger(config.logLevel, 'directory-migrate').info('directory schema is up to date');
  await orm.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
