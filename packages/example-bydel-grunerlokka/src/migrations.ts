import type { Pool } from 'pg';

/**
 * The subgraph's tables, in a schema of its own on whatever PostgreSQL it is given (Samspill's,
 * or the bydel's). Applied in order, each once, each in a transaction; never edit one that has
 * run anywhere: add the next.
 */
export const MIGRATIONS: ReadonlyArray<{ readonly name: string; readonly sql: string }> = [
  {
    name: '2026-12-01-initial',
    sql: `
      create table grunerlokka.funding_grant (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null,
        year int not null check (year between 2000 and 2100),
        amount_nok int not null check (amount_nok > 0),
        purpose text not null check (btrim(purpose) <> '')
      );
      create index funding_grant_organisation on grunerlokka.funding_grant (organisation_id, year desc);
      create table grunerlokka.cooperation_contact (
        bydel_code text primary key check (bydel_code = '030102'),
        office text not null,
        role text not null,
        email text not null check (email like '%@%'),
        phone text not null,
        opening_hours text
      );`,
  },
];

const LOCK = "hashtext('grunerlokka.migrations')";

/** Applies the migrations not yet applied, under an advisory lock (several instances may start at once). */
export async function migrate(pool: Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query(`select pg_advisory_lock(${LOCK})`);
    await client.query('create schema if not exists grunerlokka');
    await client.query('create table if not exists grunerlokka.migration (name text primary key, applied_at timestamptz not null default now())');
    const applied = new Set((await client.query<{ name: string }>('select name from grunerlokka.migration')).rows.map((row) => row.name));
    const done: string[] = [];
    for (const migration of MIGRATIONS.filter((m) => !applied.has(m.name))) {
      await client.query('begin');
      try {
        await client.query(migration.sql);
        await client.query('insert into grunerlokka.migration (name) values ($1)', [migration.name]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw error;
      }
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.query(`select pg_advisory_unlock(${LOCK})`).catch(() => undefined);
    client.release();
  }
}

/** The migrations a database still lacks (the service refuses to start while there are any). */
export async function pendingMigrations(pool: Pool): Promise<string[]> {
  const { rows } = await pool
    .query<{ name: string }>("select name from grunerlokka.migration where to_regclass('grunerlokka.migration') is not null")
    .catch(() => ({
      rows: [] as Array<{ name: string }>,
    }));
  const applied = new Set(rows.map((row) => row.name));
  return MIGRATIONS.map((m) => m.name).filter((name) => !applied.has(name));
}
