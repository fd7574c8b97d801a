import { Access, Allow, Connection, IDEMPOTENT_CREATE, idempotentCreate, isAuthenticated, UnauthenticatedError } from '@samspill/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import type { BydelRow } from '../bydeler/bydel.row.js';
import { Bydel } from '../bydeler/bydel.type.js';
import type { ContactPersonRow } from '../contact-persons/contact-person.row.js';
import { ContactPerson } from '../contact-persons/contact-person.type.js';
import { daysSince, VerificationState, verificationStateOf } from '../offers/verification.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import { Organisation } from '../organisations/organisation.type.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';
import { CreatePetCareOfferInput, UpdatePetCareOfferInput } from './pet-care-offer.input.js';
import { petCareOfferPolicy } from './pet-care-offer.policy.js';
import type { PetCareOfferRow } from './pet-care-offer.row.js';
import { PetCareOfferService } from './pet-care-offer.service.js';
import { HOW_TO_REQUEST, PetCareOffer } from './pet-care-offer.type.js';
import { PetCareOffersArgs } from './pet-care-offers.args.js';

@ObjectType('PetCareOfferConnection')
export class PetCareOfferConnection extends Connection(PetCareOffer) {}

@Resolver(() => PetCareOffer)
export class PetCareOfferResolver {
  @Query(() => PetCareOfferConnection, { description: 'Pet-care offers, filtered and paginated. Signed-in users only.' })
  @Allow(Access.authenticated)
  petCareOffers(@Args(() => PetCareOffersArgs) args: PetCareOffersArgs, @Ctx() ctx: DirectoryContext) {
    return new PetCareOfferService(ctx).list(args);
  }

  @Query(() => PetCareOffer, { nullable: true })
  @Allow(Access.authenticated)
  petCareOffer(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new PetCareOfferService(ctx).get(id);
  }

  @Mutation(() => PetCareOffer, { description: `Create a pet-care offer (as a DRAFT) for your organisation. ${IDEMPOTENT_CREATE}` })
  @Allow(petCareOfferPolicy.access('petCareOffer:edit'))
  createPetCareOffer(@Arg('input', () => CreatePetCareOfferInput) input: CreatePetCareOfferInput, @Ctx() ctx: DirectoryContext) {
    const service = new PetCareOfferService(ctx);
    return idempotentCreate(
      ctx,
      'createPetCareOffer',
      { input },
      () => service.create(input),
      (id) => service.get(id),
    );
  }

  @Mutation(() => PetCareOffer, { description: 'Change a pet-care offer. Send the version you read.' })
  @Allow(petCareOfferPolicy.access('petCareOffer:edit'))
  updatePetCareOffer(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePetCareOfferInput) input: UpdatePetCareOfferInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new PetCareOfferService(ctx).update(id, input);
  }

  @Mutation(() => PetCareOffer, { description: 'Set how many places are free right now.' })
  @Allow(petCareOfferPolicy.access('petCareOffer:edit'))
  setPetCarePlacesAvailable(
    @Arg('id', () => ID) id: string,
    @Arg('placesAvailable', () => Int) placesAvailable: number,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new PetCareOfferService(ctx).setPlacesAvailable(id, placesAvailable, version);
  }

  @Mutation(() => PetCareOffer)
  @Allow(petCareOfferPolicy.access('petCareOffer:edit'))
  publishPetCareOffer(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: DirectoryContext) {
    return new PetCareOfferService(ctx).publish(id, version);
  }

  @Mutation(() => PetCareOffer)
  @Allow(petCareOfferPolicy.access('petCareOffer:edit'))
  archivePetCareOffer(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: DirectoryContext) {
    return new PetCareOfferService(ctx).archive(id, version);
  }

  @Mutation(() => PetCareOffer, { description: 'Confirm that the offer is still as described (sets lastVerifiedAt to now).' })
  @Allow(petCareOfferPolicy.access('petCareOffer:edit'))
  confirmPetCareOfferStillValid(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new PetCareOfferService(ctx).confirmStillValid(id);
  }

  @FieldResolver(() => Organisation, { description: 'The provider.' })
  @Allow(Access.withParent)
  async organisation(@Root() offer: PetCareOfferRow, @Ctx() ctx: DirectoryContext, @Info() info: GraphQLResolveInfo): Promise<OrganisationRow> {
    return (await ctx.loaders.organisation.load(offer.organisation.id, info))!;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: 'For a SPONSORED_KENNEL: the sponsor that pays for its places (the kennel is `organisation`).',
  })
  @Allow(Access.withParent)
  sponsor(
    @Root() offer: PetCareOfferRow,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): OrganisationRow | null | Promise<OrganisationRow | null> {
    return offer.sponsor ? ctx.loaders.organisation.load(offer.sponsor.id, info) : null;
  }

  @FieldResolver(() => [Bydel], { description: 'The bydeler it serves.' })
  @Allow(Access.withParent)
  async bydeler(@Root() offer: PetCareOfferRow, @Ctx() ctx: DirectoryContext): Promise<readonly BydelRow[]> {
    // A shelter's own offer serves all of Oslo, like the shelter.
    const owner = await ctx.loaders.organisation.load(offer.organisation.id);
    if (owner?.kind === OrganisationKind.SHELTER) return ctx.bydeler.administrative();
    return ctx.loaders.bydelerByPetCareOffer.load(offer.id);
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'Signed-in users only.' })
  @Allow(Access.authenticated)
  contactPerson(
    @Root() offer: PetCareOfferRow,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): ContactPersonRow | null | Promise<ContactPersonRow | null> {
    return offer.contactPerson ? ctx.loaders.contactPerson.load(offer.contactPerson.id, info) : null;
  }

  @FieldResolver(() => Int, { description: 'Whole days since the organisation last confirmed the offer is still valid.' })
  @Allow(Access.withParent)
  daysSinceVerified(@Root() offer: PetCareOfferRow, @Ctx() ctx: DirectoryContext): number {
    return daysSince(offer.lastVerifiedAt, ctx.now());
  }

  @FieldResolver(() => VerificationState, { description: 'FRESH, DUE for re-verification, or STALE.' })
  @Allow(Access.withParent)
  verificationState(@Root() offer: PetCareOfferRow, @Ctx() ctx: DirectoryContext): VerificationState {
    return verificationStateOf(offer.lastVerifiedAt, ctx.now(), ctx.freshness);
  }

  @FieldResolver(() => String, { description: 'How a resident gets a place: always through shelter staff.' })
  @Allow(Access.withParent)
  howToRequest(): string {
    return HOW_TO_REQUEST;
  }
}

/** `_entities` for PetCareOffer: signed-in callers only and the same visibility as `petCareOffer(id)`. */
export async function resolvePetCareOfferReference(reference: { id: string }, ctx: DirectoryContext): Promise<PetCareOfferRow | null> {
  if (!isAuthenticated(ctx.principal)) throw new UnauthenticatedError();
  const offer = await ctx.loaders.petCareOffer.load(reference.id);
  return offer && petCareOfferPolicy.may(ctx.principal, 'petCareOffer:see', offer, ctx.policyTime) ? offer : null;
}
