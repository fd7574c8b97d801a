import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { osloDateOf, type Page, ValidationError } from '@samspill/core';

import { applyChanges } from '../../common/editing.js';
import { columnOrder, runRankedQuery, textCondition, textSearch, wordsThenFuzzy } from '../../common/ranked-search.js';
import { distanceSql, nearCondition } from '../../common/search-conditions.js';
import { withNeighbours } from '../bydeler/bydel-neighbours.js';
import { ContactPersonEntity } from '../contact-persons/contact-person.entity.js';
import { LocationEntity } from '../locations/location.entity.js';
import { nearSearchPolicy } from '../locations/location.policy.js';
import { LocationVisibility } from '../locations/location-visibility.enum.js';
import { OfferLifecycle } from '../offers/offer.lifecycle.js';
import { CostKind, OfferAudience, OfferStatus } from '../offers/offer-enums.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';
import { requirementsMetOn } from '../organisations/volunteer-requirement.enum.js';
import { ActivitiesArgs, ActivitySort } from './activities.args.js';
import { ActivityEntity } from './activity.entity.js';
import type { CreateActivityInput, UpdateActivityInput } from './activity.input.js';
import { activityPolicy } from './activity.policy.js';
import type { ActivityRow } from './activity.row.js';
import { audienceFitsPlace } from './activity-audience.js';
import { isoWeekday, VenueKind } from './activity-enums.js';
import type { ScheduleData } from './schedule.js';
import { weekdaysOf } from './schedule.js';

const DAY_MS = 24 * 60 * 60 * 1000;

const EDITABLE = [
  'title',
  'description',
  'category',
  'targetGroups',
  'ageMin',
  'ageMax',
  'languages',
  'venueKind',
  'costKind',
  'priceNok',
  'capacity',
  'placesAvailable',
  'joinMode',
  'accessibility',
  'accessibilityNote',
  'audience',
  'commitmentMonths',
  'requiresVolunteerCourse',
  'womenOnlyVolunteers',
] as const satisfies ReadonlyArray<keyof ActivityEntity>;
const REQUIRED = [
  'title',
  'description',
  'category',
  'targetGroups',
  'languages',
  'venueKind',
  'costKind',
  'joinMode',
  'accessibility',
  'audience',
  'requiresVolunteerCourse',
  'womenOnlyVolunteers',
] as const;

const ORDER: Partial<Record<ActivitySort, QueryOrderMap<ActivityEntity>>> = {
  [ActivitySort.TITLE]: { title: 'asc', id: 'asc' },
  [ActivitySort.RECENTLY_VERIFIED]: { lastVerifiedAt: 'desc', id: 'asc' },
  [ActivitySort.RECENTLY_UPDATED]: { updatedAt: 'desc', id: 'asc' },
};

/** The rules of activities: who sees which, who changes what, and what a valid activity is (its lifecycle is every offer's). */
export class ActivityService extends OfferLifecycle<ActivityEntity, ActivityRow> {
  protected readonly entity = ActivityEntity;
  protected readonly label = 'Activity';
  protected readonly policy = activityPolicy;

  async list(args: ActivitiesArgs): Promise<Page<ActivityRow>> {
    const f = args.filter ?? {};
    // A rule that lets this caller see nothing matches nothing (never a missing condition, which would match all).
    const conditions: FilterQuery<ActivityEntity>[] = [
      activityPolicy.where(this.principal, this.ctx.policyTime) ?? { id: { $in: [] } },
      { status: { $in: f.statuses ?? [OfferStatus.PUBLISHED] } },
    ];
    if (f.bydeler?.length) conditions.push({ bydel: { $in: f.includeNeighbouringBydeler ? withNeighbours(f.bydeler) : f.bydeler } });
    if (f.near) conditions.push(nearCondition('location_id', f.near, nearSearchPolicy.sql(this.principal, 'l')));
    if (f.categories?.length) conditions.push({ category: { $in: f.categories } });
    if (f.targetGroups?.length) conditions.push({ targetGroups: { $overlap: f.targetGroups } });
    if (f.allTargetGroups?.length) conditions.push({ targetGroups: { $contains: f.allTargetGroups } });
    if (f.excludeTargetGroups?.length) {
      const asked = new Set([...(f.targetGroups ?? []), ...(f.allTargetGroups ?? [])]);
      const both = f.excludeTargetGroups.filter((group) => asked.has(group));
      if (both.length) throw ValidationError.field('filter.excludeTargetGroups', `cannot both ask for and exclude ${both.join(', ')}`);
      conditions.push({ $not: { targetGroups: { $overlap: f.excludeTargetGroups } } });
    }
    if (f.age !== undefined && f.age !== null) {
      conditions.push({ $or: [{ ageMin: null }, { ageMin: { $lte: f.age } }] }, { $or: [{ ageMax: null }, { ageMax: { $gte: f.age } }] });
    }
    if (f.languages?.length) conditions.push({ languages: { $overlap: f.languages } });
    if (f.weekdays?.length) conditions.push({ weekdays: { $overlap: f.weekdays.map(isoWeekday) } });
    if (f.joinModes?.length) conditions.push({ joinMode: { $in: f.joinModes } });
    if (f.venueKinds?.length) conditions.push({ venueKind: { $in: f.venueKinds } });
    if (f.freeOnly) conditions.push({ costKind: { $in: [CostKind.FREE, CostKind.SPONSORED] } });
    if (f.verifiedWithinDays) conditions.push({ lastVerifiedAt: { $gte: new Date(this.now().getTime() - f.verifiedWithinDays * DAY_MS) } });
    if (f.organisationId) conditions.push({ organisation: f.organisationId });
    const text = f.text?.trim();
    const sort = args.sort ?? (text ? ActivitySort.RELEVANCE : f.near ? ActivitySort.DISTANCE : ActivitySort.TITLE);
    if (sort === ActivitySort.RELEVANCE && !text) throw ValidationError.field('sort', 'RELEVANCE needs filter.text');
    if (sort === ActivitySort.DISTANCE && !f.near) throw ValidationError.field('sort', 'DISTANCE needs filter.near');

    return wordsThenFuzzy(text, (match) => {
      const where = { $and: text ? [...conditions, textCondition(text, match)] : conditions };
      const qb = this.em.createQueryBuilder(ActivityEntity, 'a').where(where);
      if (sort !== ActivitySort.RELEVANCE && sort !== ActivitySort.DISTANCE) {
        return runRankedQuery<ActivityEntity, ActivityRow>(
          this.em,
          { entity: ActivityEntity, alias: 'a', qb, order: columnOrder(this.em, ActivityEntity, 'a', ORDER[sort]!) },
          args,
        );
      }
      const relevance = text ? textSearch('a', text) : undefined;
      const distance = f.near ? distanceSql('a', 'location_id', f.near) : undefined;
      const order =
        sort === ActivitySort.RELEVANCE
          ? { name: 'activity-relevance', sql: relevance!.rank, params: relevance!.rankParams, direction: 'desc' as const }
          : { name: 'activity-distance', ...distance!, direction: 'asc' as const };
      return runRankedQuery<ActivityEntity, ActivityRow>(
        this.em,
        { entity: ActivityEntity, alias: 'a', qb, order, relevance: relevance && { sql: relevance.rank, params: relevance.rankParams }, distance },
        args,
      );
    });
  }

  protected rows() {
    return this.ctx.loaders.activity;
  }

  /** Publish, as every offer; an activity at a shelter only by an organisation that meets the volunteer requirements. */
  override async publish(id: string, version?: number | null): Promise<ActivityRow> {
    const activity = await this.loadForEdit(id, version);
    await this.assertMayBeAtShelter(activity, 'id');
    return super.publish(id, version);
  }

  /**
   * Volunteers who come to a shelter meet the women who live there: an AT_SHELTER activity is
   * published only by an organisation that meets the shelters' volunteer requirements today (none
   * lapsed). The shelter's own activities are run by its staff, not volunteers.
   */
  private async assertMayBeAtShelter(activity: ActivityEntity, field: string): Promise<void> {
    if (activity.venueKind !== VenueKind.AT_SHELTER) return;
    const organisation = await this.em.findOneOrFail(OrganisationEntity, { id: activity.organisation.id });
    if (organisation.kind === OrganisationKind.SHELTER) return;
    if (!requirementsMetOn(organisation, osloDateOf(this.now()))) {
      throw ValidationError.field(
        field,
        'an activity at a shelter is published only by an organisation that meets the shelters’ volunteer requirements (training, confidentiality declaration, police certificate where lawful), none of them lapsed',
      );
    }
  }

  async create(input: CreateActivityInput): Promise<ActivityRow> {
    activityPolicy.assert(this.principal, 'activity:edit', { organisation: { id: input.organisationId } });
    const organisation = await this.em.findOne(OrganisationEntity, { id: input.organisationId });
    if (!organisation) throw ValidationError.field('input.organisationId', 'no such organisation');
    const now = this.now();
    const activity = this.em.create(ActivityEntity, {
      organisation,
      title: input.title,
      description: input.description,
      category: input.category,
      venueKind: input.venueKind,
      joinMode: input.joinMode,
      targetGroups: [],
      languages: ['no'],
      accessibility: [],
      schedule: { weekly: [], monthly: [], exceptions: [], dates: [] },
      weekdays: [],
      status: OfferStatus.DRAFT,
      lastVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await this.applyInput(activity, input, true);
    await this.em.flush();
    return this.readBack(activity);
  }

  async update(id: string, input: UpdateActivityInput): Promise<ActivityRow> {
    const activity = await this.loadForEdit(id, input.version);
    await this.applyInput(activity, input, false);
    // A published activity moved to a shelter needs the requirements as publishing it there would.
    if (activity.status === OfferStatus.PUBLISHED) await this.assertMayBeAtShelter(activity, 'input.venueKind');
    await this.em.flush();
    return this.readBack(activity);
  }

  private async applyInput(activity: ActivityEntity, input: CreateActivityInput | UpdateActivityInput, creating: boolean): Promise<void> {
    const capacityBefore = [activity.capacity, activity.placesAvailable];
    applyChanges(activity, input, EDITABLE, REQUIRED);

    if (input.schedule) activity.schedule = this.schedule(input.schedule);
    activity.weekdays = weekdaysOf(activity.schedule);

    if (input.locationId !== undefined) {
      activity.location = input.locationId === null ? null : await this.usableLocation(input.locationId, activity.organisation.id);
    }
    if (input.contactPersonId !== undefined) {
      activity.contactPerson = input.contactPersonId === null ? null : await this.ownContact(input.contactPersonId, activity.organisation.id);
    }
    // The rules read the place's visibility and bydel: a place kept from before is only a reference.
    if (activity.location) await this.em.populate(activity, ['location']);
    this.applyVenueRules(activity, input);

    if (activity.ageMin != null && activity.ageMax != null && activity.ageMin > activity.ageMax) {
      throw ValidationError.field('input.ageMin', 'must not be greater than ageMax');
    }
    if (activity.costKind !== CostKind.PAID && activity.priceNok != null) {
      throw ValidationError.field('input.priceNok', 'is only for activities with costKind PAID');
    }
    if (activity.capacity != null && activity.placesAvailable != null && activity.placesAvailable > activity.capacity) {
      throw ValidationError.field('input.placesAvailable', 'must not exceed capacity');
    }
    if (
      creating
        ? activity.capacity != null || activity.placesAvailable != null
        : capacityBefore[0] !== activity.capacity || capacityBefore[1] !== activity.placesAvailable
    ) {
      activity.capacityUpdatedAt = this.now();
    }
  }

  private applyVenueRules(activity: ActivityEntity, input: { audience?: OfferAudience | null; locationId?: string | null }): void {
    switch (activity.venueKind) {
      case VenueKind.LOCATION:
        if (!activity.location) throw ValidationError.field('input.locationId', 'is required when venueKind is LOCATION');
        if (activity.location.visibility === LocationVisibility.CONFIDENTIAL) {
          throw ValidationError.field('input.locationId', 'is confidential: use venueKind AT_SHELTER for activities held at a shelter');
        }
        if (activity.location.visibility === LocationVisibility.NETWORK) {
          // A place only the network may know of is never behind a public listing.
          if (input.audience === OfferAudience.PUBLIC)
            throw ValidationError.field('input.audience', 'the location is for the network only, so the activity is NETWORK too');
          activity.audience = OfferAudience.NETWORK;
        }
        activity.bydel = activity.location.bydel ?? null;
        break;
      case VenueKind.AT_SHELTER:
        if (activity.location && activity.location.visibility !== LocationVisibility.CONFIDENTIAL) {
          throw ValidationError.field('input.locationId', 'must be the confidential location of the shelter for venueKind AT_SHELTER');
        }
        if (input.audience === OfferAudience.PUBLIC) {
          throw ValidationError.field('input.audience', 'activities at a shelter are listed for the network only (NETWORK)');
        }
        activity.audience = OfferAudience.NETWORK;
        // Where a shelter is must not be derivable from its activities.
        activity.bydel = null;
        break;
      case VenueKind.ONLINE:
        activity.location = null;
        activity.bydel = null;
        break;
    }
    if (!audienceFitsPlace(activity.audience, activity.location?.visibility)) {
      throw ValidationError.field('input.audience', 'must not be wider than the visibility of the activity’s place');
    }
  }

  private schedule(input: ScheduleData): ScheduleData {
    const monthly = input.monthly ?? [];
    const slots: Array<[string, { startTime: string; endTime: string }]> = [
      ...input.weekly.map((slot, i) => [`input.schedule.weekly.${i}.endTime`, slot] as [string, typeof slot]),
      ...monthly.map((slot, i) => [`input.schedule.monthly.${i}.endTime`, slot] as [string, typeof slot]),
      ...input.dates.map((slot, i) => [`input.schedule.dates.${i}.endTime`, slot] as [string, typeof slot]),
    ];
    for (const [field, slot] of slots) {
      if (slot.endTime <= slot.startTime) throw ValidationError.field(field, `ends (${slot.endTime}) before it starts (${slot.startTime})`);
    }
    if (input.validFrom && input.validUntil && input.validFrom > input.validUntil) {
      throw ValidationError.field('input.schedule.validUntil', 'must not be before validFrom');
    }
    const spaced = input.weekly.findIndex((slot) => (slot.interval ?? 1) > 1);
    if (spaced >= 0 && !input.validFrom) {
      throw ValidationError.field(
        'input.schedule.validFrom',
        `is required when a weekly slot is every ${input.weekly[spaced]!.interval} weeks: the weeks are counted from the week of validFrom`,
      );
    }
    return {
      weekly: input.weekly.map(({ weekday, startTime, endTime, interval }) => ({ weekday, startTime, endTime, interval: interval ?? 1 })),
      monthly: monthly.map(({ weekday, week, startTime, endTime }) => ({ weekday, week, startTime, endTime })),
      exceptions: input.exceptions.map(({ date, note }) => ({ date, note: note ?? null })),
      dates: input.dates.map(({ date, startTime, endTime }) => ({ date, startTime, endTime })),
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
    };
  }

  /** The organisation's own locations, or another organisation's public ones. */
  private async usableLocation(id: string, organisationId: string): Promise<LocationEntity> {
    const location = await this.em.findOne(LocationEntity, { id });
    if (!location || (location.organisation.id !== organisationId && location.visibility !== LocationVisibility.PUBLIC)) {
      throw ValidationError.field('input.locationId', 'is not a location this organisation can use');
    }
    return location;
  }

  private async ownContact(id: string, organisationId: string): Promise<ContactPersonEntity> {
    const contact = await this.em.findOne(ContactPersonEntity, { id });
    if (!contact || contact.organisation.id !== organisationId) {
      throw ValidationError.field('input.contactPersonId', 'is not a contact person of this organisation');
    }
    return contact;
  }
}
