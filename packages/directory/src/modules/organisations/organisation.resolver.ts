import { Access, Allow, checkedFirst, Connection, IDEMPOTENT_CREATE, idempotentCreate, isAuthenticated, osloDateOf } from '@samspill/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';

import type { DirectoryContext } from '../../context.js';
import type { ActivityRow } from '../activities/activity.row.js';
import { Activity } from '../activities/activity.type.js';
import type { BydelRow } from '../bydeler/bydel.row.js';
import { Bydel } from '../bydeler/bydel.type.js';
import type { ContactPersonRow } from '../contact-persons/contact-person.row.js';
import { ContactPerson } from '../contact-persons/contact-person.type.js';
import { canSeeLocation } from '../locations/location.policy.js';
import type { LocationRow } from '../locations/location.row.js';
import { Location } from '../locations/location.type.js';
import { Offer } from '../offers/offer.interface.js';
import { daysSince } from '../offers/verification.js';
import type { PetCareOfferRow } from '../pet-care/pet-care-offer.row.js';
import { PetCareOffer } from '../pet-care/pet-care-offer.type.js';
import { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.input.js';
import { organisationPolicy } from './organisation.policy.js';
import type { VolunteerRoutineRow } from './organisation.row.js';
import type { OrganisationRow } from './organisation.row.js';
import { OrganisationService } from './organisation.service.js';
import { Organisation } from './organisation.type.js';
import { OrganisationKind } from './organisation-kind.enum.js';
import { OrganisationsArgs } from './organisations.args.js';
import { requirementsMetOn } from './volunteer-requirement.enum.js';
import { RecordVolunteerRoutineInput } from './volunteer-routine.input.js';
import { ExpiringVolunteerRoutine, VolunteerRoutine } from './volunteer-routine.type.js';

const ADMINS = organisationPolicy.access('organisation:edit');
/** Confirming an organisation's facts: its own editors too (the service checks the organisation). */
const EDITORS = Access.roles('ORG_EDITOR', 'PLATFORM_ADMIN');

@ObjectType('OrganisationConnection')
export class OrganisationConnection extends Connection(Organisation) {}

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => OrganisationConnection, { description: 'Organisations in the network, filtered and paginated by name.' })
  @Allow(Access.anyone)
  organisations(@Args(() => OrganisationsArgs) args: OrganisationsArgs, @Ctx() ctx: DirectoryContext) {
    return new OrganisationService(ctx).list(args);
  }

  @Query(() => Organisation, { nullable: true })
  @Allow(Access.anyone)
  organisation(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new OrganisationService(ctx).get(id);
  }

  @Mutation(() => Organisation, { description: `Register an organisation (platform admins). ${IDEMPOTENT_CREATE}` })
  @Allow(ADMINS)
  createOrganisation(@Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput, @Ctx() ctx: DirectoryContext) {
    const service = new OrganisationService(ctx);
    return idempotentCreate(
      ctx,
      'createOrganisation',
      { input },
      () => service.create(input),
      (id) => service.get(id),
    );
  }

  @Mutation(() => Organisation, { description: 'Correct an organisation (platform admins). Send the version you read.' })
  @Allow(ADMINS)
  updateOrganisation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() ctx: DirectoryContext,
  ) {
    return new OrganisationService(ctx).update(id, input);
  }

  @Mutation(() => Organisation, {
    description: `Record a confirmation of one of an organisation's volunteer routines (platform admins); returns the organisation. ${IDEMPOTENT_CREATE}`,
  })
  @Allow(ADMINS)
  recordVolunteerRoutine(@Arg('input', () => RecordVolunteerRoutineInput) input: RecordVolunteerRoutineInput, @Ctx() ctx: DirectoryContext) {
    const service = new OrganisationService(ctx);
    return idempotentCreate(
      ctx,
      'recordVolunteerRoutine',
      { input },
      () => service.recordVolunteerRoutine(input),
      (id) => service.get(id),
    );
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The national organisation this is a local branch of.' })
  @Allow(Access.withParent)
  parent(
    @Root() organisation: OrganisationRow,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): OrganisationRow | null | Promise<OrganisationRow | null> {
    return organisation.parent ? ctx.loaders.organisation.load(organisation.parent.id, info) : null;
  }

  @FieldResolver(() => [Bydel], { description: 'The bydeler it serves.' })
  @Allow(Access.withParent)
  bydeler(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): Promise<BydelRow[]> | readonly BydelRow[] {
    // A shelter serves all of Oslo; showing anything narrower would hint at where it is.
    if (organisation.kind === OrganisationKind.SHELTER) return ctx.bydeler.administrative();
    return ctx.loaders.bydelerByOrganisation.load(organisation.id);
  }

  @FieldResolver(() => Location, {
    nullable: true,
    description: "Main address, when you may see it. A shelter's address reaches only its own staff and platform admins.",
  })
  @Allow(Access.withParent)
  async location(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): Promise<LocationRow | null> {
    if (!organisation.mainLocation) return null;
    const location = await ctx.loaders.location.load(organisation.mainLocation.id);
    return location && canSeeLocation(ctx.principal, location) ? location : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the organisation meets the shelter requirements for volunteers (training, confidentiality declaration, police certificate where lawful).',
  })
  @Allow(Access.withParent)
  meetsVolunteerRequirements(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): boolean {
    // False as soon as one confirmation lapses (its validUntil passed on the server's clock).
    return requirementsMetOn(organisation, osloDateOf(ctx.now()));
  }

  @FieldResolver(() => Int, { description: "Whole days since the organisation's facts were last confirmed." })
  @Allow(Access.withParent)
  daysSinceVerified(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): number {
    return daysSince(organisation.lastVerifiedAt, ctx.now());
  }

  @Mutation(() => Organisation, {
    description: "Confirm that the organisation's facts are still true (its own editors and platform admins): sets lastVerifiedAt to now.",
  })
  @Allow(EDITORS)
  confirmOrganisationStillValid(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new OrganisationService(ctx).confirmStillValid(id);
  }

  @Query(() => [ExpiringVolunteerRoutine], {
    description: 'Platform admins: the volunteer-routine confirmations that lapse within `withinDays` days (0–366), and those that have lapsed, soonest first.',
  })
  @Allow(ADMINS)
  volunteerRoutinesExpiring(@Arg('withinDays', () => Int) withinDays: number, @Ctx() ctx: DirectoryContext) {
    return new OrganisationService(ctx).routinesExpiring(withinDays);
  }

  @FieldResolver(() => [VolunteerRoutine], { description: 'Confirmed volunteer routines, with when and by whom. Signed-in users only.' })
  @Allow(Access.authenticated)
  volunteerRoutines(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): Promise<VolunteerRoutineRow[]> {
    return ctx.loaders.volunteerRoutinesByOrganisation.load(organisation.id);
  }

  @FieldResolver(() => [ContactPerson], { description: 'Signed-in users only.' })
  @Allow(Access.authenticated)
  contactPersons(
    @Root() organisation: OrganisationRow,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): ContactPersonRow[] | Promise<ContactPersonRow[]> {
    return ctx.loaders.contactPersonsByOrganisation.load(organisation.id, info);
  }

  @FieldResolver(() => [Activity], { description: 'Its published activities that you may see, by title.' })
  @Allow(Access.withParent)
  async activities(
    @Root() organisation: OrganisationRow,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many (1–100).' }) first: number,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ActivityRow[]> {
    return ctx.loaders.publishedActivitiesByOrganisation.load({ key: organisation.id, first: checkedFirst(first) }, info);
  }

  @FieldResolver(() => [PetCareOffer], { description: 'Its published pet-care offers. Signed-in users only.' })
  @Allow(Access.authenticated)
  petCareOffers(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): Promise<PetCareOfferRow[]> {
    return ctx.loaders.publishedPetCareOffersByOrganisation.load(organisation.id);
  }

  @FieldResolver(() => [PetCareOffer], { description: 'For a sponsor: the published sponsored kennels whose places it pays for. Signed-in users only.' })
  @Allow(Access.authenticated)
  sponsoredPetCareOffers(@Root() organisation: OrganisationRow, @Ctx() ctx: DirectoryContext): Promise<PetCareOfferRow[]> {
    return ctx.loaders.publishedPetCareOffersBySponsor.load(organisation.id);
  }

  @FieldResolver(() => [Offer], { description: 'Its published activities and, for signed-in users, pet-care offers.' })
  @Allow(Access.withParent)
  async offers(
    @Root() organisation: OrganisationRow,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Array<ActivityRow | PetCareOfferRow>> {
    const [activities, petCare] = await Promise.all([
      ctx.loaders.publishedActivitiesByOrganisation.load({ key: organisation.id, first: 100 }, info),
      isAuthenticated(ctx.principal) ? ctx.loaders.publishedPetCareOffersByOrganisation.load(organisation.id) : [],
    ]);
    return [...activities, ...petCare];
  }
}
