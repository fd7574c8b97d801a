import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, type Principal, ValidationError } from '@samspill/core';

import { applyChanges, assertMayEdit, loadForEdit } from '../../common/editing.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { LocationEntity } from './location.entity.js';
import type { CreateLocationInput, UpdateLocationInput } from './location.input.js';
import { canSeeLocation } from './location.policy.js';

const EDITABLE = ['name', 'streetAddress', 'postalCode', 'postalTown', 'latitude', 'longitude', 'visibility'] as const satisfies ReadonlyArray<
  keyof LocationEntity
>;
const REQUIRED = ['name', 'visibility'] as const;

export class LocationService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
  ) {}

  /** An organisation's locations that the caller may see. */
  async ofOrganisation(organisationId: string): Promise<LocationEntity[]> {
    if (!isUuid(organisationId)) return [];
    const locations = await this.em.find(LocationEntity, { organisation: organisationId }, { orderBy: { name: 'asc', id: 'asc' } });
    return locations.filter((location) => canSeeLocation(this.principal, location));
  }

  async create(input: CreateLocationInput): Promise<LocationEntity> {
    assertMayEdit(this.principal, input.organisationId);
    const organisation = await this.em.findOne(OrganisationEntity, { id: input.organisationId });
    if (!organisation) throw ValidationError.field('input.organisationId', 'no such organisation');
    const location = this.em.create(LocationEntity, { organisation, name: input.name, visibility: input.visibility });
    this.apply(location, input);
    await this.em.flush();
    return location;
  }

  async update(id: string, input: UpdateLocationInput): Promise<LocationEntity> {
    const location = await loadForEdit(this.em, LocationEntity, 'Location', id, this.principal, (l) => canSeeLocation(this.principal, l), input.version);
    this.apply(location, input);
    await this.em.flush();
    return location;
  }

  private apply(location: LocationEntity, input: CreateLocationInput | UpdateLocationInput): void {
    applyChanges(location, input, EDITABLE, REQUIRED);
    if (input.bydelCode !== undefined) location.bydel = input.bydelCode === null ? null : this.em.getReference(BydelEntity, input.bydelCode);
    if ((location.latitude == null) !== (location.longitude == null)) {
      throw ValidationError.field('input.latitude', 'give both latitude and longitude, or neither');
    }
  }
}
