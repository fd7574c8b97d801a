import { DriverException } from '@mikro-orm/core';
import { parametrised, preparedRead } from '@samspill/core';

import { DIRECTORY_SCHEMA } from '../directory-schema.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { makeContact, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

/**
 * The read path's loaders send their fixed SQL as named prepared statements (core's preparedRead):
 * the values go as parameters, so the text of a loader's statement is the same for every batch and
 * PostgreSQL plans it once per connection.
 */
describe('prepared reads', () => {
  let app: DirectoryTestApp;
  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    await seedBydeler(app.em());
  });
  afterAll(() => app.close());

  it('writes `?` as $n and `in (?)` of an array as = any($n) / <> all($n), and refuses a mismatch', () => {
    expect(parametrised('select 1 from t where a in (?) and b = ? and c not in (?)', [['x', 'y'], 3, ['z']])).toEqual({
      text: 'select 1 from t where a = any($1) and b = $2 and c <> all($3)',
      values: [['x', 'y'], 3, ['z']],
    });
    expect(() => parametrised('select ? , ?', [1])).toThrow('more placeholders');
    expect(() => parametrised('select ?', [1, 2])).toThrow('more parameters');
    expect(() => parametrised('select 1 where a in (?)', ['x'])).toThrow('takes an array');
  });

  it('reads what em.execute reads, repeatedly, and within a transaction sees its uncommitted rows', async () => {
    const em = app.em();
    const [a, b] = [await makeOrganisation(em, { name: 'Alfa' }), await makeOrganisation(em, { name: 'Beta' })];
    const sql = `select t.id, t.name from "${DIRECTORY_SCHEMA}".organisation t where t.id in (?) order by t.name`;
    const inlined = await em.execute(sql, [[a.id, b.id]]);
    for (let i = 0; i < 3; i++) expect(await preparedRead(app.em(), sql, [[a.id, b.id]])).toEqual(inlined);
    expect(await preparedRead(app.em(), sql, [[b.id]])).toEqual([{ id: b.id, name: 'Beta' }]);

    const tx = app.em();
    await tx.transactional(async (inner) => {
      const c = inner.create(OrganisationEntity, { kind: a.kind, name: 'Gamma', createdAt: app.now(), updatedAt: app.now() });
      await inner.flush();
      expect(await preparedRead(inner as never, sql, [[c.id]])).toEqual([{ id: c.id, name: 'Gamma' }]);
      // Not committed: outside the transaction it is not there yet.
      expect(await preparedRead(app.em(), sql, [[c.id]])).toEqual([]);
    });
  });

  it("fails as em.execute fails: with MikroORM's driver exception", async () => {
    await expect(preparedRead(app.em(), `select t.nothing from "${DIRECTORY_SCHEMA}".organisation t where t.id in (?)`, [[]])).rejects.toBeInstanceOf(
      DriverException,
    );
  });

  it("sends the page's loaders' statements with parameters: no value is in their text, so each is one prepared statement", async () => {
    const em = app.em();
    const organisation = await makeOrganisation(em, { name: 'Org', bydeler: ['030101'] });
    await makeContact(em, organisation, 'Kontakt');
    const token = await app.token({ role: 'SHELTER_STAFF', organisationId: organisation.id });
    const statements = await app.countStatements(async () => {
      const { body } = await app.query(`{ bydeler { code organisations(first: 5) { name contactPersons { name } activities(first: 3) { title } } } }`, {
        token,
      });
      expect(body.errors).toBeUndefined();
      expect(body.data.bydeler.find((b: { code: string }) => b.code === '030101').organisations).toEqual([
        { name: 'Org', contactPersons: [{ name: 'Kontakt' }], activities: [] },
      ]);
    });
    expect(statements).toHaveLength(3);
    for (const sql of statements) {
      expect(sql).toMatch(/= any\(\$1\)/);
      expect(sql).not.toContain(organisation.id);
      expect(sql).not.toContain("'030101'");
    }
  });
});
