import { randomUUID } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { openOrm, type Principal } from '@samspill/core';
import { createTestDatabase, type TestDatabase } from '@samspill/core/testkit';

import { referralsOrmSettings } from '../../../orm.js';
import { ReferralEntity } from '../../referrals/referral.entity.js';
import { ReferralStatus, TargetKind } from '../../referrals/referral-enums.js';
import { StatisticsService } from '../../statistics/statistics.service.js';
import { FollowUpEntity } from '../follow-up.entity.js';
import { FollowUpEndReason, FollowUpStage } from '../follow-up-enums.js';

/*
 * Follow-ups started and ended per month, bydel and category: published from the month's snapshot
 * under the same disclosure control as referrals. The months are the test's own (2026-01, 2026-02),
 * read with a clock the test gives, so nothing depends on today's date.
 */
describe('followUpStatistics: started and ended per month and category, no cell under 5', () => {
  let database: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;
  const em = () => orm.em.fork() as EntityManager;
  const admin: Principal = { kind: 'user', subject: 'admin-1', role: 'PLATFORM_ADMIN' };
  const grunerlokka: Principal = { kind: 'user', subject: 'bydel-1', role: 'BYDEL_INTEGRATOR', bydelCode: '030102' };
  const now = () => new Date(Date.UTC(2026, 3, 1, 12));
  const at = (month: number, day: number) => new Date(Date.UTC(2026, month - 1, day, 12));

  /** A sent referral and its follow-up, started (and maybe ended) at the given instants. */
  async function followUp(bydelCode: string, category: string, startedAt: Date, end?: [Date, FollowUpEndReason], continuesId?: string): Promise<string> {
    const tx = em();
    const referral = tx.create(ReferralEntity, {
      status: end ? ReferralStatus.COMPLETED : ReferralStatus.IN_FOLLOW_UP,
      sendingShelterId: randomUUID(),
      createdBy: 'staff',
      targetKind: TargetKind.ACTIVITY,
      targetId: randomUUID(),
      receivingOrganisationId: randomUUID(),
      bydelCode,
      category,
      sentAt: startedAt,
      createdAt: startedAt,
      updatedAt: startedAt,
    });
    const row = tx.create(FollowUpEntity, {
      referral,
      stage: end ? FollowUpStage.ENDED : FollowUpStage.WAITING_FOR_VOLUNTEER,
      sendingShelterId: referral.sendingShelterId,
      receivingOrganisationId: referral.receivingOrganisationId,
      bydelCode,
      category,
      afterLeavingShelter: true,
      commitmentMonths: 12,
      requiresVolunteerCourse: true,
      womenOnlyVolunteers: true,
      startedAt,
      startedBy: 'editor',
      endedAt: end?.[0] ?? null,
      endedOn: end ? end[0].toISOString().slice(0, 10) : null,
      endReason: end?.[1] ?? null,
      continuesId: continuesId ?? null,
    });
    await tx.flush();
    return row.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(referralsOrmSettings(database.url));
    // January: six Ressursvenn follow-ups start in Grünerløkka, five of them end in January.
    for (let i = 0; i < 6; i++) await followUp('030102', 'MENTORING', at(1, 3 + i), i < 5 ? [at(1, 20 + i), FollowUpEndReason.GOAL_REACHED] : undefined);
    // A re-match in January is neither a new start nor an end of her follow-up.
    const first = await followUp('030102', 'MENTORING', at(1, 2), [at(1, 10), FollowUpEndReason.REMATCHED]);
    await followUp('030102', 'MENTORING', at(1, 10), undefined, first);
    // February: the same, and two helper follow-ups in Stovner, a cell no box can protect.
    for (let i = 0; i < 6; i++) await followUp('030102', 'MENTORING', at(2, 3 + i), i < 5 ? [at(2, 20 + i), FollowUpEndReason.MOVED] : undefined);
    for (let i = 0; i < 2; i++) await followUp('030111', 'PRACTICAL_HELP', at(2, 5 + i));
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const cells = (principal: Principal) => new StatisticsService(em(), principal, now, 7).followUpCells('2026-01', '2026-02');

  it('publishes the cells of 5 or more; a re-match counts neither as a start nor as an end', async () => {
    expect(await cells(admin)).toEqual(
      expect.arrayContaining([
        { bydelCode: '030102', month: '2026-01', category: 'MENTORING', event: 'ENDED', count: 5 },
        { bydelCode: '030102', month: '2026-01', category: 'MENTORING', event: 'STARTED', count: 7 },
      ]),
    );
  });

  it('withholds a month whose small cell no box can protect (the two Stovner helpers), not only the cell', async () => {
    const published = await cells(admin);
    expect(published.filter((c) => c.month === '2026-02')).toEqual([]);
    expect(published.every((c) => c.count >= 5)).toBe(true);
    const [{ count }] = await em().execute<Array<{ count: number }>>('select count(*)::int as count from referrals.follow_up_statistics_cell where count < 5');
    expect(count).toBe(0);
  });

  it('a bydel integrator sees its own bydel, by the same snapshot', async () => {
    expect(await cells(grunerlokka)).toEqual(await cells(admin));
    const stovner: Principal = { kind: 'user', subject: 'bydel-2', role: 'BYDEL_INTEGRATOR', bydelCode: '030111' };
    expect(await cells(stovner)).toEqual([]);
  });
});
