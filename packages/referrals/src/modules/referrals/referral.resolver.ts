import { Access, Allow, Connection, IDEMPOTENT_CREATE, idempotentCreate, PageArgs } from '@samspill/core';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { type ReferralsContext, referralService } from '../../context.js';
import { ActivityReference, OrganisationReference, PetCareOfferReference } from '../directory-link/directory-entities.type.js';
import { ConsentInput, CreateReferralInput, RedirectReferralInput, UpdateReferralDraftInput } from './referral.input.js';
import { Referral, ReferralStatusChange } from './referral.type.js';
import type { ReferralView } from './referral.view.js';
import { ReasonCode, ReferralAction, ReferralStatus, TargetKind } from './referral-enums.js';
import { allowedActions } from './referral-state-machine.js';

const SHELTER = Access.roles('SHELTER_STAFF');
const PARTIES = Access.roles('SHELTER_STAFF', 'ORG_EDITOR');

@ObjectType('ReferralConnection')
export class ReferralConnection extends Connection(Referral) {}

@ArgsType()
class ReferralsArgs extends PageArgs {
  @Field(() => [ReferralStatus], { nullable: true, description: 'Only referrals in these states.' })
  statuses?: ReferralStatus[];
}

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => Referral, { nullable: true, description: 'One referral you are a party to. For anyone else it does not exist (NOT_FOUND).' })
  @Allow(Access.authenticated)
  referral(@Arg('id', () => ID) id: string, @Ctx() ctx: ReferralsContext) {
    return referralService(ctx).get(id);
  }

  @Query(() => ReferralConnection, { description: "Shelter staff: the shelter's referrals. Organisation editors: the organisation's inbox. Newest first." })
  @Allow(PARTIES)
  referrals(@Args(() => ReferralsArgs) args: ReferralsArgs, @Ctx() ctx: ReferralsContext) {
    return referralService(ctx).list({ statuses: args.statuses }, args);
  }

  @Mutation(() => Referral, { description: `Shelter staff: start a referral (a DRAFT) to an activity or a pet-care offer. ${IDEMPOTENT_CREATE}` })
  @Allow(SHELTER)
  createReferral(@Arg('input', () => CreateReferralInput) input: CreateReferralInput, @Ctx() ctx: ReferralsContext) {
    const service = referralService(ctx);
    return idempotentCreate(
      ctx,
      'createReferral',
      { input },
      (offer) => service.create(input, offer),
      (id) => service.get(id),
      () => service.prepareCreate(input),
    );
  }

  @Mutation(() => Referral, { description: 'Shelter staff: change a DRAFT.' })
  @Allow(SHELTER)
  updateReferralDraft(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateReferralDraftInput) input: UpdateReferralDraftInput,
    @Ctx() ctx: ReferralsContext,
  ) {
    return referralService(ctx).updateDraft(id, input);
  }

  @Mutation(() => Referral, { description: "Shelter staff: record the resident's consent and what it covers." })
  @Allow(SHELTER)
  recordReferralConsent(
    @Arg('id', () => ID) id: string,
    @Arg('consent', () => ConsentInput) consent: ConsentInput,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: ReferralsContext,
  ) {
    return referralService(ctx).recordConsent(id, consent, version);
  }

  @Mutation(() => Referral, {
    description: 'Shelter staff: the resident withdraws consent. An open referral is cancelled and its personal fields are erased at once.',
  })
  @Allow(SHELTER)
  withdrawReferralConsent(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: ReferralsContext) {
    return referralService(ctx).withdrawConsent(id, version);
  }

  @Mutation(() => Referral, {
    description:
      'Move a referral on in its workflow. An action that is not allowed now is refused with BAD_USER_INPUT naming the allowed ones; a stale version with CONFLICT.',
  })
  @Allow(PARTIES)
  transitionReferral(
    @Arg('id', () => ID) id: string,
    @Arg('action', () => ReferralAction) action: ReferralAction,
    @Arg('version', () => Int) version: number,
    @Arg('reason', () => ReasonCode, { nullable: true }) reason: ReasonCode | null,
    @Ctx() ctx: ReferralsContext,
  ) {
    return referralService(ctx).transition(id, action, reason, version);
  }

  @Mutation(() => Referral, {
    description: `Shelter staff: send a DECLINED referral on to another offer. Returns the new, linked draft. ${IDEMPOTENT_CREATE}`,
  })
  @Allow(SHELTER)
  redirectReferral(@Arg('id', () => ID) id: string, @Arg('input', () => RedirectReferralInput) input: RedirectReferralInput, @Ctx() ctx: ReferralsContext) {
    const service = referralService(ctx);
    return idempotentCreate(
      ctx,
      'redirectReferral',
      { id, input },
      (offer) => service.redirect(id, input, offer),
      (created) => service.get(created),
      () => service.prepareRedirect(id, input),
    );
  }

  @FieldResolver(() => ActivityReference, { nullable: true, description: 'The activity referred to.' })
  @Allow(Access.withParent)
  activity(@Root() referral: ReferralView): ActivityReference | null {
    return referral.targetKind === TargetKind.ACTIVITY ? { id: referral.entity.targetId } : null;
  }

  @FieldResolver(() => PetCareOfferReference, { nullable: true, description: 'The pet-care offer referred to.' })
  @Allow(Access.withParent)
  petCareOffer(@Root() referral: ReferralView): PetCareOfferReference | null {
    return referral.targetKind === TargetKind.PET_CARE_OFFER ? { id: referral.entity.targetId } : null;
  }

  @FieldResolver(() => OrganisationReference)
  @Allow(Access.withParent)
  sendingShelter(@Root() referral: ReferralView): OrganisationReference {
    return { id: referral.entity.sendingShelterId };
  }

  @FieldResolver(() => OrganisationReference)
  @Allow(Access.withParent)
  receivingOrganisation(@Root() referral: ReferralView): OrganisationReference {
    return { id: referral.entity.receivingOrganisationId };
  }

  @FieldResolver(() => [ReferralStatusChange], { description: 'Every transition, oldest first.' })
  @Allow(Access.withParent)
  async statusHistory(@Root() referral: ReferralView, @Ctx() ctx: ReferralsContext): Promise<ReferralStatusChange[]> {
    const changes = (await ctx.loaders.statusChangesByReferral.load(referral.id)).filter(
      // The organisation sees the referral as declined, not that it was sent on.
      (c) => referral.side === 'SHELTER' || c.toStatus !== ReferralStatus.REDIRECTED,
    );
    return changes.map((c) => ({ from: c.fromStatus, to: c.toStatus, at: c.at, actor: c.actorSubject, actorRole: c.actorRole, reason: c.reason }));
  }

  @FieldResolver(() => [ReferralAction], { description: 'What you can do with it now.' })
  @Allow(Access.withParent)
  allowedActions(@Root() referral: ReferralView): ReferralAction[] {
    return allowedActions(referral.status, referral.side);
  }
}
