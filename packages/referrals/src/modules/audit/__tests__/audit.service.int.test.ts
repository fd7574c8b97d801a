import { randomUUID } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { openOrm } from '@samspill/core';
import { createTestDatabase, type TestDatabase } from '@samspill/core/testkit';

import { referralsOrmSettings } from '../../../orm.js';
import { AuditService } from '../audit.service.js';

describe('AuditService: a refused attempt stays in the log when its operation fails', () => {
  let database: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;
  const actor = { subject: 'staff-x', role: 'SHELTER_STAFF', organisationId: randomUUID() };
  const at = new Date(Date.UTC(2026, 0, 15, 12));

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(referralsOrmSettings(database.url));
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const entriesFor = (referralId: string) =>
    orm.em
      .fork()
      .execute<Array<{ operation: string; outcome: string; actor_subject: string }>>(
        'select operation, outcome, actor_subject from referrals.audit_log where referral_id = ? order by id',
        [referralId],
      );

  it('a DENIED entry written inside a transaction that is rolled back is still there', async () => {
    const referralId = randomUUID();
    const failing = (orm.em.fork() as EntityManager).transactional(async (tx) => {
      await new AuditService(tx as EntityManager, () => at).recordDenied(actor, 'CANCEL', referralId);
      throw new Error('the operation fails');
    });
    await expect(failing).rejects.toThrow('the operation fails');
    expect(await entriesFor(referralId)).toEqual([{ operation: 'CANCEL', outcome: 'DENIED', actor_subject: 'staff-x' }]);
  });

  it('whereas an entry queued for a change goes with the change it belongs to', async () => {
    const referralId = randomUUID();
    const failing = (orm.em.fork() as EntityManager).transactional(async (tx) => {
      new AuditService(tx as EntityManager, () => at).add(actor, 'CANCEL', referralId);
      await tx.flush();
      throw new Error('the change fails');
    });
    await expect(failing).rejects.toThrow('the change fails');
    expect(await entriesFor(referralId)).toEqual([]);
  });
});
