import type { EntityManager } from '@mikro-orm/postgresql';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import { OPEN_STATES } from '../referrals/referral-state-machine.js';
import { addMonths, type CountedCell, latestFinalMonth, monthFinalAt, protectCells } from './disclosure-control.js';

/**
 * The published statistics: one snapshot per month, taken once when the month is final (plus a
 * grace period for late commits) and never again, so that neither a later transition, nor an
 * erasure, nor a change of REFERRAL_STATISTICS_FINAL_AFTER_DAYS moves a published figure. A
 * snapshot holds only the cells disclosure control lets through. Taken by the referral jobs and,
 * if they have not yet, by the first read that needs it.
 */
export class StatisticsSnapshots {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
    private readonly finalAfterDays: number,
  ) {}

  /**
   * Takes the snapshot of every month from `fromMonth` to `toMonth` that is final, has none yet
   * and is not before the first referral ever sent (earlier months are empty and stay so).
   * Returns the months it took. Idempotent, and safe when several instances run it at once.
   */
  async takeMissing(fromMonth: string, toMonth: string): Promise<string[]> {
    const latest = latestFinalMonth(this.now(), this.finalAfterDays);
    const [{ first }] = await this.em.execute<Array<{ first: string | null }>>(
      `select to_char(min(sent_at) at time zone 'Europe/Oslo', 'YYYY-MM') as first from "${REFERRALS_SCHEMA}".referral where sent_at is not null`,
    );
    if (first === null) return [];
    const start = fromMonth > first ? fromMonth : first;
    const end = toMonth < latest ? toMonth : latest;
    if (start > end) return [];
    const taken = new Set(
      (
        await this.em.execute<Array<{ month: string }>>(`select month from "${REFERRALS_SCHEMA}".statistics_month where month between ? and ?`, [start, end])
      ).map((row) => row.month),
    );
    const took: string[] = [];
    for (let month = start; month <= end; month = addMonths(month, 1)) {
      if (!taken.has(month) && (await this.take(month))) took.push(month);
    }
    return took;
  }

  /** Takes one month's snapshot unless another has: the month's key decides who writes it. */
  private take(month: string): Promise<boolean> {
    const finalAt = monthFinalAt(month, this.finalAfterDays);
    return this.em.transactional(async (tx) => {
      // A second instance waits here on the key until the first commits, then writes nothing.
      const claimed = await tx.execute<Array<{ month: string }>>(
        `insert into "${REFERRALS_SCHEMA}".statistics_month (month, final_at, final_after_days, taken_at) values (?, ?, ?, ?)
         on conflict (month) do nothing returning month`,
        [month, finalAt, this.finalAfterDays, this.now()],
      );
      if (claimed.length === 0) return false;
      const cells = protectCells(await count(tx, month, finalAt));
      if (cells.length > 0) {
        await tx.execute(
          `insert into "${REFERRALS_SCHEMA}".statistics_cell (month, bydel_code, category, outcome, count) values ${cells.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          cells.flatMap((c) => [c.month, c.bydelCode, c.category, c.outcome, c.count]),
        );
      }
      // The follow-up table, protected on its own by the same rules (its third dimension: STARTED, ENDED).
      const followUps = protectCells(await countFollowUps(tx, month, finalAt));
      if (followUps.length > 0) {
        await tx.execute(
          `insert into "${REFERRALS_SCHEMA}".follow_up_statistics_cell (month, bydel_code, category, event, count) values ${followUps.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          followUps.flatMap((c) => [c.month, c.bydelCode, c.category, c.outcome, c.count]),
        );
      }
      return true;
    });
  }
}

/**
 * The full city table of one month, before disclosure control: each referral sent in the month,
 * with the outcome it had just before `finalAt` (OPEN: still open then; a redirect is the decline it was).
 */
async function count(em: EntityManager, month: string, finalAt: Date): Promise<CountedCell[]> {
  const rows = await em.execute<Array<{ bydel_code: string | null; category: string; outcome: string; count: number }>>(
    `/* referralStatistics snapshot */
     select r.bydel_code, r.category,
            case when c.to_status in (${OPEN_STATES.map(() => '?').join(', ')}) then 'OPEN' when c.to_status = 'REDIRECTED' then 'DECLINED' else c.to_status end as outcome,
            count(*)::int as count
       from "${REFERRALS_SCHEMA}".referral r
       cross join lateral (
         select to_status from "${REFERRALS_SCHEMA}".referral_status_change c
          where c.referral_id = r.id and c.at < ?
          order by c.at desc, c.id desc
          limit 1
       ) c
      where r.sent_at is not null and to_char(r.sent_at at time zone 'Europe/Oslo', 'YYYY-MM') = ?
      group by 1, 2, 3`,
    [...OPEN_STATES, finalAt, month],
  );
  return rows.map((row) => ({ bydelCode: row.bydel_code, month, category: row.category, outcome: row.outcome, count: row.count }));
}

/**
 * The full follow-up table of one month, before disclosure control: per bydel and category, the
 * follow-ups started in the month and those ended in it (before `finalAt`). Each woman's follow-up
 * counts once: one that continues another after a re-match is not a new start, and the re-match
 * is not an end.
 */
async function countFollowUps(em: EntityManager, month: string, finalAt: Date): Promise<CountedCell[]> {
  const rows = await em.execute<Array<{ bydel_code: string | null; category: string; event: string; count: number }>>(
    `/* followUpStatistics snapshot */
     select bydel_code, category, 'STARTED' as event, count(*)::int as count
       from "${REFERRALS_SCHEMA}".follow_up
      where continues_id is null and started_at < ? and to_char(started_at at time zone 'Europe/Oslo', 'YYYY-MM') = ?
      group by 1, 2
     union all
     select bydel_code, category, 'ENDED' as event, count(*)::int as count
       from "${REFERRALS_SCHEMA}".follow_up
      where end_reason <> 'REMATCHED' and ended_at < ? and to_char(ended_at at time zone 'Europe/Oslo', 'YYYY-MM') = ?
      group by 1, 2`,
    [finalAt, month, finalAt, month],
  );
  return rows.map((row) => ({ bydelCode: row.bydel_code, month, category: row.category, outcome: row.event, count: row.count }));
}
