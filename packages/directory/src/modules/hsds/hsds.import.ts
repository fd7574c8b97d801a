import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, isAdmin, isUuid, type Principal } from '@samspill/core';

import { isValidOrganisationNumber } from '../../common/organisation-number.js';
import { ActivityEntity } from '../activities/activity.entity.js';
import { Accessibility, ActivityCategory, JoinMode, TargetGroup, VenueKind, Weekday } from '../activities/activity-enums.js';
import { type ScheduleData, weekdaysOf } from '../activities/schedule.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { BYDEL_CODE_PATTERN } from '../bydeler/bydel-codes.js';
import { LocationEntity } from '../locations/location.entity.js';
import { LocationVisibility } from '../locations/location-visibility.enum.js';
import { CostKind, OfferAudience, OfferStatus } from '../offers/offer-enums.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';
import { CareModel, Species } from '../pet-care/pet-care-enums.js';
import { PetCareOfferEntity } from '../pet-care/pet-care-offer.entity.js';
import { EXCEPTIONS_NOTE, type HsdsObject } from './hsds.export.js';
import { PET_CARE_CODE, termById } from './hsds-ids.js';
import { hsdsProblems } from './hsds-schemas.js';

/** An HSDS dataset: organisations and (fully nested) services, as an HSDS API's lists or a JSON file give them. */
export interface HsdsDataset {
  readonly organizations: readonly HsdsObject[];
  readonly services: readonly HsdsObject[];
}

export type RecordKind = 'organization' | 'location' | 'service';

/** One refused record: which, which field (a JSON pointer within it), and why. */
export interface ImportError {
  readonly kind: RecordKind;
  readonly id: string;
  readonly field: string;
  readonly message: string;
}

export interface RecordDiff {
  readonly new: string[];
  readonly changed: Array<{ id: string; fields: string[] }>;
  readonly unchanged: string[];
}

export interface ImportReport {
  readonly dryRun: boolean;
  /** Whether the dataset was written: never on a dry run, never when any record was refused. */
  readonly applied: boolean;
  readonly organizations: RecordDiff;
  readonly locations: RecordDiff;
  readonly services: RecordDiff;
  readonly errors: ImportError[];
}

class Rollback extends Error {}

const enumValue = <T extends string>(values: Record<string, T>, value: unknown): T | undefined =>
  typeof value === 'string' && (Object.values(values) as string[]).includes(value) ? (value as T) : undefined;
const WEEKDAY_BY_CODE: Record<string, Weekday> = {
  MO: Weekday.MONDAY,
  TU: Weekday.TUESDAY,
  WE: Weekday.WEDNESDAY,
  TH: Weekday.THURSDAY,
  FR: Weekday.FRIDAY,
  SA: Weekday.SATURDAY,
  SU: Weekday.SUNDAY,
};
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What an attribute list says: its terms' codes (categories, target groups) and its properties' values. */
function attributesOf(record: HsdsObject): { terms: Array<{ taxonomy: string; code: string }>; properties: Map<string, string[]> } {
  const terms: Array<{ taxonomy: string; code: string }> = [];
  const properties = new Map<string, string[]>();
  for (const a of (record.attributes as HsdsObject[] | undefined) ?? []) {
    const term = termById(String(a.taxonomy_term_id ?? ''));
    if (!term) continue;
    if (term.taxonomy === 'Samspill properties') properties.set(term.code, [...(properties.get(term.code) ?? []), String(a.value ?? '')]);
    else terms.push({ taxonomy: term.taxonomy, code: term.code });
  }
  return { terms, properties };
}

/** A value with its object keys sorted and its null and undefined fields left out (JSON columns come back reordered). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((key) => (value as Record<string, unknown>)[key] != null)
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value ?? null;
}

/** Field values compared for the diff: dates as ISO strings, arrays and objects as JSON. */
function differing(entity: object, values: Record<string, unknown>): string[] {
  const norm = (v: unknown): string =>
    v instanceof Date ? v.toISOString() : v && typeof v === 'object' && 'id' in v ? String((v as { id: unknown }).id) : JSON.stringify(canonical(v));
  return Object.entries(values)
    .filter(([key, value]) => norm((entity as Record<string, unknown>)[key]) !== norm(value))
    .map(([key]) => key);
}

/**
 * Loads an HSDS 3.1 dataset into the directory, for platform admins: every record is checked
 * against the HSDS schemas and Samspill's own rules first, then written in one transaction. A dry
 * run (the default) writes nothing and reports what would change: new, changed and unchanged
 * records, and the errors by record. When any record is refused, nothing is written.
 *
 * Organisations are matched on their id, else their organisasjonsnummer (an HSDS organization
 * identifier of scheme NO-BRC), else name and bydel; places and services on their ids. Records
 * keep their HSDS ids when they are new, so that a re-export names them the same.
 */
export async function importHsds(
  em: EntityManager,
  principal: Principal,
  dataset: HsdsDataset,
  options: { dryRun: boolean; now: () => Date; progress?: (line: string) => void },
): Promise<ImportReport> {
  if (!isAdmin(principal)) throw new ForbiddenError('Only platform admins import HSDS data');
  const report: ImportReport = {
    dryRun: options.dryRun,
    applied: false,
    organizations: { new: [], changed: [], unchanged: [] },
    locations: { new: [], changed: [], unchanged: [] },
    services: { new: [], changed: [], unchanged: [] },
    errors: [],
  };
  const progress = options.progress ?? (() => {});
  const refuse = (kind: RecordKind, id: unknown, field: string, message: string) => report.errors.push({ kind, id: String(id ?? '?'), field, message });
  const now = options.now();

  // The organisations a service names, when the dataset has no list of organisations of its own.
  const organizations = new Map<string, HsdsObject>();
  for (const o of dataset.organizations) organizations.set(String(o.id), o);
  for (const s of dataset.services)
    if (s.organization && typeof s.organization === 'object')
      organizations.set(
        String((s.organization as HsdsObject).id),
        organizations.get(String((s.organization as HsdsObject).id)) ?? (s.organization as HsdsObject),
      );

  for (const [id, o] of organizations) for (const p of hsdsProblems('organization', o)) refuse('organization', id, p.path || '/', p.message);
  for (const s of dataset.services) for (const p of hsdsProblems('service', s)) refuse('service', s.id, p.path || '/', p.message);
  if (report.errors.length) return report;

  try {
    await em.transactional(async (tx) => {
      // --- organisations ---
      const orgIds = new Map<string, OrganisationEntity>();
      let done = 0;
      for (const [id, o] of organizations) {
        const identifiers = ((o.organization_identifiers as HsdsObject[] | undefined) ?? []).filter(
          (i) => i.identifier_scheme === 'NO-BRC' || i.identifier_type === 'organisasjonsnummer',
        );
        const organisationNumber = identifiers.length ? String(identifiers[0]!.identifier) : null;
        if (organisationNumber && !isValidOrganisationNumber(organisationNumber))
          refuse('organization', id, '/organization_identifiers/0/identifier', 'is not a valid organisasjonsnummer (9 digits, mod-11 check digit)');
        const kind = enumValue(OrganisationKind, o.legal_status) ?? OrganisationKind.VOLUNTARY_ORGANISATION;
        const bydeler = attributesOf(o).properties.get('bydel') ?? [];
        for (const code of bydeler) if (!BYDEL_CODE_PATTERN.test(code)) refuse('organization', id, '/attributes', `bydel ${code} is not an Oslo bydel code`);
        const name = String(o.name).trim();
        if (!name || name.length > 200) refuse('organization', id, '/name', 'must be 1–200 characters');
        const values = {
          kind,
          name,
          description: o.description === o.name || !o.description ? null : String(o.description),
          organisationNumber,
          website: (o.website as string | undefined) ?? null,
          publicEmail: (o.email as string | undefined) ?? null,
          publicPhone: ((o.phones as HsdsObject[] | undefined)?.[0]?.number as string | undefined) ?? null,
        };
        let existing = isUuid(id) ? await tx.findOne(OrganisationEntity, { id }, { populate: ['bydeler'] }) : null;
        if (!existing && organisationNumber) existing = await tx.findOne(OrganisationEntity, { organisationNumber }, { populate: ['bydeler'] });
        if (!existing) {
          const sameName = await tx.find(OrganisationEntity, { name }, { populate: ['bydeler'] });
          existing =
            sameName.find((e) => {
              const codes = e.bydeler.getItems().map((b) => b.code);
              return bydeler.length ? codes.some((c) => bydeler.includes(c)) : codes.length === 0;
            }) ?? null;
        }
        if (existing) {
          const fields = differing(existing, values);
          const codes = existing.bydeler
            .getItems()
            .map((b) => b.code)
            .sort();
          if (kind !== OrganisationKind.SHELTER && JSON.stringify(codes) !== JSON.stringify([...bydeler].sort())) fields.push('bydeler');
          if (fields.length) report.organizations.changed.push({ id: existing.id, fields });
          else report.organizations.unchanged.push(existing.id);
          Object.assign(existing, values);
          orgIds.set(id, existing);
        } else {
          const created = tx.create(OrganisationEntity, { ...values, id: isUuid(id) ? id : undefined, createdAt: now, updatedAt: now } as never);
          report.organizations.new.push(created.id);
          orgIds.set(id, created);
        }
        const entity = orgIds.get(id)!;
        // A shelter's bydeler are never narrowed by an import (its export shows all of Oslo).
        if (kind !== OrganisationKind.SHELTER || !existing) {
          entity.bydeler.set(bydeler.filter((c) => BYDEL_CODE_PATTERN.test(c)).map((code) => tx.getReference(BydelEntity, code)));
        }
        if (++done % 50 === 0) progress(`organisations: ${done}/${organizations.size}`);
      }
      for (const [id, o] of organizations) {
        const parent = o.parent_organization_id ? orgIds.get(String(o.parent_organization_id)) : undefined;
        if (o.parent_organization_id && !parent) refuse('organization', id, '/parent_organization_id', 'names no organisation in the dataset');
        orgIds.get(id)!.parent = parent ?? null;
      }
      progress(`organisations: ${organizations.size} read`);

      // --- places ---
      const places = new Map<string, { location: HsdsObject; organisation?: OrganisationEntity }>();
      for (const [id, o] of organizations)
        for (const l of (o.locations as HsdsObject[] | undefined) ?? []) places.set(String(l.id), { location: l, organisation: orgIds.get(id) });
      for (const s of dataset.services) {
        for (const link of (s.service_at_locations as HsdsObject[] | undefined) ?? []) {
          const l = link.location as HsdsObject | undefined;
          if (l) places.set(String(l.id), { location: l, organisation: orgIds.get(String(l.organization_id ?? s.organization_id)) });
        }
      }
      const locationIds = new Map<string, LocationEntity>();
      for (const [id, { location: l, organisation }] of places) {
        if (!organisation) {
          refuse('location', id, '/organization_id', 'names no organisation in the dataset');
          continue;
        }
        const address = ((l.addresses as HsdsObject[] | undefined) ?? [])[0];
        const bydel = typeof l.external_identifier === 'string' && l.external_identifier_type === 'bydel' ? l.external_identifier : null;
        if (bydel && !BYDEL_CODE_PATTERN.test(bydel)) refuse('location', id, '/external_identifier', 'is not an Oslo bydel code');
        const visibility =
          enumValue(LocationVisibility, attributesOf(l).properties.get('place_visibility')?.[0]) ??
          // Without a stated visibility, a shelter's place is confidential and any other's for the network only: an import never widens who sees an address.
          (organisation.kind === OrganisationKind.SHELTER ? LocationVisibility.CONFIDENTIAL : LocationVisibility.NETWORK);
        const postalCode = address?.postal_code ? String(address.postal_code) : null;
        if (postalCode && !/^\d{4}$/.test(postalCode)) refuse('location', id, '/addresses/0/postal_code', 'must be a Norwegian postal code (4 digits)');
        const values = {
          organisation,
          name: String(l.name ?? address?.address_1 ?? 'Sted'),
          streetAddress: (address?.address_1 as string | undefined) ?? null,
          postalCode,
          postalTown: (address?.city as string | undefined) ?? null,
          bydel: bydel && BYDEL_CODE_PATTERN.test(bydel) ? tx.getReference(BydelEntity, bydel) : null,
          latitude: (l.latitude as number | undefined) ?? null,
          longitude: (l.longitude as number | undefined) ?? null,
          visibility,
        };
        const existing = isUuid(id) ? await tx.findOne(LocationEntity, { id }) : null;
        if (existing) {
          const fields = differing(existing, values);
          if (fields.length) report.locations.changed.push({ id, fields });
          else report.locations.unchanged.push(id);
          // An import never widens who sees an existing address.
          const order = [LocationVisibility.PUBLIC, LocationVisibility.NETWORK, LocationVisibility.CONFIDENTIAL];
          Object.assign(existing, { ...values, visibility: order[Math.max(order.indexOf(existing.visibility), order.indexOf(visibility))] });
          locationIds.set(id, existing);
        } else {
          const created = tx.create(LocationEntity, { ...values, id: isUuid(id) ? id : undefined } as never);
          report.locations.new.push(created.id);
          locationIds.set(id, created);
        }
      }
      for (const [id, { organisation }] of places) {
        const o = [...organizations.values()].find((x) => ((x.locations as HsdsObject[] | undefined) ?? []).some((l) => String(l.id) === id));
        if (o && organisation && locationIds.get(id)) orgIds.get(String(o.id))!.mainLocation = locationIds.get(id)!;
      }

      // --- services ---
      done = 0;
      for (const s of dataset.services) {
        const id = String(s.id);
        const organisation = orgIds.get(String(s.organization_id ?? (s.organization as HsdsObject | undefined)?.id));
        if (!organisation) {
          refuse('service', id, '/organization_id', 'names no organisation in the dataset');
          continue;
        }
        const { terms, properties } = attributesOf(s);
        const isPetCare = terms.some((t) => t.code === PET_CARE_CODE);
        const cost = ((s.cost_options as HsdsObject[] | undefined) ?? [])[0];
        const costKind = enumValue(CostKind, cost?.option) ?? (cost?.amount ? CostKind.PAID : CostKind.FREE);
        const price = costKind === CostKind.PAID && typeof cost?.amount === 'number' ? Math.round(cost.amount) : null;
        const capacity = ((s.capacities as HsdsObject[] | undefined) ?? [])[0];
        const availableKnown = capacity && !String(capacity.description ?? '').includes('ikke oppgitt');
        const title = String(s.name).trim();
        if (!title || title.length > 200) refuse('service', id, '/name', 'must be 1–200 characters');
        const common = {
          organisation,
          title,
          description: String(s.description ?? title),
          costKind,
          status: s.status === 'active' ? OfferStatus.PUBLISHED : OfferStatus.ARCHIVED,
          lastVerifiedAt: typeof s.assured_date === 'string' && DATE.test(s.assured_date) ? new Date(`${s.assured_date}T12:00:00Z`) : now,
        };
        if (isPetCare) {
          const careModel = enumValue(CareModel, properties.get('care_model')?.[0]);
          if (!careModel) refuse('service', id, '/attributes', 'a pet-care offer needs a care_model property (FOSTER_HOME, KENNEL, …)');
          const species = (properties.get('species') ?? []).map((v) => enumValue(Species, v));
          if (species.some((v) => !v)) refuse('service', id, '/attributes', 'species must be DOG, CAT, SMALL_MAMMAL, BIRD, REPTILE or OTHER');
          const bydeler = ((s.service_areas as HsdsObject[] | undefined) ?? [])
            .map((a) =>
              String(a.uri ?? '')
                .split('/')
                .pop()!,
            )
            .filter((c) => BYDEL_CODE_PATTERN.test(c));
          const values = {
            ...common,
            careModel: careModel ?? CareModel.FOSTER_HOME,
            species: species.filter(Boolean) as Species[],
            pricePerDayNok: price,
            requirementsNote: (s.eligibility_description as string | undefined) ?? null,
            placesAvailable: capacity ? (capacity.available as number) : null,
            placesUpdatedAt: capacity ? new Date(String(capacity.updated)) : null,
          };
          await upsert(tx, PetCareOfferEntity, id, values, report.services, now, (offer) =>
            offer.bydeler.set(bydeler.map((code) => tx.getReference(BydelEntity, code))),
          );
        } else {
          const category = enumValue(ActivityCategory, terms.find((t) => t.taxonomy === 'Samspill categories')?.code);
          if (!category) refuse('service', id, '/attributes', 'an activity needs one Samspill category term');
          const schedule = scheduleOf(s, (field, message) => refuse('service', id, field, message));
          const link = ((s.service_at_locations as HsdsObject[] | undefined) ?? [])[0];
          const location = link ? locationIds.get(String(link.location_id)) : undefined;
          const venueKind = enumValue(VenueKind, properties.get('venue_kind')?.[0]) ?? (location ? VenueKind.LOCATION : VenueKind.ONLINE);
          const bydel = properties.get('bydel')?.[0] ?? location?.bydel?.code ?? null;
          const values = {
            ...common,
            category: category ?? ActivityCategory.SOCIAL,
            targetGroups: terms.filter((t) => t.taxonomy === 'Samspill target groups').map((t) => t.code as TargetGroup),
            ageMin: (s.minimum_age as number | undefined) ?? null,
            ageMax: (s.maximum_age as number | undefined) ?? null,
            languages: ((s.languages as HsdsObject[] | undefined) ?? []).map((l) => String(l.code)).filter(Boolean),
            venueKind,
            location: location ?? null,
            bydel: bydel && BYDEL_CODE_PATTERN.test(bydel) ? tx.getReference(BydelEntity, bydel) : null,
            schedule,
            weekdays: weekdaysOf(schedule),
            priceNok: price,
            capacity: capacity ? ((capacity.maximum as number | undefined) ?? null) : null,
            placesAvailable: availableKnown ? (capacity.available as number) : null,
            capacityUpdatedAt: capacity ? new Date(String(capacity.updated)) : null,
            joinMode: enumValue(JoinMode, s.application_process) ?? JoinMode.OPEN,
            accessibility: (properties.get('accessibility') ?? []).map((v) => enumValue(Accessibility, v)).filter(Boolean) as Accessibility[],
            accessibilityNote: properties.get('accessibility_note')?.[0] ?? null,
            audience:
              enumValue(OfferAudience, properties.get('audience')?.[0]) ??
              (location?.visibility === LocationVisibility.PUBLIC || !location ? OfferAudience.PUBLIC : OfferAudience.NETWORK),
          };
          await upsert(tx, ActivityEntity, id, values, report.services, now);
        }
        if (++done % 50 === 0) progress(`services: ${done}/${dataset.services.length}`);
      }
      progress(`services: ${dataset.services.length} read`);
      if (report.errors.length) throw new Rollback();
      try {
        await tx.flush();
      } catch (error) {
        refuse('service', '?', '/', `the database refused the dataset: ${(error as Error).message.split('\n')[0]}`);
        throw new Rollback();
      }
      if (options.dryRun) throw new Rollback();
    });
    return { ...report, applied: true };
  } catch (error) {
    if (error instanceof Rollback) return report;
    throw error;
  }
}

async function upsert<E extends ActivityEntity | PetCareOfferEntity>(
  tx: EntityManager,
  entity: new () => E,
  id: string,
  values: Record<string, unknown>,
  diff: RecordDiff,
  now: Date,
  after?: (row: E) => void,
): Promise<void> {
  const existing = isUuid(id)
    ? ((await tx.findOne(entity as never, { id } as never, entity === (PetCareOfferEntity as never) ? { populate: ['bydeler'] as never } : {})) as E | null)
    : null;
  if (existing) {
    const fields = differing(existing, values);
    if (fields.length) diff.changed.push({ id, fields });
    else diff.unchanged.push(id);
    Object.assign(existing, values);
    after?.(existing);
  } else {
    const created = tx.create(
      entity as never,
      { ...values, id, publishedAt: values.status === OfferStatus.PUBLISHED ? now : null, createdAt: now, updatedAt: now } as never,
    ) as E;
    diff.new.push(created.id);
    after?.(created);
  }
}

/** The HSDS schedules of a service back as a Samspill schedule: WEEKLY rules as weekly slots (every 1–8 weeks), MONTHLY rules with a positioned weekday as monthly slots, count-1 rules as single dates. */
function scheduleOf(s: HsdsObject, refuse: (field: string, message: string) => void): ScheduleData {
  const schedule: ScheduleData = { weekly: [], monthly: [], exceptions: [], dates: [] };
  const exceptions = new Set<string>();
  ((s.schedules as HsdsObject[] | undefined) ?? []).forEach((r, i) => {
    const opens = String(r.opens_at ?? '').slice(0, 5);
    const closes = String(r.closes_at ?? '').slice(0, 5);
    if (!TIME.test(opens) || !TIME.test(closes)) return refuse(`/schedules/${i}/opens_at`, 'opens_at and closes_at must be HH:MM (Europe/Oslo)');
    if (r.count === 1 && typeof r.dtstart === 'string' && DATE.test(r.dtstart)) {
      schedule.dates.push({ date: r.dtstart, startTime: opens, endTime: closes });
      return;
    }
    const interval = r.interval === undefined ? 1 : r.interval;
    const days = String(r.byday ?? '')
      .split(',')
      .filter(Boolean);
    if (r.freq === 'MONTHLY') {
      // "The 2nd Tuesday" (2TU) or "the last Thursday" (-1TH), every month.
      if (interval !== 1) return refuse(`/schedules/${i}/interval`, 'monthly rules can be imported only every month (interval 1)');
      const positioned = days.map((d) => /^(-1|[1-4])([A-Z]{2})$/.exec(d));
      if (!days.length || positioned.some((m) => !m || !WEEKDAY_BY_CODE[m[2]!]))
        return refuse(`/schedules/${i}/byday`, 'a monthly rule needs weekdays with a position: 1TU to 4TU, or -1TU for the last');
      for (const m of positioned) schedule.monthly!.push({ weekday: WEEKDAY_BY_CODE[m![2]!]!, week: Number(m![1]), startTime: opens, endTime: closes });
    } else {
      if (r.freq !== 'WEEKLY') return refuse(`/schedules/${i}/freq`, 'only WEEKLY and MONTHLY rules and single dates can be imported');
      if (!Number.isInteger(interval) || (interval as number) < 1 || (interval as number) > 8)
        return refuse(`/schedules/${i}/interval`, 'a weekly rule can be imported every 1 to 8 weeks');
      if (!days.length || days.some((d) => !WEEKDAY_BY_CODE[d])) return refuse(`/schedules/${i}/byday`, 'must be weekdays (MO, TU, …) without a position');
      for (const d of days) schedule.weekly.push({ weekday: WEEKDAY_BY_CODE[d]!, interval: interval as number, startTime: opens, endTime: closes });
    }
    if (typeof r.valid_from === 'string') schedule.validFrom = r.valid_from;
    if (typeof r.valid_to === 'string') schedule.validUntil = r.valid_to;
    const notes = String(r.notes ?? '');
    if (notes.startsWith(EXCEPTIONS_NOTE))
      for (const date of notes
        .slice(EXCEPTIONS_NOTE.length)
        .split(',')
        .map((d) => d.trim()))
        if (DATE.test(date)) exceptions.add(date);
  });
  schedule.exceptions = [...exceptions].sort().map((date) => ({ date }));
  return schedule;
}
