import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { ensureDatabase } from '../db/database.js';

/** How the Jest global setup hands the PostgreSQL server's URL to the test workers. */
export const TEST_SERVER_URL_VARIABLE = 'SAMSPILL_TEST_SERVER_URL';

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database for one test file, on the run's PostgreSQL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE];
  if (!serverUrl) throw new Error(`${TEST_SERVER_URL_VARIABLE} is not set: run the tests through jest (its global setup starts PostgreSQL)`);
  const name = `test_${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
