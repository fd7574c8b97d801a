import { assertDeployable, createLogger, loadConfigOrExit, stopOnSignals } from '@samspill/core';
import pg from 'pg';

import { grunerlokkaPort } from './config.js';
import { pendingMigrations } from './migrations.js';
import { createGrunerlokkaServer } from './server.js';

/** Bydel Grünerløkka's subgraph (GRUNERLOKKA_PORT, 4010), after `dist/cli/migrate.js`. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  assertDeployable(config, { database: true, gatewaySecret: true });
  const port = grunerlokkaPort(process.env);
  const logger = createLogger(config.logLevel, 'grunerlokka');
  const pool = new pg.Pool({ connectionString: config.database.url, max: 5 });
  const pending = await pendingMigrations(pool);
  if (pending.length) throw new Error(`Pending migrations (${pending.join(', ')}): run node packages/example-bydel-grunerlokka/dist/cli/migrate.js first`);
  const server = createGrunerlokkaServer(pool, config, logger);
  const url = await server.listen(port, config.http.host, 'GRUNERLOKKA_PORT');
  logger.info({ url }, 'grunerlokka subgraph ready');
  stopOnSignals(logger, config.http.shutdownGraceMs, async () => {
    await server.stop();
    await pool.end();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
