import { createLogger, ensureDatabase, issueToken, loadConfigOrExit, openOrm, startDatabase } from '@samspill/core';

import { directoryOrmSettings } from './orm.js';
import { seedDemoData } from './seeders/demo.seeder.js';
import { DEMO_USERS } from './seeders/demo-users.js';
import { createDirectoryServer } from './server.js';

const DATABASE_NAME = 'samspill';

function step(message: string): void {
  process.stdout.write(`• ${message}\n`);
}

/**
 * The development start: an embedded PostgreSQL (or DATABASE_URL), migrations, demo data, the
 * directory subgraph, and a token per demo role printed for trying it out.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'directory');
  step(config.database.url ? 'Connecting to the PostgreSQL in DATABASE_URL' : `Starting the embedded PostgreSQL (data in ${config.database.embeddedDir})`);
  const database = await startDatabase(config.database, logger);
  if (!config.database.url) await ensureDatabase(database.serverUrl, DATABASE_NAME);
  step('Applying migrations');
  const orm = await openOrm(directoryOrmSettings(config.database.url ?? database.urlFor(DATABASE_NAME)));
  step((await seedDemoData(orm.em.fork())) ? 'Loaded the demo data' : 'Demo data already present');
  const server = await createDirectoryServer(orm, config, logger);
  const url = await server.listen(config.http.directoryPort, config.http.host);

  const lines = [`\nSamspill directory subgraph: ${url}`, `\nDemo tokens (valid 12 hours; send as "Authorization: Bearer <token>"):`];
  for (const user of DEMO_USERS) {
    lines.push(`\n  ${user.role} — ${user.label}\n  ${await issueToken(config.auth, { ...user, expiresIn: '12h' })}`);
  }
  lines.push(`\nTry:\n  curl -s ${url} -H 'content-type: application/json' -d '{"query":"{ bydeler { code name } }"}'\n\nPress Ctrl+C to stop.\n`);
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    step('Stopping');
    await server.stop();
    await orm.close();
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
