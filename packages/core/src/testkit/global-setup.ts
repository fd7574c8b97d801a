import net from 'node:net';

import { parseConfig } from '../config/config.js';
import { type RunningDatabase, startEmbeddedPostgres, temporaryDataDir } from '../db/database.js';
import { TEST_SERVER_URL_VARIABLE } from './test-database.js';

declare global {
  var __samspillTestDatabase: RunningDatabase | undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Jest global setup: one real PostgreSQL for the whole run (an embedded one in a temporary
 * folder, or the server of DATABASE_URL). Each test file then makes its own database on it.
 */
export default async function globalSetup(): Promise<void> {
  const config = parseConfig(process.env);
  if (config.database.url) {
    process.env[TEST_SERVER_URL_VARIABLE] = config.database.url;
    return;
  }
  const dataDir = await temporaryDataDir('samspill-test-');
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  globalThis.__samspillTestDatabase = database;
  process.env[TEST_SERVER_URL_VARIABLE] = database.serverUrl;
}
