import { randomUUID } from 'node:crypto';

import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

import { SearchColumns } from '../../common/search-columns.js';
import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import type { ContactPersonEntity } from '../contact-persons/contact-person.entity.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { CostKind, OfferAudience, OfferStatus } from '../offers/offer-enums.js';
import type { OrganisationEntity } from '../organisations/organisation.entity.js';
import { Accessibility, ActivityCategory, JoinMode, TargetGroup, VenueKind } from './activity-enums.js';
import type { ScheduleData } from './schedule.js';

/** An activity (an HSDS service) that an organisation offers. */
@Entity({ tableName: 'activity' })
@SearchColumns('activity', 'title', 'description')
@Index({ properties: ['status', 'audience'] })
// Migration20261123040000_search_by_bydel: text search within bydeler (btree_gin).
@Index({
  name: 'activity_bydel_search_index',
  expression: `create index "activity_bydel_search_index" on "${DIRECTORY_SCHEMA}"."activity" using gin ("bydel_code", "search_vector")`,
})
@Check({ name: 'activity_age_range_check', expression: 'age_min IS NULL OR age_max IS NULL OR age_min <= age_max' })
@Check({ name: 'activity_counts_check', expression: 'coalesce(capacity, 0) >= 0 AND coalesce(places_available, 0) >= 0 AND coalesce(price_nok, 0) >= 0' })
export class ActivityEntity {
  [OptionalProps]?:
    'version' | 'createdAt' | 'updatedAt' | 'costKind' | 'audience' | 'status' | 'lastVerifiedAt' | 'targetGroups' | 'languages' | 'weekdays' | 'accessibility';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'OrganisationEntity', deleteRule: 'cascade' })
  @Index()
  organisation!: OrganisationEntity;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description!: string;

  @Enum({ items: () => ActivityCategory })
  category!: ActivityCategory;

  @Enum({ items: () => TargetGroup, array: true })
  targetGroups: TargetGroup[] = [];

  @Property({ type: 'smallint', nullable: true })
  ageMin?: number | null;

  @Property({ type: 'smallint', nullable: true })
  ageMax?: number | null;

  /** ISO 639-1 codes of the languages the activity is held in. */
  @Property({ type: 'array', columnType: 'text[]' })
  languages: string[] = [];

  @Enum({ items: () => VenueKind })
  venueKind!: VenueKind;

  @ManyToOne({ entity: 'LocationEntity', nullable: true, deleteRule: 'set null' })
  location?: LocationEntity | null;

  /** Where it happens, for filtering; null for online activities and those at a shelter. */
  @ManyToOne(() => BydelEntity, { nullable: true, deleteRule: 'set null' })
  @Index()
  bydel?: BydelEntity | null;

  @Property({ type: 'json' })
  schedule!: ScheduleData;

  /** ISO weekdays (1 = Monday) on which it takes place, derived from the schedule for filtering. */
  @Property({ type: 'array', columnType: 'smallint[]' })
  weekdays: number[] = [];

  @Enum({ items: () => CostKind })
  costKind: CostKind = CostKind.FREE;

  @Property({ type: 'integer', nullable: true })
  priceNok?: number | null;

  @Property({ type: 'integer', nullable: true })
  capacity?: number | null;

  @Property({ type: 'integer', nullable: true })
  placesAvailable?: number | null;

  @Property({ type: 'datetime', nullable: true })
  capacityUpdatedAt?: Date | null;

  @Enum({ items: () => JoinMode })
  joinMode!: JoinMode;

  @Enum({ items: () => Accessibility, array: true })
  accessibility: Accessibility[] = [];

  @Property({ type: 'string', length: 500, nullable: true })
  accessibilityNote?: string | null;

  @ManyToOne({ entity: 'ContactPersonEntity', nullable: true, deleteRule: 'set null' })
  contactPerson?: ContactPersonEntity | null;

  @Enum({ items: () => OfferStatus })
  status: OfferStatus = OfferStatus.DRAFT;

  @Enum({ items: () => OfferAudience })
  audience: OfferAudience = OfferAudience.PUBLIC;

  /** When the organisation last confirmed the activity is still as described. */
  @Property({ type: 'datetime' })
  @Index()
  lastVerifiedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'integer', version: true })
  version!: number;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
