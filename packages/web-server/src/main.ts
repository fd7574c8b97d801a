import { assertWebDeployable, createLogger, loadConfigOrExit, openOrm, stopOnSignals } from '@samspill/core';

import { webOrmSettings } from './orm.js';
import { createWebServer } from './web-server.js';

/**
 * The web server for production: sign-in at WEB_OIDC_ISSUER, sessions in DATABASE_URL (schema
 * `web`, migrated beforehand by cli/migrate.js), the gateway at WEB_GATEWAY_URL.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertWebDeployable(config);
  const logger = createLogger(config.logLevel, 'web');
  const orm = await openOrm(webOrmSettings(config.database.url!), { migrate: false });
  const server = createWebServer({ config, orm, logger });
  const url = await server.listen(config.web.port, config.http.host);
  logger.info({ url, publicUrl: config.web.publicUrl }, 'web server ready');
  stopOnSignals(logger, config.http.shutdownGraceMs, async () => {
    await server.stop();
    await orm.close();
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
