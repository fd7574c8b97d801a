import { type AnyEntity, type EntityClass, type EntitySchema, FlushMode, type MigrationObject, MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type PostgreSqlDriver } from '@mikro-orm/postgresql';

export interface OrmSettings {
  readonly clientUrl: string;
  /** The PostgreSQL schema this subgraph owns (its tables and its migration log). */
  readonly schema: string;
  readonly entities: (EntityClass<AnyEntity> | EntitySchema)[];
  /** Committed migrations, listed explicitly so compiled and test runs find the same set. */
  readonly migrations: MigrationObject[];
  readonly poolMax?: number;
  /** Session settings for every pooled connection, e.g. `{ 'pg_trgm.word_similarity_threshold': '0.45' }`. */
  readonly sessionSettings?: Readonly<Record<string, string>>;
}

export function ormOptions(settings: OrmSettings): Options<PostgreSqlDriver> {
  return defineConfig({
    clientUrl: settings.clientUrl,
    schema: settings.schema,
    entities: settings.entities,
    extensions: [Migrator],
    // Resolvers and services must use the per-request fork; a global use throws.
    allowGlobalContext: false,
    // Services validate, then flush once. With the default (AUTO) MikroORM flushes pending
    // changes before any query on the same table, so a change refused after such a look-up
    // would already be stored.
    flushMode: FlushMode.COMMIT,
    forceUtcTimezone: true,
    pool: {
      min: 0,
      max: settings.poolMax ?? 10,
      afterCreate: (
        connection: { query: (sql: string, done: (error?: Error) => void) => void },
        done: (error: Error | undefined, connection: unknown) => void,
      ) => {
        const sql = Object.entries(settings.sessionSettings ?? {})
          .map(([name, value]) => `set ${name} = '${value.replace(/'/g, "''")}'`)
          .join('; ');
        if (!sql) return done(undefined, connection);
        connection.query(sql, (error) => done(error, connection));
      },
    },
    discovery: { warnWhenNoEntities: true },
    migrations: {
      tableName: `${settings.schema}.mikro_orm_migrations`,
      migrationsList: settings.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    debug: false,
  });
}

/** Opens the ORM and applies pending migrations (never `updateSchema`). */
export async function openOrm(settings: OrmSettings, options: { migrate?: boolean } = {}): Promise<MikroORM<PostgreSqlDriver>> {
  const orm = await MikroORM.init<PostgreSqlDriver>(ormOptions(settings));
  if (options.migrate ?? true) {
    await orm.em.getConnection().execute(`CREATE SCHEMA IF NOT EXISTS "${settings.schema}"`);
    await orm.getMigrator().up();
  }
  return orm;
}
