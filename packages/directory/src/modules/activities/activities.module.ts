import { isAuthenticated } from '@samspill/core';

import { DIRECTORY_SCHEMA } from '../../directory-schema.js';
import type { LoaderKit } from '../../read-path.js';
import { ContactPersonEntity } from '../contact-persons/contact-person.entity.js';
import { directoryModule } from '../directory-module.js';
import { ActivityEntity } from './activity.entity.js';
import { activityPolicy } from './activity.policy.js';
import { resolveActivityReference } from './activity.reference.js';
import { ActivityResolver } from './activity.resolver.js';
import { activityReadModel } from './activity.row.js';

function activityLoaders(kit: LoaderKit) {
  const signedIn = isAuthenticated(kit.principal);
  const visible = activityPolicy.sql(kit.principal, 't', kit.time);
  return {
    activity: kit.byId(ActivityEntity),
    /** Published activities the caller may see, by title: the first N per organisation. */
    publishedActivitiesByOrganisation: kit.firstPerKey(
      ActivityEntity,
      (columns) => `select ${columns}, t.organisation_id as pivot_key,
              row_number() over (partition by t.organisation_id order by t.title, t.id) as pivot_rank
         from "${DIRECTORY_SCHEMA}".activity t
        where t.organisation_id in (?) and t.status = 'PUBLISHED' and ${visible.sql}`,
      visible.params,
      // Only signed-in callers may see an activity's contact person: nobody else's rows bring it.
      signedIn
        ? { field: 'contactPerson', entity: ContactPersonEntity, table: 'contact_person', column: 'contact_person_id', loader: kit.byId(ContactPersonEntity) }
        : undefined,
    ),
  };
}

export const activitiesModule = directoryModule({
  id: 'activities',
  entities: [ActivityEntity],
  resolvers: [ActivityResolver],
  references: { Activity: { __resolveReference: resolveActivityReference } },
  readModels: [activityReadModel],
  loaders: activityLoaders,
});
