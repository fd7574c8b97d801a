import { Check, Entity, Enum, Index, ManyToOne, OptionalProps, Property } from '@mikro-orm/core';

import { SearchColumns } from '../../common/search-columns.js';
import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import type { LocationEntity } from '../locations/location.entity.js';
import { OfferEntity, type OfferOptionalProps } from '../offers/offer.entity.js';
import { OfferAudience } from '../offers/offer-enums.js';
import { Accessibility, ActivityCategory, JoinMode, TargetGroup, VenueKind } from './activity-enums.js';
import type { ScheduleData } from './schedule.js';

/** An activity (an HSDS service) that an organisation offers; what every offer has is in `OfferEntity`. */
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
// The freshness index (on the base's lastVerifiedAt): "recently verified" sorts and filters use it.
@Index({ properties: ['lastVerifiedAt'] })
// Migration20261122234700_bydeler: the array overlaps of the target-group, language and weekday filters.
@Index({
  name: 'activity_target_groups_index',
  expression: `create index "activity_target_groups_index" on "${DIRECTORY_SCHEMA}"."activity" using gin ("target_groups")`,
})
@Index({ name: 'activity_languages_index', expression: `create index "activity_languages_index" on "${DIRECTORY_SCHEMA}"."activity" using gin ("languages")` })
@Index({ name: 'activity_weekdays_index', expression: `create index "activity_weekdays_index" on "${DIRECTORY_SCHEMA}"."activity" using gin ("weekdays")` })
export class ActivityEntity extends OfferEntity {
  [OptionalProps]?:
    OfferOptionalProps | 'audience' | 'targetGroups' | 'languages' | 'weekdays' | 'accessibility' | 'requiresVolunteerCourse' | 'womenOnlyVolunteers';

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
  @Index()
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

  @Enum({ items: () => OfferAudience })
  audience: OfferAudience = OfferAudience.PUBLIC;

  // Volunteer follow-ups (mentoring, practical help after the shelter): what the offer asks of its volunteers.
  /** How long a volunteer commits to one woman, in months (a Ressursvenn: 12); null when the offer has no commitment. */
  @Property({ type: 'smallint', nullable: true })
  commitmentMonths?: number | null;

  @Property({ type: 'boolean', default: false })
  requiresVolunteerCourse: boolean = false;

  @Property({ type: 'boolean', default: false })
  womenOnlyVolunteers: boolean = false;
}
