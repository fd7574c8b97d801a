import { Access, Allow } from '@samspill/core';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import type { ReferralsContext } from '../../context.js';
import { StatisticsService } from './statistics.service.js';
import { FollowUpStatisticsCell, ReferralStatisticsCell } from './statistics.type.js';

@Resolver(() => ReferralStatisticsCell)
export class StatisticsResolver {
  @Query(() => [ReferralStatisticsCell], {
    description: [
      'Referral counts per bydel × month × category × outcome, for closed months only. A bydel’s integrator sees its own bydel; a city-wide integrator and platform admins see all bydeler, by the same rules.',
      'A month is final at 00:00 Oslo time a configured number of days after it ends (REFERRAL_STATISTICS_FINAL_AFTER_DAYS, default 7) and published from a snapshot taken once, shortly after; until then it returns nothing. Each referral counts in the month it was sent, with the outcome it had when that month became final (OPEN: still open then), so a published figure never changes later, not even when the setting does.',
      'A cell under 5 is never returned, not even as suppressed, and neither is any cell whose publication would let a total (over outcomes, categories or bydeler) minus the published cells give away a count under 5 (secondary suppression): a missing cell may be 0 or withheld. No totals are returned; do not compute any from these cells as if they were complete.',
    ].join('\n\n'),
  })
  @Allow(Access.roles('BYDEL_INTEGRATOR', 'PLATFORM_ADMIN'))
  referralStatistics(
    @Arg('fromMonth', () => String, { description: 'YYYY-MM' }) fromMonth: string,
    @Arg('toMonth', () => String, { description: 'YYYY-MM; months that are not final yet are left out.' }) toMonth: string,
    @Ctx() ctx: ReferralsContext,
  ) {
    return new StatisticsService(ctx.em, ctx.principal, ctx.now, ctx.settings.statisticsFinalAfterDays).cells(fromMonth, toMonth);
  }

  @Query(() => [FollowUpStatisticsCell], {
    description:
      'Follow-ups (mentoring and practical help after a referral) started and ended per bydel × month × category, by the same rules as `referralStatistics`: final months only, from the snapshot taken once; a cell under 5, or one a margin could give away, is never returned (the follow-up table is protected on its own, by the same hypercube suppression).',
  })
  @Allow(Access.roles('BYDEL_INTEGRATOR', 'PLATFORM_ADMIN'))
  followUpStatistics(
    @Arg('fromMonth', () => String, { description: 'YYYY-MM' }) fromMonth: string,
    @Arg('toMonth', () => String, { description: 'YYYY-MM; months that are not final yet are left out.' }) toMonth: string,
    @Ctx() ctx: ReferralsContext,
  ) {
    return new StatisticsService(ctx.em, ctx.principal, ctx.now, ctx.settings.statisticsFinalAfterDays).followUpCells(fromMonth, toMonth);
  }
}
