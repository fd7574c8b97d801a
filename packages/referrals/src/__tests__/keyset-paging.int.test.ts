import { randomUUID } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { keysetSignature, openOrm, type Page, paginate, ValidationError } from '@samspill/core';
import { createTestDatabase, type TestDatabase } from '@samspill/core/testkit';

import { AuditService } from '../modules/audit/audit.service.js';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity.js';
import { referralsOrmSettings } from '../orm.js';

/** Core's keyset paginator, in the supergraph's one cursor format, over the referrals' audit log. */
describe('paginate: keyset pages in the one cursor format, tampering refused', () => {
  let database: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;
  const referralId = randomUUID();
  const actor = { subject: 'staff-x', role: 'SHELTER_STAFF', organisationId: randomUUID() };
  const base = new Date(Date.UTC(2026, 0, 15, 12));
  const em = () => orm.em.fork() as EntityManager;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(referralsOrmSettings(database.url));
    // Five entries; newest first, the second and third share their time: a page of two ends inside
    // the tie, so the next page needs the id to break it.
    for (const minutes of [0, 1, 2, 2, 3]) {
      const tx = em();
      new AuditService(tx, () => new Date(base.getTime() + minutes * 60_000)).add(actor, 'READ', referralId);
      await tx.flush();
    }
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const where = () => ({ referralId });

  async function all(orderBy: Record<string, 'asc' | 'desc'>): Promise<string[]> {
    const seen: string[] = [];
    let after: string | undefined;
    for (let round = 0; round < 10; round++) {
      const page: Page<AuditEntryEntity> = await paginate(em(), AuditEntryEntity, where(), orderBy as never, { first: 2, after });
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((entry) => entry.id));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor ?? undefined;
      expect(after).toMatch(/^[A-Za-z0-9_-]{6}~[^~]+~\d+$/);
    }
    throw new Error('did not end');
  }

  it('pages by time then id, and by id alone, with no row skipped or repeated', async () => {
    const ids = (await em().find(AuditEntryEntity, where(), { orderBy: { at: 'desc', id: 'desc' } })).map((entry) => entry.id);
    expect(await all({ at: 'desc', id: 'desc' })).toEqual(ids);
    const byId = [...ids].sort((a, b) => Number(b) - Number(a));
    expect(await all({ id: 'desc' })).toEqual(byId);
  });

  it('refuses a cursor of another order, a garbage one, a NUL and a non-numeric id with BAD_USER_INPUT on after', async () => {
    const first = await paginate(em(), AuditEntryEntity, where(), { id: 'desc' }, { first: 2 });
    const cursor = first.pageInfo.endCursor!;
    const [, value, id] = cursor.split('~');
    const otherOrder = `${keysetSignature('AuditEntryEntity-at-desc-id-desc')}~${value}~${id}`;
    for (const after of [otherOrder, 'garbage', `${cursor.split('~')[0]}~AA~${id}`, `${cursor.split('~')[0]}~${value}~x1`]) {
      const attempt = paginate(em(), AuditEntryEntity, where(), { id: 'desc' }, { first: 2, after });
      await expect(attempt).rejects.toBeInstanceOf(ValidationError);
      await expect(attempt).rejects.toMatchObject({ details: { field: 'after' } });
    }
  });
});
