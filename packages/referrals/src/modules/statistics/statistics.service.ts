import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, type Principal, UnauthenticatedError, ValidationError } from '@samspill/core';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import { OPEN_STATES } from '../referrals/referral-state-machine.js';
import { type CountedCell, latestFinalMonth, protectCells } from './disclosure-control.js';
import type { ReferralOutcome, ReferralStatisticsCell } from './statistics.type.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Aggregate referral statistics, the only view of referrals a bydel gets. Published as a
 * statistics office publishes: closed months only, each frozen at the moment it became final,
 * small cells left out and secondary suppression so that no margin gives one away (see
 * disclosure-control.ts). Admins get exactly what integrators get.
 */
export class StatisticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly now: () => Date,
    private readonly finalAfterDays: number,
  ) {}

  async cells(fromMonth: string, toMonth: string): Promise<ReferralStatisticsCell[]> {
    if (this.principal.kind !== 'user') throw new UnauthenticatedError();
    const { role, bydelCode } = this.principal;
    if (role !== 'BYDEL_INTEGRATOR' && role !== 'PLATFORM_ADMIN') throw new ForbiddenError('Referral statistics are for bydel integrators and platform admins');
    if (!MONTH.test(fromMonth)) throw ValidationError.field('fromMonth', 'must be a month as YYYY-MM');
    if (!MONTH.test(toMonth)) throw ValidationError.field('toMonth', 'must be a month as YYYY-MM');
    if (fromMonth > toMonth) throw ValidationError.field('toMonth', 'must not be before fromMonth');

    // Months that are not final yet are not published at all, not even as empty.
    const latest = latestFinalMonth(this.now(), this.finalAfterDays);
    const until = toMonth < latest ? toMonth : latest;
    if (fromMonth > until) return [];

    // Each referral counts in the month it was sent, with the outcome it had when that month became
    // final: later changes never move a published figure. The whole city's table is built and
    // protected, whoever asks, so that a bydel's view is exactly its part of the city's.
    const rows = await this.em.execute<Array<{ bydel_code: string | null; month: string; category: string; outcome: string; count: number }>>(
      `/* referralStatistics */
       with sent as (
         select r.id, r.bydel_code, r.category, to_char(r.sent_at at time zone 'Europe/Oslo', 'YYYY-MM') as month,
                (date_trunc('month', r.sent_at at time zone 'Europe/Oslo') + interval '1 month' + make_interval(days => ?::int)) at time zone 'Europe/Oslo' as final_at
           from "${REFERRALS_SCHEMA}".referral r
          where r.sent_at is not null
            and to_char(r.sent_at at time zone 'Europe/Oslo', 'YYYY-MM') between ? and ?
       )
       select s.bydel_code, s.month, s.category,
              case when c.to_status in (${OPEN_STATES.map(() => '?').join(', ')}) then 'OPEN' when c.to_status = 'REDIRECTED' then 'DECLINED' else c.to_status end as outcome,
              count(*)::int as count
         from sent s
         cross join lateral (
           select to_status from "${REFERRALS_SCHEMA}".referral_status_change c
            where c.referral_id = s.id and c.at < s.final_at
            order by c.at desc, c.id desc
            limit 1
         ) c
        group by 1, 2, 3, 4
        order by 1 nulls last, 2, 3, 4`,
      [this.finalAfterDays, fromMonth, until, ...OPEN_STATES],
    );
    const table: CountedCell[] = rows.map((row) => ({
      bydelCode: row.bydel_code,
      month: row.month,
      category: row.category,
      outcome: row.outcome,
      count: row.count,
    }));

    // A bydel's integrator sees its own bydel only; a city-wide one (no bydel claim) and admins see all.
    const scope = role === 'BYDEL_INTEGRATOR' && bydelCode ? bydelCode : null;
    return protectCells(table)
      .filter((cell) => scope === null || cell.bydelCode === scope)
      .map((cell) => ({ ...cell, outcome: cell.outcome as ReferralOutcome, suppressed: false }));
  }
}
