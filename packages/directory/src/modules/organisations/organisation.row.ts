import type { ReadModel, Row } from '../../lean-rows.js';
import { OrganisationEntity } from './organisation.entity.js';
import type { VolunteerRoutineEntity } from './volunteer-routine.entity.js';

/** What Organisation's field resolvers receive: a lean row from a loader, or an entity a service wrote. */
export type OrganisationRow = Row<OrganisationEntity, 'parent' | 'mainLocation'>;

export type VolunteerRoutineRow = Row<VolunteerRoutineEntity, 'organisation'>;

/** Always loaded: id, kind (a shelter is treated apart), parent, mainLocation. */
export const organisationReadModel: ReadModel<OrganisationEntity> = {
  entity: OrganisationEntity,
  displayOnly: [
    'name',
    'description',
    'organisationNumber',
    'website',
    'publicPhone',
    'publicEmail',
    'volunteerRequirementsMetAt',
    'referralEmail',
    'webhookUrl',
    'version',
    'createdAt',
    'updatedAt',
  ],
  needs: { meetsVolunteerRequirements: ['volunteerRequirementsMetAt'], notificationSettings: ['referralEmail', 'webhookUrl'] },
};
