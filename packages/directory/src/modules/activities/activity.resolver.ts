import { Access, Allow, checkedFirst, Connection, IDEMPOTENT_CREATE, idempotentCreate } from '@samspill/core';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { searchMetaOf } from '../../common/ranked-search.js';
import type { DirectoryContext } from '../../context.js';
import type { BydelRow } from '../bydeler/bydel.row.js';
import { Bydel } from '../bydeler/bydel.type.js';
import type { ContactPersonRow } from '../contact-persons/contact-person.row.js';
import { ContactPerson } from '../contact-persons/contact-person.type.js';
import { canSeeLocation } from '../locations/location.policy.js';
import type { LocationRow } from '../locations/location.row.js';
import { Location } from '../locations/location.type.js';
import { daysSince, VerificationState, verificationStateOf } from '../offers/verification.js';
import type { OrganisationRow } from '../organisations/organisation.row.js';
import { Organisation } from '../organisations/organisation.type.js';
import { ActivitiesArgs } from './activities.args.js';
import { CreateActivityInput, UpdateActivityInput } from './activity.input.js';
import { activityPolicy } from './activity.policy.js';
import type { ActivityRow } from './activity.row.js';
import { ActivityService } from './activity.service.js';
import { Activity } from './activity.type.js';
import { VenueKind } from './activity-enums.js';
import { nextOccurrences, type OccurrenceData } from './occurrences.js';
import { normalizedSchedule, type ScheduleData } from './schedule.js';
import { Occurrence, Schedule } from './schedule.type.js';

@ObjectType('ActivityConnection')
export class ActivityConnection extends Connection(Activity) {}

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, {
    description: 'Activities you may see, filtered, sorted and paginated. Anonymous callers see published public activities only.',
  })
  @Allow(Access.anyone)
  activities(@Args(() => ActivitiesArgs) args: ActivitiesArgs, @Ctx() ctx: DirectoryContext) {
    return new ActivityService(ctx).list(args);
  }

  @Query(() => Activity, { nullable: true, description: 'One activity; NOT_FOUND when it does not exist or you may not see it.' })
  @Allow(Access.anyone)
  activity(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new ActivityService(ctx).get(id);
  }

  @Mutation(() => Activity, { description: `Create an activity (as a DRAFT) for your organisation. ${IDEMPOTENT_CREATE}` })
  @Allow(activityPolicy.access('activity:edit'))
  createActivity(@Arg('input', () => CreateActivityInput) input: CreateActivityInput, @Ctx() ctx: DirectoryContext) {
    const service = new ActivityService(ctx);
    return idempotentCreate(
      ctx,
      'createActivity',
      { input },
      () => service.create(input),
      (id) => service.get(id),
    );
  }

  @Mutation(() => Activity, {
    description: 'Change an activity. Send the version you read: if someone changed it since, you get CONFLICT and nothing changes.',
  })
  @Allow(activityPolicy.access('activity:edit'))
  updateActivity(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateActivityInput) input: UpdateActivityInput, @Ctx() ctx: DirectoryContext) {
    return new ActivityService(ctx).update(id, input);
  }

  @Mutation(() => Activity, { description: 'Publish an activity: it appears in the directory and counts as just verified.' })
  @Allow(activityPolicy.access('activity:edit'))
  publishActivity(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: DirectoryContext) {
    return new ActivityService(ctx).publish(id, version);
  }

  @Mutation(() => Activity, { description: 'Archive an activity: it leaves the directory but is kept.' })
  @Allow(activityPolicy.access('activity:edit'))
  archiveActivity(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: DirectoryContext) {
    return new ActivityService(ctx).archive(id, version);
  }

  @Mutation(() => Activity, { description: 'Confirm that the activity is still as described (sets lastVerifiedAt to now).' })
  @Allow(activityPolicy.access('activity:edit'))
  confirmActivityStillValid(@Arg('id', () => ID) id: string, @Ctx() ctx: DirectoryContext) {
    return new ActivityService(ctx).confirmStillValid(id);
  }

  @FieldResolver(() => Organisation)
  @Allow(Access.withParent)
  async organisation(@Root() activity: ActivityRow, @Ctx() ctx: DirectoryContext, @Info() info: GraphQLResolveInfo): Promise<OrganisationRow> {
    return (await ctx.loaders.organisation.load(activity.organisation.id, info))!;
  }

  @FieldResolver(() => Location, {
    nullable: true,
    description:
      'Where it takes place, when you may see that place. Null for online activities and, for anyone but its own staff, for activities at a shelter.',
  })
  @Allow(Access.withParent)
  async location(@Root() activity: ActivityRow, @Ctx() ctx: DirectoryContext): Promise<LocationRow | null> {
    if (!activity.location) return null;
    const location = await ctx.loaders.location.load(activity.location.id);
    return location && canSeeLocation(ctx.principal, location) ? location : null;
  }

  @FieldResolver(() => String, { description: 'Where, in words: the place name, "På krisesenteret" or "Digitalt".' })
  @Allow(Access.withParent)
  async venueLabel(@Root() activity: ActivityRow, @Ctx() ctx: DirectoryContext): Promise<string> {
    if (activity.venueKind === VenueKind.AT_SHELTER) return 'På krisesenteret';
    if (activity.venueKind === VenueKind.ONLINE) return 'Digitalt';
    return (await this.location(activity, ctx))?.name ?? 'Sted oppgis ved påmelding';
  }

  @FieldResolver(() => Bydel, { nullable: true, description: 'The bydel where it takes place; null when online or at a shelter.' })
  @Allow(Access.withParent)
  bydel(@Root() activity: ActivityRow, @Ctx() ctx: DirectoryContext): BydelRow | null {
    return activity.bydel ? ctx.bydeler.get(activity.bydel.code) : null;
  }

  @FieldResolver(() => ContactPerson, { nullable: true, description: 'Signed-in users only.' })
  @Allow(Access.authenticated)
  contactPerson(
    @Root() activity: ActivityRow,
    @Ctx() ctx: DirectoryContext,
    @Info() info: GraphQLResolveInfo,
  ): ContactPersonRow | null | Promise<ContactPersonRow | null> {
    return activity.contactPerson ? ctx.loaders.contactPerson.load(activity.contactPerson.id, info) : null;
  }

  @FieldResolver(() => Schedule)
  @Allow(Access.withParent)
  schedule(@Root() activity: ActivityRow): ScheduleData {
    return normalizedSchedule(activity.schedule);
  }

  @FieldResolver(() => [Occurrence], { description: 'The next times it takes place (up to 120 days ahead), exceptions left out.' })
  @Allow(Access.withParent)
  nextOccurrences(
    @Root() activity: ActivityRow,
    @Arg('first', () => Int, { defaultValue: 5, description: 'At most this many (1–50).' }) first: number,
    @Ctx() ctx: DirectoryContext,
  ): OccurrenceData[] {
    return nextOccurrences(activity.schedule, ctx.now(), checkedFirst(first, 50));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'How well it matches filter.text (higher is better); null outside a text search.' })
  @Allow(Access.withParent)
  relevance(@Root() activity: ActivityRow): number | null {
    return searchMetaOf(activity)?.relevance ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Metres from filter.near; null outside a search near a point.' })
  @Allow(Access.withParent)
  distanceMeters(@Root() activity: ActivityRow): number | null {
    return searchMetaOf(activity)?.distanceMeters ?? null;
  }

  @FieldResolver(() => Int, { description: 'Whole days since the organisation last confirmed the activity is still valid.' })
  @Allow(Access.withParent)
  daysSinceVerified(@Root() activity: ActivityRow, @Ctx() ctx: DirectoryContext): number {
    return daysSince(activity.lastVerifiedAt, ctx.now());
  }

  @FieldResolver(() => VerificationState, { description: 'FRESH, DUE for re-verification, or STALE (anonymous callers never see a stale one).' })
  @Allow(Access.withParent)
  verificationState(@Root() activity: ActivityRow, @Ctx() ctx: DirectoryContext): VerificationState {
    return verificationStateOf(activity.lastVerifiedAt, ctx.now(), ctx.freshness);
  }
}
