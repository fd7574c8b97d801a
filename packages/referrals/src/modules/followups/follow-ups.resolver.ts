import { Access, Allow, Connection, IsIsoDate, PageArgs } from '@samspill/core';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { followUpService, type ReferralsContext } from '../../context.js';
import { Referral } from '../referrals/referral.type.js';
import type { ReferralView } from '../referrals/referral.view.js';
import { EndFollowUpInput, MatchFollowUpInput, RecordFollowUpCheckInInput } from './follow-up.input.js';
import type { FollowUpRow } from './follow-up.row.js';
import { FollowUp } from './follow-up.type.js';
import { FollowUpAction, FollowUpStage } from './follow-up-enums.js';

const ORGANISATION = Access.roles('ORG_EDITOR');
const PARTIES = Access.roles('SHELTER_STAFF', 'ORG_EDITOR');

@ObjectType('FollowUpConnection')
export class FollowUpConnection extends Connection(FollowUp) {}

@ArgsType()
class FollowUpsArgs extends PageArgs {
  @Field(() => [FollowUpStage], { nullable: true, description: 'Only follow-ups in these stages.' })
  stages?: FollowUpStage[];
}

@ArgsType()
class RenewConsentArgs {
  @Field(() => ID, { description: 'The follow-up.' })
  id!: string;

  @Field(() => String, { description: 'The new last day of the consent, YYYY-MM-DD: later than now, at most a year ahead.' })
  @IsIsoDate()
  expiresOn!: string;

  @Field(() => Int, { description: 'The follow-up’s version.' })
  version!: number;
}

@Resolver(() => FollowUp)
export class FollowUpResolver {
  @Query(() => FollowUp, {
    nullable: true,
    description: 'One follow-up you are a party to, as your side sees it. For anyone else it does not exist (NOT_FOUND).',
  })
  @Allow(Access.authenticated)
  followUp(@Arg('id', () => ID) id: string, @Ctx() ctx: ReferralsContext) {
    return followUpService(ctx).get(id);
  }

  @Query(() => FollowUpConnection, {
    description:
      "Organisation editors: the follow-ups the organisation runs. Shelter staff: those of the shelter's referrals (stage and next check-in). Newest first.",
  })
  @Allow(PARTIES)
  followUps(@Args(() => FollowUpsArgs) args: FollowUpsArgs, @Ctx() ctx: ReferralsContext) {
    return followUpService(ctx).list({ stages: args.stages }, args);
  }

  @Mutation(() => FollowUp, {
    description:
      'Organisation editors: an ACCEPTED referral to a mentoring or practical-help activity becomes a follow-up, WAITING_FOR_VOLUNTEER (the referral becomes IN_FOLLOW_UP). The commitment and the volunteer requirements come from the activity. `afterLeavingShelter`: it goes on after she has moved out, with the organisation alone; refused (BAD_USER_INPUT, field afterLeavingShelter) unless her valid consent covers that (`Consent.followUpAfterLeavingShelter`).',
  })
  @Allow(ORGANISATION)
  startFollowUp(
    @Arg('referralId', () => ID) referralId: string,
    @Arg('version', () => Int, { description: 'The referral’s version.' }) version: number,
    @Arg('afterLeavingShelter', () => Boolean) afterLeavingShelter: boolean,
    @Ctx() ctx: ReferralsContext,
  ) {
    return followUpService(ctx).start(referralId, version, afterLeavingShelter);
  }

  @Mutation(() => FollowUp, { description: 'Organisation editors: match a volunteer (WAITING_FOR_VOLUNTEER → MATCHED).' })
  @Allow(ORGANISATION)
  matchFollowUp(@Arg('id', () => ID) id: string, @Arg('input', () => MatchFollowUpInput) input: MatchFollowUpInput, @Ctx() ctx: ReferralsContext) {
    return followUpService(ctx).match(id, input);
  }

  @Mutation(() => FollowUp, { description: 'Organisation editors: plan a check-in of a MATCHED follow-up.' })
  @Allow(ORGANISATION)
  planFollowUpCheckIn(
    @Arg('id', () => ID) id: string,
    @Arg('plannedOn', () => String, { description: 'YYYY-MM-DD, not before the match.' }) plannedOn: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: ReferralsContext,
  ) {
    return followUpService(ctx).planCheckIn(id, plannedOn, version);
  }

  @Mutation(() => FollowUp, { description: 'Organisation editors: record a planned check-in as DONE or MISSED.' })
  @Allow(ORGANISATION)
  recordFollowUpCheckIn(
    @Arg('checkInId', () => ID) checkInId: string,
    @Arg('input', () => RecordFollowUpCheckInInput) input: RecordFollowUpCheckInInput,
    @Ctx() ctx: ReferralsContext,
  ) {
    return followUpService(ctx).recordCheckIn(checkInId, input);
  }

  @Mutation(() => FollowUp, {
    description:
      'Organisation editors: end a follow-up with a date and a reason. REMATCHED starts a new follow-up waiting for a volunteer; any other reason closes the referral (COMPLETED for GOAL_REACHED, else NOT_COMPLETED with FOLLOW_UP_ENDED), and the retention period runs from now.',
  })
  @Allow(ORGANISATION)
  endFollowUp(@Arg('id', () => ID) id: string, @Arg('input', () => EndFollowUpInput) input: EndFollowUpInput, @Ctx() ctx: ReferralsContext) {
    return followUpService(ctx).end(id, input);
  }

  @Mutation(() => FollowUp, {
    description:
      'Renew the consent a follow-up runs under (only its last day changes), with her renewed agreement: the sending shelter’s staff, or the organisation’s editors when the follow-up goes on after she has left the shelter and her consent covers that (else FORBIDDEN). Audited (RENEW_CONSENT). Prompted 30 days before a consent ends ahead of the commitment (`consentRenewalDue`).',
  })
  @Allow(PARTIES)
  renewConsent(@Args(() => RenewConsentArgs) args: RenewConsentArgs, @Ctx() ctx: ReferralsContext) {
    return followUpService(ctx).renewConsent(args.id, args.expiresOn, args.version);
  }

  @FieldResolver(() => [FollowUpAction], { description: 'What you can do with it now.' })
  @Allow(Access.withParent)
  allowedActions(@Root() followUp: FollowUpRow): FollowUpAction[] {
    return followUp.allowedActions;
  }
}

@Resolver(() => Referral)
export class ReferralFollowUpResolver {
  @FieldResolver(() => FollowUp, {
    nullable: true,
    description: 'Its follow-up, when it was accepted to a mentoring or practical-help offer: the open one, else the latest.',
  })
  @Allow(Access.withParent)
  followUp(@Root() referral: ReferralView, @Ctx() ctx: ReferralsContext): Promise<FollowUpRow | null> {
    return followUpService(ctx).ofReferral(referral.id);
  }
}
