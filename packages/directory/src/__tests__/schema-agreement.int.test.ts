import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { openOrm } from '@samspill/core';
import { createTestDatabase, type TestDatabase } from '@samspill/core/testkit';

import { directoryOrmSettings } from '../orm.js';

/**
 * The entities and the migrations describe one schema: every index and check constraint the
 * migrations make is declared on an entity, and every one an entity declares is made by a
 * migration. MikroORM's diff from the migrated database to the entities is then empty; a new
 * column, index or check on one side only shows up here as the SQL that would make them agree.
 */
describe('directory: the entities and the migrated database agree', () => {
  let database: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(directoryOrmSettings(database.url));
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('the schema diff is empty', async () => {
    expect(await orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });
});
