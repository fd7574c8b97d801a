import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, type Principal, UnauthenticatedError, ValidationError } from '@samspill/core';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import type { FollowUpStatisticsCell, FollowUpStatisticsEvent, ReferralOutcome, ReferralStatisticsCell } from './statistics.type.js';
import { StatisticsSnapshots } from './statistics-snapshots.js';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Aggregate referral statistics, the only view of referrals a bydel gets. Published as a
 * statistics office publishes: closed months only, each read from the snapshot taken once when it became final (statistics-snapshots.ts),
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
    const scope = await this.prepare(fromMonth, toMonth);
    const rows = await this.em.execute<Array<{ bydel_code: string | null; month: string; category: string; outcome: string; count: number }>>(
      `/* referralStatistics */
       select bydel_code, month, category, outcome, count from "${REFERRALS_SCHEMA}".statistics_cell
        where month between ? and ? and (?::text is null or bydel_code = ?)
        order by bydel_code nulls last, month, category, outcome`,
      [fromMonth, toMonth, scope, scope],
    );
    return rows.map((row) => ({
      bydelCode: row.bydel_code,
      month: row.month,
      category: row.category,
      outcome: row.outcome as ReferralOutcome,
      count: row.count,
      suppressed: false,
    }));
  }

  /** Follow-ups started and ended, by the same rules: snapshots of final months, protected cells only. */
  async followUpCells(fromMonth: string, toMonth: string): Promise<FollowUpStatisticsCell[]> {
    const scope = await this.prepare(fromMonth, toMonth);
    const rows = await this.em.execute<Array<{ bydel_code: string | null; month: string; category: string; event: string; count: number }>>(
      `/* followUpStatistics */
       select bydel_code, month, category, event, count from "${REFERRALS_SCHEMA}".follow_up_statistics_cell
        where month between ? and ? and (?::text is null or bydel_code = ?)
        order by bydel_code nulls last, month, category, event`,
      [fromMonth, toMonth, scope, scope],
    );
    return rows.map((row) => ({
      bydelCode: row.bydel_code,
      month: row.month,
      category: row.category,
      event: row.event as FollowUpStatisticsEvent,
      count: row.count,
    }));
  }

  /** Checks the caller and the months, takes any missing snapshot, and returns the bydel the caller is limited to (null: all). */
  private async prepare(fromMonth: string, toMonth: string): Promise<string | null> {
    if (this.principal.kind !== 'user') throw new UnauthenticatedError();
    const { role, bydelCode } = this.principal;
    if (role !== 'BYDEL_INTEGRATOR' && role !== 'PLATFORM_ADMIN') throw new ForbiddenError('Referral statistics are for bydel integrators and platform admins');
    if (!MONTH.test(fromMonth)) throw ValidationError.field('fromMonth', 'must be a month as YYYY-MM');
    if (!MONTH.test(toMonth)) throw ValidationError.field('toMonth', 'must be a month as YYYY-MM');
    if (fromMonth > toMonth) throw ValidationError.field('toMonth', 'must not be before fromMonth');

    // Published figures come only from the snapshots; a final month without one yet gets it now.
    await new StatisticsSnapshots(this.em, this.now, this.finalAfterDays).takeMissing(fromMonth, toMonth);
    // The whole city's table was protected, whoever asks, so that a bydel's view is exactly its part of the city's.
    // A bydel's integrator sees its own bydel only; a city-wide one (no bydel claim) and admins see all.
    return role === 'BYDEL_INTEGRATOR' && bydelCode ? bydelCode : null;
  }
}
