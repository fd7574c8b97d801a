import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, NotFoundError, osloDateOf, type Principal } from '@samspill/core';

import type { PolicyTime } from '../../common/policy.js';
import { textCondition } from '../../common/ranked-search.js';
import type { DirectoryContext } from '../../context.js';
import { ActivityEntity } from '../activities/activity.entity.js';
import { activityPolicy } from '../activities/activity.policy.js';
import { ActivityCategory, TargetGroup, type Weekday } from '../activities/activity-enums.js';
import type { ScheduleData } from '../activities/schedule.js';
import type { BydelCatalogue } from '../bydeler/bydel.catalogue.js';
import { LocationEntity } from '../locations/location.entity.js';
import { canSeeLocation } from '../locations/location.policy.js';
import type { LocationRow } from '../locations/location.row.js';
import { CostKind, OfferStatus } from '../offers/offer-enums.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';
import { PetCareOfferEntity } from '../pet-care/pet-care-offer.entity.js';
import { petCareOfferPolicy } from '../pet-care/pet-care-offer.policy.js';
import { categoryTerm, hsdsId, type HsdsProperty, type HsdsTerm, PET_CARE_CODE, propertyTerm, targetGroupTerm, termById } from './hsds-ids.js';

/** A JSON object of the HSDS shapes. */
export type HsdsObject = Record<string, unknown>;

/** The query parameters of the list endpoints, checked (see hsds.routes.ts). */
export interface HsdsListQuery {
  readonly page: number;
  readonly perPage: number;
  readonly search?: string;
  readonly modifiedAfter?: Date;
  readonly taxonomyTermId?: string;
  readonly organizationId?: string;
  readonly minimal: boolean;
}

/** HSDS's paginated envelope (the `Page` schema of the HSDS OpenAPI file) around one page of `contents`. */
export interface HsdsPage {
  readonly total_items: number;
  readonly total_pages: number;
  readonly page_number: number;
  readonly size: number;
  readonly first_page: boolean;
  readonly last_page: boolean;
  readonly empty: boolean;
  readonly contents: HsdsObject[];
}

export function pageOf<T>(
  all: readonly T[],
  query: Pick<HsdsListQuery, 'page' | 'perPage'>,
  map: (items: T[]) => HsdsObject[] | Promise<HsdsObject[]>,
): Promise<HsdsPage> {
  const totalPages = Math.max(1, Math.ceil(all.length / query.perPage));
  const slice = all.slice((query.page - 1) * query.perPage, query.page * query.perPage);
  return Promise.resolve(map(slice)).then((contents) => ({
    total_items: all.length,
    total_pages: totalPages,
    page_number: query.page,
    size: contents.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: all.length === 0,
    contents,
  }));
}

const WEEKDAY_CODES: Record<Weekday, string> = { MONDAY: 'MO', TUESDAY: 'TU', WEDNESDAY: 'WE', THURSDAY: 'TH', FRIDAY: 'FR', SATURDAY: 'SA', SUNDAY: 'SU' };
const ISO_DAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The time zone of every schedule's opens_at / closes_at (HSDS's `timezone` is a fixed UTC offset, which Oslo's summer time breaks). */
export const SCHEDULE_TIME_ZONE = 'Europe/Oslo';

/** Written into a schedule's `notes`: the dates a weekly slot does not take place, read back by the import. */
export const EXCEPTIONS_NOTE = 'Not on (Europe/Oslo dates):';

type Kind = 'activity' | 'petCare';
interface Listed {
  readonly kind: Kind;
  readonly id: string;
  readonly title: string;
}

/**
 * The HSDS 3.1 view of the directory for one caller. Everything it reads passes the same policies
 * as the GraphQL API: activities and pet-care offers by their feature policies (published only),
 * places by the location policy, so a caller's export holds exactly what their GraphQL queries
 * would show them. Contact persons are never exported.
 */
export class HsdsExport {
  private readonly em: EntityManager;
  private readonly principal: Principal;
  private readonly bydeler: BydelCatalogue;
  /** The request's policy time: a stale offer leaves an anonymous export as it leaves anonymous lists. */
  private readonly time: PolicyTime;

  constructor(ctx: DirectoryContext) {
    this.em = ctx.em;
    this.principal = ctx.principal;
    this.bydeler = ctx.bydeler;
    this.time = ctx.policyTime;
  }

  // --- services ----------------------------------------------------------------------------

  async services(query: HsdsListQuery): Promise<HsdsPage> {
    const listed = await this.listedServices(query);
    return pageOf(listed, query, async (items) => {
      if (query.minimal) {
        const full = await this.loadServices(items);
        return full.map((s) => ({ id: s.id, name: s.name, status: s.status, modified_date: s.modified_date }));
      }
      return this.loadServices(items);
    });
  }

  async service(id: string): Promise<HsdsObject> {
    if (!isUuid(id)) throw new NotFoundError('Service', id);
    const [activity] = await this.activityRows({ id });
    if (activity) return (await this.mapActivities([activity]))[0]!;
    const [offer] = await this.petCareRows({ id });
    if (offer) return (await this.mapPetCare([offer]))[0]!;
    throw new NotFoundError('Service', id);
  }

  /** Every service the caller may see that matches, by name then id: the ids and names only. */
  private async listedServices(query: HsdsListQuery): Promise<Listed[]> {
    const term = query.taxonomyTermId ? termById(query.taxonomyTermId) : undefined;
    if (query.taxonomyTermId && !term) return [];
    const activities = await this.activityRows(this.activityConditions(query, term), ['id', 'title']);
    const petCare = term && term.code !== PET_CARE_CODE ? [] : await this.petCareRows(this.offerConditions(query), ['id', 'title']);
    const listed: Listed[] = [
      ...activities.map((a) => ({ kind: 'activity' as const, id: a.id, title: a.title })),
      ...petCare.map((p) => ({ kind: 'petCare' as const, id: p.id, title: p.title })),
    ];
    return listed.sort((a, b) => a.title.localeCompare(b.title, 'nb') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private activityConditions(query: HsdsListQuery, term: HsdsTerm | undefined): FilterQuery<ActivityEntity> {
    const conditions: FilterQuery<ActivityEntity>[] = this.offerConditions(query) as FilterQuery<ActivityEntity>[];
    if (term?.code === PET_CARE_CODE) conditions.push({ id: { $in: [] } });
    else if (term && term.taxonomy_id === categoryTerm(ActivityCategory.SOCIAL).taxonomy_id) conditions.push({ category: term.code as ActivityCategory });
    else if (term) conditions.push({ targetGroups: { $overlap: [term.code as TargetGroup] } });
    return { $and: conditions };
  }

  private offerConditions(query: HsdsListQuery): FilterQuery<ActivityEntity & PetCareOfferEntity>[] {
    const conditions: FilterQuery<ActivityEntity & PetCareOfferEntity>[] = [];
    if (query.modifiedAfter) conditions.push({ updatedAt: { $gte: query.modifiedAfter } });
    if (query.organizationId) conditions.push({ organisation: query.organizationId });
    if (query.search) conditions.push(textCondition(query.search) as FilterQuery<ActivityEntity & PetCareOfferEntity>);
    return conditions;
  }

  /** Published activities the caller may see (the activity policy), with `where` on top. */
  private activityRows(where: FilterQuery<ActivityEntity>, fields?: Array<'id' | 'title'>): Promise<ActivityEntity[]> {
    const visible = activityPolicy.where(this.principal, this.time);
    if (visible === null) return Promise.resolve([]);
    return this.em.find(ActivityEntity, { $and: [visible, { status: OfferStatus.PUBLISHED }, where] }, fields ? { fields } : {}) as Promise<ActivityEntity[]>;
  }

  /** Published pet-care offers the caller may see (the pet-care policy: none for anonymous callers). */
  private petCareRows(
    where: FilterQuery<PetCareOfferEntity> | FilterQuery<PetCareOfferEntity>[],
    fields?: Array<'id' | 'title'>,
  ): Promise<PetCareOfferEntity[]> {
    const visible = petCareOfferPolicy.where(this.principal, this.time);
    if (visible === null) return Promise.resolve([]);
    const extra = Array.isArray(where) ? where : [where];
    return this.em.find(PetCareOfferEntity, { $and: [visible, { status: OfferStatus.PUBLISHED }, ...extra] }, fields ? { fields } : {}) as Promise<
      PetCareOfferEntity[]
    >;
  }

  private async loadServices(items: Listed[]): Promise<HsdsObject[]> {
    const activityIds = items.filter((i) => i.kind === 'activity').map((i) => i.id);
    const offerIds = items.filter((i) => i.kind === 'petCare').map((i) => i.id);
    const [activities, offers] = await Promise.all([
      activityIds.length ? this.activityRows({ id: { $in: activityIds } }) : [],
      offerIds.length ? this.petCareRows({ id: { $in: offerIds } }) : [],
    ]);
    const mapped = new Map<string, HsdsObject>();
    for (const s of await this.mapActivities(activities)) mapped.set(s.id as string, s);
    for (const s of await this.mapPetCare(offers)) mapped.set(s.id as string, s);
    return items.map((i) => mapped.get(i.id)!).filter(Boolean);
  }

  private async mapActivities(activities: ActivityEntity[]): Promise<HsdsObject[]> {
    const organisations = await this.organisationsById(activities.map((a) => a.organisation.id));
    const bydeler = await this.organisationBydeler([...organisations.values()]);
    // The place, where the caller may see it: as the GraphQL `Activity.location` (a shelter's own staff see their shelter's).
    const locations = await this.visibleLocations(activities.filter((a) => a.location).map((a) => a.location!.id));
    return activities.map((a) => {
      const location = a.location ? locations.get(a.location.id) : undefined;
      const organisation = organisations.get(a.organisation.id)!;
      const terms = [categoryTerm(a.category), ...a.targetGroups.map(targetGroupTerm)];
      return compact({
        id: a.id,
        organization_id: a.organisation.id,
        name: a.title,
        description: a.description,
        status: 'active',
        minimum_age: a.ageMin ?? undefined,
        maximum_age: a.ageMax ?? undefined,
        assured_date: osloDateOf(a.lastVerifiedAt),
        modified_date: a.updatedAt.toISOString(),
        application_process: a.joinMode,
        languages: a.languages.map((code) => ({ id: hsdsId('language', a.id, code), service_id: a.id, code })),
        cost_options: [costOption(a.id, a.costKind, a.priceNok, 'per time')],
        capacities: capacities(a.id, a.capacity, a.placesAvailable, a.capacityUpdatedAt ?? a.lastVerifiedAt),
        schedules: schedules(a.id, a.schedule, location ? hsdsId('service_at_location', a.id, location.id) : undefined),
        attributes: [
          ...terms.map((t) => attribute(a.id, 'service', t)),
          property(a.id, 'service', 'venue_kind', a.venueKind),
          property(a.id, 'service', 'audience', a.audience),
          ...a.accessibility.map((value) => property(a.id, 'service', 'accessibility', value)),
          ...(a.accessibilityNote ? [property(a.id, 'service', 'accessibility_note', a.accessibilityNote)] : []),
          ...(a.bydel ? [property(a.id, 'service', 'bydel', a.bydel.code)] : []),
        ],
        organization: this.mapOrganisation(organisation, undefined, bydeler.get(organisation.id) ?? []),
        service_at_locations: location
          ? [{ id: hsdsId('service_at_location', a.id, location.id), service_id: a.id, location_id: location.id, location: this.mapLocation(location) }]
          : [],
      });
    });
  }

  private async mapPetCare(offers: PetCareOfferEntity[]): Promise<HsdsObject[]> {
    const organisations = await this.organisationsById(offers.map((o) => o.organisation.id));
    const organisationBydeler = await this.organisationBydeler([...organisations.values()]);
    const bydeler = await this.bydelCodes(
      'pet_care_offer_bydel',
      'pet_care_offer_id',
      offers.map((o) => o.id),
    );
    return offers.map((o) =>
      compact({
        id: o.id,
        organization_id: o.organisation.id,
        name: o.title,
        description: o.description,
        status: 'active',
        assured_date: osloDateOf(o.lastVerifiedAt),
        modified_date: o.updatedAt.toISOString(),
        eligibility_description: o.requirementsNote ?? undefined,
        cost_options: [costOption(o.id, o.costKind, o.pricePerDayNok, 'per dag')],
        capacities: capacities(o.id, null, o.placesAvailable, o.placesUpdatedAt ?? o.lastVerifiedAt),
        attributes: [
          attribute(o.id, 'service', categoryTerm(PET_CARE_CODE)),
          property(o.id, 'service', 'care_model', o.careModel),
          ...o.species.map((value) => property(o.id, 'service', 'species', value)),
        ],
        service_areas: (bydeler.get(o.id) ?? []).map((code) => ({
          id: hsdsId('service_area', o.id, code),
          service_id: o.id,
          name: this.bydeler.get(code)?.name ?? code,
          uri: bydelUri(code),
        })),
        organization: this.mapOrganisation(organisations.get(o.organisation.id)!, undefined, organisationBydeler.get(o.organisation.id) ?? []),
      }),
    );
  }

  // --- organisations -----------------------------------------------------------------------

  async organizations(query: HsdsListQuery): Promise<HsdsPage> {
    const conditions: FilterQuery<OrganisationEntity>[] = [];
    if (query.modifiedAfter) conditions.push({ updatedAt: { $gte: query.modifiedAfter } });
    if (query.search) conditions.push(textCondition(query.search) as FilterQuery<OrganisationEntity>);
    if (query.taxonomyTermId) conditions.push({ id: { $in: [] } });
    const rows = await this.em.find(OrganisationEntity, { $and: conditions }, { fields: ['id', 'name', 'description', 'updatedAt'] });
    rows.sort((a, b) => a.name.localeCompare(b.name, 'nb') || (a.id < b.id ? -1 : 1));
    return pageOf(rows, query, async (items) => {
      if (query.minimal) return items.map((o) => ({ id: o.id, name: o.name, description: o.description ?? o.name, modified_date: o.updatedAt.toISOString() }));
      const full = await this.organisationsById(items.map((o) => o.id));
      const bydeler = await this.organisationBydeler([...full.values()]);
      return Promise.all(items.map((o) => this.organisationWithLocation(full.get(o.id)!, bydeler.get(o.id) ?? [])));
    });
  }

  async organization(id: string): Promise<HsdsObject> {
    const row = isUuid(id) ? await this.em.findOne(OrganisationEntity, { id }) : null;
    if (!row) throw new NotFoundError('Organization', id);
    const organisation = await this.organisationWithLocation(row, (await this.organisationBydeler([row])).get(row.id) ?? []);
    const services = await this.listedServices({ page: 1, perPage: 1, minimal: false, organizationId: id });
    return { ...organisation, services: await this.loadServices(services) };
  }

  private async organisationWithLocation(organisation: OrganisationEntity, bydeler: readonly string[]): Promise<HsdsObject> {
    const locations = organisation.mainLocation ? await this.visibleLocations([organisation.mainLocation.id]) : new Map<string, LocationEntity>();
    return this.mapOrganisation(organisation, organisation.mainLocation ? locations.get(organisation.mainLocation.id) : undefined, bydeler);
  }

  /** The bydeler each organisation serves, as `Organisation.bydeler` shows them: a shelter serves all of Oslo (anything narrower would hint at where it is). */
  private async organisationBydeler(organisations: OrganisationEntity[]): Promise<Map<string, string[]>> {
    const codes = await this.bydelCodes(
      'organisation_bydel',
      'organisation_id',
      organisations.filter((o) => o.kind !== OrganisationKind.SHELTER).map((o) => o.id),
    );
    for (const o of organisations)
      if (o.kind === OrganisationKind.SHELTER)
        codes.set(
          o.id,
          this.bydeler.administrative().map((b) => b.code),
        );
    return codes;
  }

  private mapOrganisation(o: OrganisationEntity, location: LocationEntity | undefined, bydeler: readonly string[]): HsdsObject {
    return compact({
      id: o.id,
      name: o.name,
      // HSDS requires a description; an organisation without one is described by its name.
      description: o.description ?? o.name,
      email: o.publicEmail ?? undefined,
      website: o.website ?? undefined,
      legal_status: o.kind,
      parent_organization_id: o.parent?.id ?? undefined,
      modified_date: o.updatedAt.toISOString(),
      phones: o.publicPhone ? [{ id: hsdsId('phone', o.id), organization_id: o.id, number: o.publicPhone, type: 'voice' }] : [],
      organization_identifiers: o.organisationNumber
        ? [
            {
              id: hsdsId('organization_identifier', o.id, o.organisationNumber),
              organization_id: o.id,
              identifier_scheme: 'NO-BRC',
              identifier_type: 'organisasjonsnummer',
              identifier: o.organisationNumber,
            },
          ]
        : [],
      locations: location ? [this.mapLocation(location)] : undefined,
      attributes: bydeler.map((code) => property(o.id, 'organization', 'bydel', code)),
    });
  }

  private async organisationsById(ids: string[]): Promise<Map<string, OrganisationEntity>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.em.find(OrganisationEntity, { id: { $in: unique } }) : [];
    return new Map(rows.map((o) => [o.id, o]));
  }

  // --- places ------------------------------------------------------------------------------

  async serviceAtLocations(query: HsdsListQuery): Promise<HsdsPage> {
    const term = query.taxonomyTermId ? termById(query.taxonomyTermId) : undefined;
    const activities = query.taxonomyTermId && !term ? [] : await this.activityRows(this.activityConditions(query, term));
    const services = await this.mapActivities(activities.filter((a) => a.location));
    const links = services
      .flatMap((s) => (s.service_at_locations as HsdsObject[]).map((link) => ({ link, id: link.id as string, service_name: s.name as string })))
      .sort((a, b) => a.service_name.localeCompare(b.service_name, 'nb') || (a.id < b.id ? -1 : 1));
    return pageOf(links, query, (items) => items.map((item) => item.link));
  }

  /** The places among `ids` the caller may see (the location policy), by id. */
  private async visibleLocations(ids: string[]): Promise<Map<string, LocationEntity>> {
    const unique = [...new Set(ids)];
    const rows = unique.length ? await this.em.find(LocationEntity, { id: { $in: unique } }) : [];
    return new Map(rows.filter((l) => canSeeLocation(this.principal, l as unknown as LocationRow)).map((l) => [l.id, l]));
  }

  private mapLocation(l: LocationEntity): HsdsObject {
    return compact({
      id: l.id,
      location_type: 'physical',
      organization_id: l.organisation.id,
      name: l.name,
      latitude: l.latitude ?? undefined,
      longitude: l.longitude ?? undefined,
      external_identifier: l.bydel?.code ?? undefined,
      external_identifier_type: l.bydel ? 'bydel' : undefined,
      attributes: [property(l.id, 'location', 'place_visibility', l.visibility)],
      addresses:
        l.streetAddress && l.postalCode && l.postalTown
          ? [
              {
                id: hsdsId('address', l.id),
                location_id: l.id,
                address_1: l.streetAddress,
                city: l.postalTown,
                state_province: 'Oslo',
                postal_code: l.postalCode,
                country: 'NO',
                address_type: 'physical',
              },
            ]
          : [],
    });
  }

  private async bydelCodes(pivot: string, column: string, ids: string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (!ids.length) return result;
    const rows = await this.em.execute<Array<{ key: string; code: string }>>(
      `select p.${column} as key, p.bydel_code as code from "directory".${pivot} p where p.${column} in (?) order by p.bydel_code`,
      [ids],
    );
    for (const row of rows) result.set(row.key, [...(result.get(row.key) ?? []), row.code]);
    return result;
  }
}

/** The URI that names a bydel in a service area: its SSB (KLASS 103) code. */
export const bydelUri = (code: string): string => `https://data.ssb.no/api/klass/v1/classifications/103/codes/${code}`;

function costOption(serviceId: string, kind: CostKind, price: number | null | undefined, per: string): HsdsObject {
  return compact({
    id: hsdsId('cost_option', serviceId),
    service_id: serviceId,
    option: kind,
    currency: 'NOK',
    amount: kind === CostKind.PAID ? (price ?? undefined) : 0,
    amount_description: kind === CostKind.PAID ? per : kind === CostKind.SPONSORED ? 'Betalt av en sponsor' : 'Gratis',
  });
}

const PLACE_UNIT = { id: hsdsId('unit', 'place'), name: 'plass', identifier: 'place' };

function capacities(serviceId: string, maximum: number | null | undefined, available: number | null | undefined, updated: Date): HsdsObject[] {
  if (available == null && maximum == null) return [];
  return [
    compact({
      id: hsdsId('service_capacity', serviceId),
      service_id: serviceId,
      unit: PLACE_UNIT,
      unit_id: PLACE_UNIT.id,
      // HSDS requires `available`; where only the maximum is known, it is the maximum (described so).
      available: available ?? maximum!,
      maximum: maximum ?? undefined,
      description: available == null ? 'Antall plasser (ledige plasser ikke oppgitt)' : undefined,
      updated: updated.toISOString(),
    }),
  ];
}

/** A Samspill property HSDS has no field for, as an attribute with a value (see PROPERTY_TAXONOMY). */
function property(linkId: string, entity: string, name: HsdsProperty, value: string): HsdsObject {
  const term = propertyTerm(name);
  return {
    id: hsdsId('attribute', linkId, term.id, value),
    link_id: linkId,
    link_entity: entity,
    link_type: name,
    taxonomy_term_id: term.id,
    taxonomy_term: term,
    value,
  };
}

function attribute(linkId: string, entity: string, term: HsdsTerm): HsdsObject {
  return {
    id: hsdsId('attribute', linkId, term.id),
    link_id: linkId,
    link_entity: entity,
    link_type: term.taxonomy_id === categoryTerm(ActivityCategory.SOCIAL).taxonomy_id ? 'category' : 'target_group',
    taxonomy_term_id: term.id,
    taxonomy_term: term,
  };
}

/**
 * An activity's schedule as HSDS schedules with RRULE fields: one WEEKLY rule per weekly slot (with its
 * interval), one MONTHLY rule per monthly slot (`byday` 2TU, -1TH)
 * (its exceptions in `notes`), one single-occurrence rule (count 1) per one-off date. Times are
 * local Oslo wall-clock times (`SCHEDULE_TIME_ZONE`, stated in `description`).
 */
export function schedules(serviceId: string, schedule: ScheduleData, serviceAtLocationId: string | undefined): HsdsObject[] {
  const base = { service_id: serviceId, service_at_location_id: serviceAtLocationId, description: `Local time, ${SCHEDULE_TIME_ZONE}` };
  const exceptions = schedule.exceptions.map((e) => e.date).sort();
  const weekly = schedule.weekly.map((slot, index) =>
    compact({
      id: hsdsId('schedule', serviceId, 'weekly', index),
      ...base,
      freq: 'WEEKLY',
      interval: slot.interval ?? 1,
      wkst: 'MO',
      byday: WEEKDAY_CODES[slot.weekday],
      opens_at: slot.startTime,
      closes_at: slot.endTime,
      valid_from: schedule.validFrom ?? undefined,
      valid_to: schedule.validUntil ?? undefined,
      dtstart: schedule.validFrom ?? undefined,
      until: schedule.validUntil ?? undefined,
      notes: exceptions.length ? `${EXCEPTIONS_NOTE} ${exceptions.join(', ')}` : undefined,
    }),
  );
  // "The 2nd Tuesday" is RRULE's BYDAY=2TU, "the last Thursday" -1TH.
  const monthly = (schedule.monthly ?? []).map((slot, index) =>
    compact({
      id: hsdsId('schedule', serviceId, 'monthly', index),
      ...base,
      freq: 'MONTHLY',
      interval: 1,
      wkst: 'MO',
      byday: `${slot.week}${WEEKDAY_CODES[slot.weekday]}`,
      opens_at: slot.startTime,
      closes_at: slot.endTime,
      valid_from: schedule.validFrom ?? undefined,
      valid_to: schedule.validUntil ?? undefined,
      dtstart: schedule.validFrom ?? undefined,
      until: schedule.validUntil ?? undefined,
      notes: exceptions.length ? `${EXCEPTIONS_NOTE} ${exceptions.join(', ')}` : undefined,
    }),
  );
  const dates = schedule.dates.map((date, index) =>
    compact({
      id: hsdsId('schedule', serviceId, 'date', index),
      ...base,
      freq: 'WEEKLY',
      count: 1,
      dtstart: date.date,
      valid_from: date.date,
      valid_to: date.date,
      byday: ISO_DAY_CODES[(new Date(`${date.date}T00:00:00Z`).getUTCDay() + 6) % 7],
      opens_at: date.startTime,
      closes_at: date.endTime,
    }),
  );
  return [...weekly, ...monthly, ...dates];
}

/** Leaves out undefined fields (HSDS has no nulls for "not known": the field is absent). */
function compact(object: Record<string, unknown>): HsdsObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
