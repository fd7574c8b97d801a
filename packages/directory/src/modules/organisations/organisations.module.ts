import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import type { LoaderKit } from '../../read-path.js';
import { directoryModule } from '../directory-module.js';
import { OrganisationEntity } from './organisation.entity.js';
import { resolveOrganisationReference } from './organisation.reference.js';
import { OrganisationResolver } from './organisation.resolver.js';
import { organisationReadModel } from './organisation.row.js';
import { OrganisationBydelEntity } from './organisation-bydel.entity.js';
import { VolunteerRoutineEntity } from './volunteer-routine.entity.js';

function organisationLoaders(kit: LoaderKit) {
  return {
    organisation: kit.byId(OrganisationEntity),
    volunteerRoutinesByOrganisation: kit.byParent(VolunteerRoutineEntity, 'organisation', {}, { requirement: 'asc' }),
    /** Organisations serving a bydel, by name: the first N per bydel. */
    organisationsByBydel: kit.firstPerKey(
      OrganisationEntity,
      (columns) => `select ${columns}, p.bydel_code as pivot_key,
              row_number() over (partition by p.bydel_code order by t.name, t.id) as pivot_rank
         from "${DIRECTORY_SCHEMA}".organisation t join "${DIRECTORY_SCHEMA}".organisation_bydel p on p.organisation_id = t.id
        where p.bydel_code in (?)`,
    ),
    bydelerByOrganisation: kit.bydelerThroughPivot('organisation_bydel', 'organisation_id'),
  };
}

export const organisationsModule = directoryModule({
  id: 'organisations',
  entities: [OrganisationEntity, OrganisationBydelEntity, VolunteerRoutineEntity],
  resolvers: [OrganisationResolver],
  references: { Organisation: { __resolveReference: resolveOrganisationReference } },
  readModels: [organisationReadModel],
  loaders: organisationLoaders,
});
