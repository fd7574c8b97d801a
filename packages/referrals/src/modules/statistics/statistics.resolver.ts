import { Access, Allow } from '@samspill/core';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';

import type { ReferralsContext } from '../../context.js';
import { StatisticsService } from './statistics.service.js';
import { ReferralStatisticsCell } from './statistics.type.js';

@Resolver(() => ReferralStatisticsCell)
export class StatisticsResolver {
  @Query(() => [ReferralStatisticsCell], {
    description: "Referral counts per bydel × month × category × outcome, cells under 5 suppressed. A bydel's integrator sees its own bydel.",
  })
  @Allow(Access.roles('BYDEL_INTEGRATOR', 'PLATFORM_ADMIN'))
  referralStatistics(
    @Arg('fromMonth', () => String, { description: 'YYYY-MM' }) fromMonth: string,
    @Arg('toMonth', () => String, { description: 'YYYY-MM' }) toMonth: string,
    @Ctx() ctx: ReferralsContext,
  ) {
    return new StatisticsService(ctx.em, ctx.principal).cells(fromMonth, toMonth);
  }
}
