import { Access, Allow, VisibleField } from '@samspill/core';
import { Arg, Ctx, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { type ReferralsContext, referralService } from '../../context.js';

@ObjectType('ReferralInbox', { description: "What waits for an organisation's answer: the referrals sent to it that it has not yet accepted or declined." })
export class ReferralInbox {
  @VisibleField(() => Int, { description: 'How many referrals wait for an answer (SENT or RECEIVED).' })
  waiting!: number;

  @VisibleField(() => Date, { nullable: true, description: 'The earliest answer deadline among them; null when none waits.' })
  oldestDeadline!: Date | null;
}

@Resolver()
export class ReferralInboxResolver {
  @Query(() => ReferralInbox, {
    description:
      "Organisation editors: how many referrals wait for your organisation's answer, and the earliest deadline. Another organisation's inbox is FORBIDDEN.",
  })
  @Allow(Access.roles('ORG_EDITOR'))
  referralInbox(@Arg('organisationId', () => ID) organisationId: string, @Ctx() ctx: ReferralsContext): Promise<ReferralInbox> {
    return referralService(ctx).inbox(organisationId);
  }
}
