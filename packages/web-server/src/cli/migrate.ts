import { createLogger, loadConfigOrExit, openOrm } from '@samspill/core';

import { webOrmSettings } from '../orm.js';

/** Applies the web server's pending migrations (its session table; the production deploy step). */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const orm = await openOrm(webOrmSettings(config.database.url));
  createLogger(config.logLevel, 'web-migrate').info('web schema is up to date');
  await orm.close();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
