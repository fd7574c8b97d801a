import type { FilterQuery } from '@mikro-orm/core';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ForbiddenError,
  isAuthenticated,
  isUuid,
  mayEdit,
  NotFoundError,
  osloDateOf,
  type Page,
  type Principal,
  UnauthenticatedError,
  ValidationError,
} from '@samspill/core';
import { DateTime } from 'luxon';

import { applyChanges, readBack } from '../../common/editing.js';
import { listByRelevanceOr } from '../../common/ranked-search.js';
import { servesBydeler } from '../../common/search-conditions.js';
import { toE164 } from '../../common/validators.js';
import type { DirectoryContext } from '../../context.js';
import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { withNeighbours } from '../bydeler/bydel-neighbours.js';
import { OrganisationEntity } from './organisation.entity.js';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './organisation.input.js';
import { organisationPolicy } from './organisation.policy.js';
import type { OrganisationRow } from './organisation.row.js';
import { OrganisationKind } from './organisation-kind.enum.js';
import type { OrganisationsArgs } from './organisations.args.js';
import { requirementsMet, requirementsValidUntil, VolunteerRoutineStatus } from './volunteer-requirement.enum.js';
import { VolunteerRoutineEntity } from './volunteer-routine.entity.js';
import type { RecordVolunteerRoutineInput } from './volunteer-routine.input.js';

/** The longest a confirmation may be recorded to hold. */
const MAX_ROUTINE_VALID_DAYS = 3650;

/** A calendar date `days` later, YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

const EDITABLE = ['kind', 'name', 'description', 'organisationNumber', 'website', 'publicEmail'] as const satisfies ReadonlyArray<keyof OrganisationEntity>;
const REQUIRED = ['kind', 'name'] as const;

/** Organisations are public; registering and correcting them, and vetting, is `organisation:edit` (platform admins). */
export class OrganisationService {
  private readonly em: EntityManager;
  private readonly principal: Principal;
  private readonly now: () => Date;

  constructor(private readonly ctx: DirectoryContext) {
    this.em = ctx.em;
    this.principal = ctx.principal;
    this.now = ctx.now;
  }

  list(args: OrganisationsArgs): Promise<Page<OrganisationRow>> {
    const f = args.filter ?? {};
    const conditions: FilterQuery<OrganisationEntity>[] = [];
    if (f.kinds?.length) conditions.push({ kind: { $in: f.kinds } });
    if (f.bydel) conditions.push(servesBydeler('organisation_bydel', 'organisation_id', f.includeNeighbouringBydeler ? withNeighbours([f.bydel]) : [f.bydel]));
    if (f.meetsVolunteerRequirements !== undefined && f.meetsVolunteerRequirements !== null) {
      // Met, and no confirmation lapsed by today (on the server's clock).
      const today = osloDateOf(this.now());
      conditions.push(
        f.meetsVolunteerRequirements
          ? { volunteerRequirementsMetAt: { $ne: null }, volunteerRequirementsValidUntil: { $gte: today } }
          : { $or: [{ volunteerRequirementsMetAt: null }, { volunteerRequirementsValidUntil: null }, { volunteerRequirementsValidUntil: { $lt: today } }] },
      );
    }
    const text = f.text?.trim();
    return listByRelevanceOr<OrganisationEntity, OrganisationRow>(this.em, OrganisationEntity, conditions, text, { name: 'asc', id: 'asc' }, args);
  }

  /** One organisation (organisations are public), as its row. */
  async get(id: string): Promise<OrganisationRow> {
    const organisation = isUuid(id) ? await this.ctx.loaders.organisation.load(id) : null;
    if (!organisation) throw new NotFoundError('Organisation', id);
    return organisation;
  }

  async create(input: CreateOrganisationInput): Promise<OrganisationRow> {
    organisationPolicy.assert(this.principal, 'organisation:edit');
    const organisation = this.em.create(OrganisationEntity, { kind: input.kind, name: input.name, createdAt: this.now(), updatedAt: this.now() });
    await this.apply(organisation, input);
    await this.em.flush();
    return readBack(this.ctx.loaders.organisation, 'Organisation', organisation.id);
  }

  async update(id: string, input: UpdateOrganisationInput): Promise<OrganisationRow> {
    organisationPolicy.assert(this.principal, 'organisation:edit');
    const organisation = isUuid(id) ? await this.em.findOne(OrganisationEntity, { id }) : null;
    if (!organisation) throw new NotFoundError('Organisation', id);
    await this.em.lock(organisation, LockMode.OPTIMISTIC, input.version);
    await this.apply(organisation, input);
    await this.em.flush();
    return readBack(this.ctx.loaders.organisation, 'Organisation', organisation.id);
  }

  /** Records the latest confirmation of one volunteer routine and recomputes whether all are met. */
  async recordVolunteerRoutine(input: RecordVolunteerRoutineInput): Promise<OrganisationRow> {
    organisationPolicy.assert(this.principal, 'organisation:edit');
    if (this.principal.kind !== 'user') throw new UnauthenticatedError();
    const organisation = await this.em.findOne(OrganisationEntity, { id: input.organisationId }, { populate: ['volunteerRoutines'] });
    if (!organisation) throw ValidationError.field('input.organisationId', 'no such organisation');
    if (input.confirmedOn > osloDateOf(this.now())) throw ValidationError.field('input.confirmedOn', 'must not be in the future');
    if (input.status === VolunteerRoutineStatus.NOT_APPLICABLE && input.requirement !== 'POLICE_CERTIFICATE') {
      throw ValidationError.field('input.status', 'only the police certificate can be not applicable');
    }
    const validUntil = input.validUntil ?? addDays(input.confirmedOn, this.ctx.freshness.volunteerRoutineValidDays);
    if (validUntil <= input.confirmedOn) throw ValidationError.field('input.validUntil', 'must be after confirmedOn');
    if (validUntil > addDays(input.confirmedOn, MAX_ROUTINE_VALID_DAYS))
      throw ValidationError.field('input.validUntil', 'must be at most ten years after confirmedOn');
    let routine = organisation.volunteerRoutines.getItems().find((r) => r.requirement === input.requirement);
    if (!routine) {
      routine = this.em.create(VolunteerRoutineEntity, {
        organisation,
        requirement: input.requirement,
        status: input.status,
        confirmedOn: input.confirmedOn,
        validUntil,
        confirmedBy: this.principal.subject,
      });
      organisation.volunteerRoutines.add(routine);
    }
    routine.status = input.status;
    routine.confirmedOn = input.confirmedOn;
    routine.validUntil = validUntil;
    routine.confirmedBy = this.principal.subject;
    routine.note = input.note ?? null;
    const routines = organisation.volunteerRoutines.getItems();
    const met = requirementsMet(routines);
    organisation.volunteerRequirementsMetAt = met ? (organisation.volunteerRequirementsMetAt ?? this.now()) : null;
    organisation.volunteerRequirementsValidUntil = met ? requirementsValidUntil(routines) : null;
    await this.em.flush();
    return readBack(this.ctx.loaders.organisation, 'Organisation', organisation.id);
  }

  /** The organisation (its own editors, or admins) confirms its facts are still true: its freshness restarts. */
  async confirmStillValid(id: string): Promise<OrganisationRow> {
    if (!isAuthenticated(this.principal)) throw new UnauthenticatedError();
    const organisation = isUuid(id) ? await this.em.findOne(OrganisationEntity, { id }) : null;
    if (!organisation) throw new NotFoundError('Organisation', id);
    if (!mayEdit(this.principal, organisation.id)) throw new ForbiddenError("Only the organisation's own editors and platform admins confirm its facts");
    organisation.lastVerifiedAt = this.now();
    await this.em.flush();
    return readBack(this.ctx.loaders.organisation, 'Organisation', organisation.id);
  }

  /** Admins: the volunteer-routine confirmations that lapse within `withinDays` days (or have lapsed), soonest first. */
  async routinesExpiring(withinDays: number): Promise<Array<VolunteerRoutineEntity & { lapsed: boolean }>> {
    organisationPolicy.assert(this.principal, 'organisation:edit');
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 366)
      throw ValidationError.field('withinDays', 'must be a whole number of days from 0 to 366');
    const today = osloDateOf(this.now());
    const routines = await this.em.find(
      VolunteerRoutineEntity,
      { validUntil: { $lte: addDays(today, withinDays) } },
      { orderBy: { validUntil: 'asc', id: 'asc' }, limit: 500, populate: ['organisation'] },
    );
    return routines.map((routine) => Object.assign(routine, { lapsed: routine.validUntil < today }));
  }

  private async apply(organisation: OrganisationEntity, input: CreateOrganisationInput | UpdateOrganisationInput): Promise<void> {
    const becomesShelter = organisation.kind !== OrganisationKind.SHELTER && input.kind === OrganisationKind.SHELTER;
    applyChanges(organisation, input, EDITABLE, REQUIRED);
    if (input.publicPhone !== undefined) organisation.publicPhone = input.publicPhone === null ? null : toE164(input.publicPhone);
    if (input.parentId !== undefined) {
      if (input.parentId === null) organisation.parent = null;
      else {
        const parent = await this.em.findOne(OrganisationEntity, { id: input.parentId });
        if (!parent) throw ValidationError.field('input.parentId', 'no such organisation');
        for (let ancestor: OrganisationEntity | null | undefined = parent; ancestor;) {
          if (ancestor.id === organisation.id) throw ValidationError.field('input.parentId', 'an organisation cannot be its own parent or ancestor');
          ancestor = ancestor.parent ? await this.em.findOne(OrganisationEntity, { id: ancestor.parent.id }) : null;
        }
        organisation.parent = parent;
      }
    }
    if (input.bydeler) {
      if (organisation.kind === OrganisationKind.SHELTER && input.bydeler.length > 0) {
        throw ValidationError.field('input.bydeler', 'a shelter serves all of Oslo: its bydeler are not recorded, so that they cannot narrow down where it is');
      }
      organisation.bydeler.set(input.bydeler.map((code) => this.em.getReference(BydelEntity, code)));
      // A change of the collection alone would not raise the version; this makes it conflict-safe.
      organisation.updatedAt = this.now();
    }
    // Bydeler sent with the change have been checked above (a shelter's must be empty).
    if (becomesShelter) await this.assertHidesWhereItIs(organisation, input.bydeler === undefined);
  }

  /**
   * An organisation that becomes a shelter must already hide where it is: the bydeler it or its
   * pet-care offers serve, and any place not CONFIDENTIAL, would point to it (every rule that
   * keeps a shelter hidden is checked when those are written, not when the kind changes).
   */
  private async assertHidesWhereItIs(organisation: OrganisationEntity, keepsStoredBydeler: boolean): Promise<void> {
    const [{ bydeler, offerBydeler, places }] = await this.em.execute<Array<{ bydeler: number; offerBydeler: number; places: number }>>(
      `select (select count(*) from ${DIRECTORY_SCHEMA}.organisation_bydel b where b.organisation_id = ?)::int as "bydeler",
              (select count(*) from ${DIRECTORY_SCHEMA}.pet_care_offer_bydel b join ${DIRECTORY_SCHEMA}.pet_care_offer p on p.id = b.pet_care_offer_id
                where p.organisation_id = ?)::int as "offerBydeler",
              (select count(*) from ${DIRECTORY_SCHEMA}.location l where l.organisation_id = ? and l.visibility <> 'CONFIDENTIAL')::int as "places"`,
      [organisation.id, organisation.id, organisation.id],
    );
    const problems = [
      keepsStoredBydeler && bydeler > 0 && 'send bydeler: [] with it',
      offerBydeler > 0 && 'clear the bydeler of its pet-care offers',
      places > 0 && 'make its places CONFIDENTIAL',
    ].filter(Boolean);
    if (problems.length) {
      throw ValidationError.field('input.kind', `a shelter's whereabouts must not be derivable: first ${problems.join(', ')}`);
    }
  }
}
