import type { ReadModel, Row } from '../../lean-rows.js';
import { ActivityEntity } from './activity.entity.js';

/** What Activity's field resolvers receive: a lean row from a loader, or an entity a service wrote. */
export type ActivityRow = Row<ActivityEntity, 'organisation' | 'location' | 'bydel' | 'contactPerson'>;

/**
 * Always loaded: id, organisation, location, bydel, contactPerson, status, audience and
 * lastVerifiedAt (who may see it: a stale one is not shown to anonymous callers) and venueKind (which Offer type it is, and venueLabel). A new column that no rule reads goes
 * here, so that a list loads it only when the operation selects it.
 */
export const activityReadModel: ReadModel<ActivityEntity> = {
  entity: ActivityEntity,
  displayOnly: [
    'title',
    'description',
    'category',
    'targetGroups',
    'ageMin',
    'ageMax',
    'languages',
    'schedule',
    'weekdays',
    'costKind',
    'priceNok',
    'capacity',
    'placesAvailable',
    'capacityUpdatedAt',
    'joinMode',
    'accessibility',
    'accessibilityNote',
    'commitmentMonths',
    'requiresVolunteerCourse',
    'womenOnlyVolunteers',
    'publishedAt',
    'version',
    'createdAt',
    'updatedAt',
  ],
  needs: { nextOccurrences: ['schedule'] },
};
