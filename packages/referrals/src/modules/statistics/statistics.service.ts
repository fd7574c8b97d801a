import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, type Principal, UnauthenticatedError, ValidationError } from '@samspill/core';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import { OPEN_STATES } from '../referrals/referral-state-machine.js';
import type { ReferralOutcome, ReferralStatisticsCell } from './statistics.type.js';

/** Cells counting fewer referrals than this are suppressed, so that no one can be singled out. */
export const SUPPRESSION_THRESHOLD = 5;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Aggregate referral statistics, the only view of referrals a bydel gets: counts per bydel,
 * month, category and outcome, small cells suppressed, no totals (which could reveal them).
 */
export class StatisticsService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  async cells(fromMonth: string, toMonth: string): Promise<ReferralStatisticsCell[]> {
    if (this.principal.kind !== 'user') throw new UnauthenticatedError();
    const { role, bydelCode } = this.principal;
    if (role !== 'BYDEL_INTEGRATOR' && role !== 'PLATFORM_ADMIN') throw new ForbiddenError('Referral statistics are for bydel integrators and platform admins');
    if (!MONTH.test(fromMonth)) throw ValidationError.field('fromMonth', 'must be a month as YYYY-MM');
    if (!MONTH.test(toMonth)) throw ValidationError.field('toMonth', 'must be a month as YYYY-MM');
    if (fromMonth > toMonth) throw ValidationError.field('toMonth', 'must not be before fromMonth');

    // A bydel's integrator sees its own bydel only; a city-wide one (no bydel claim) and admins see all.
    const scope = role === 'BYDEL_INTEGRATOR' && bydelCode ? bydelCode : null;
    const rows = await this.em.execute<Array<{ bydel_code: string | null; month: string; category: string; outcome: string; count: number }>>(
      `select bydel_code, to_char(sent_at at time zone 'Europe/Oslo', 'YYYY-MM') as month, category,
              case when status in (${OPEN_STATES.map(() => '?').join(', ')}) then 'OPEN' when status = 'REDIRECTED' then 'DECLINED' else status end as outcome,
              count(*)::int as count
         from "${REFERRALS_SCHEMA}".referral
        where sent_at is not null
          and to_char(sent_at at time zone 'Europe/Oslo', 'YYYY-MM') between ? and ?
          and (?::text is null or bydel_code = ?)
        group by 1, 2, 3, 4
        order by 1 nulls last, 2, 3, 4`,
      [...OPEN_STATES, fromMonth, toMonth, scope, scope],
    );
    return rows.map((row) => {
      const suppressed = row.count < SUPPRESSION_THRESHOLD;
      return {
        bydelCode: row.bydel_code,
        month: row.month,
        category: row.category,
        outcome: row.outcome as ReferralOutcome,
        count: suppressed ? null : row.count,
        suppressed,
      };
    });
  }
}
