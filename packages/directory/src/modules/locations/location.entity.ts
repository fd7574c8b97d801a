import { randomUUID } from 'node:crypto';

import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { LocationVisibility } from './location-visibility.enum.js';

@Entity({ tableName: 'location' })
@Index({
  name: 'location_earth_index',
  expression: `create index "location_earth_index" on "${DIRECTORY_SCHEMA}"."location" using gist (ll_to_earth(latitude, longitude)) where latitude is not null and longitude is not null`,
})
@Check({ name: 'location_postal_code_check', expression: "postal_code ~ '^[0-9]{4}$'" })
// The initial migration's BETWEEN, as PostgreSQL stores it (so that the schema diff finds no change).
@Check({
  name: 'location_coordinates_check',
  expression:
    'latitude >= -90::double precision AND latitude <= 90::double precision AND longitude >= -180::double precision AND longitude <= 180::double precision',
})
export class LocationEntity {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The organisation that owns this place and decides its visibility. */
  @ManyToOne({ entity: 'OrganisationEntity', deleteRule: 'cascade' })
  @Index()
  organisation!: OrganisationEntity;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  streetAddress?: string | null;

  @Property({ type: 'string', length: 4, nullable: true })
  postalCode?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  postalTown?: string | null;

  @ManyToOne(() => BydelEntity, { nullable: true, deleteRule: 'set null' })
  bydel?: BydelEntity | null;

  @Property({ type: 'double', nullable: true })
  latitude?: number | null;

  @Property({ type: 'double', nullable: true })
  longitude?: number | null;

  @Enum({ items: () => LocationVisibility })
  visibility!: LocationVisibility;

  @Property({ type: 'integer', version: true })
  version!: number;
}
