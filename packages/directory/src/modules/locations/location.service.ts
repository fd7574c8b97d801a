import type { EntityManager } from '@mikro-orm/postgresql';
import { isAdmin, isUuid, type Principal, ValidationError } from '@samspill/core';

import { applyChanges, loadForEdit, readBack } from '../../common/editing.js';
import type { DirectoryContext } from '../../context.js';
import { ActivityEntity } from '../activities/activity.entity.js';
import { audienceFitsPlace, widestAudienceAt } from '../activities/activity-audience.js';
import { VenueKind } from '../activities/activity-enums.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';
import { LocationEntity } from './location.entity.js';
import type { CreateLocationInput, UpdateLocationInput } from './location.input.js';
import { locationPolicy } from './location.policy.js';
import type { LocationRow } from './location.row.js';
import { LocationVisibility } from './location-visibility.enum.js';

const EDITABLE = ['name', 'streetAddress', 'postalCode', 'postalTown', 'latitude', 'longitude', 'visibility'] as const satisfies ReadonlyArray<
  keyof LocationEntity
>;
const REQUIRED = ['name', 'visibility'] as const;

export class LocationService {
  private readonly em: EntityManager;
  private readonly principal: Principal;

  constructor(private readonly ctx: DirectoryContext) {
    this.em = ctx.em;
    this.principal = ctx.principal;
  }

  /** An organisation's locations that the caller may see. */
  async ofOrganisation(organisationId: string): Promise<LocationEntity[]> {
    if (!isUuid(organisationId)) throw ValidationError.field('organisationId', 'must be an organisation id (UUID)');
    const locations = await this.em.find(LocationEntity, { organisation: organisationId }, { orderBy: { name: 'asc', id: 'asc' } });
    return locations.filter((location) => locationPolicy.may(this.principal, 'location:see', location));
  }

  async create(input: CreateLocationInput): Promise<LocationRow> {
    locationPolicy.assert(this.principal, 'location:edit', { organisation: { id: input.organisationId } });
    const organisation = await this.em.findOne(OrganisationEntity, { id: input.organisationId });
    if (!organisation) throw ValidationError.field('input.organisationId', 'no such organisation');
    const location = this.em.create(LocationEntity, { organisation, name: input.name, visibility: input.visibility });
    this.apply(location, input, organisation);
    await this.em.flush();
    return readBack(this.ctx.loaders.location, 'Location', location.id);
  }

  async update(id: string, input: UpdateLocationInput): Promise<LocationRow> {
    const location = await loadForEdit(this.em, LocationEntity, locationPolicy, id, this.principal, input.version);
    const organisation = await this.em.findOneOrFail(OrganisationEntity, { id: location.organisation.id });
    this.apply(location, input, organisation);
    await this.keepActivitiesInStep(location);
    await this.em.flush();
    return readBack(this.ctx.loaders.location, 'Location', location.id);
  }

  /**
   * Activities held at a location follow it: its bydel, and a narrower visibility. Narrowing a
   * place narrows its PUBLIC activities to NETWORK rather than being refused: a place is narrowed
   * to protect it, and that must take effect at once, not wait until every activity held there
   * (some of other organisations) has been changed first. A location cannot turn confidential while
   * activities are listed there (they would keep pointing at it).
   */
  private async keepActivitiesInStep(location: LocationEntity): Promise<void> {
    const activities = await this.em.find(ActivityEntity, { location: location.id, venueKind: VenueKind.LOCATION });
    if (activities.length === 0) return;
    if (location.visibility === LocationVisibility.CONFIDENTIAL) {
      throw ValidationError.field('input.visibility', `${activities.length} activit${activities.length === 1 ? 'y is' : 'ies are'} held here; move them first`);
    }
    for (const activity of activities) {
      activity.bydel = location.bydel ?? null;
      if (!audienceFitsPlace(activity.audience, location.visibility)) activity.audience = widestAudienceAt(location.visibility);
    }
  }

  private apply(location: LocationEntity, input: CreateLocationInput | UpdateLocationInput, organisation: OrganisationEntity): void {
    applyChanges(location, input, EDITABLE, REQUIRED);
    if (organisation.kind === OrganisationKind.SHELTER && location.visibility !== LocationVisibility.CONFIDENTIAL && !isAdmin(this.principal)) {
      throw ValidationError.field('input.visibility', "a shelter's places are CONFIDENTIAL; only platform admins can make one visible");
    }
    if (input.bydelCode !== undefined) location.bydel = input.bydelCode === null ? null : this.em.getReference(BydelEntity, input.bydelCode);
    if ((location.latitude == null) !== (location.longitude == null)) {
      throw ValidationError.field('input.latitude', 'give both latitude and longitude, or neither');
    }
  }
}
