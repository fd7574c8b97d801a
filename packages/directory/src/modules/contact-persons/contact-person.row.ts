import type { ReadModel, Row } from '../../lean-rows.js';
import { ContactPersonEntity } from './contact-person.entity.js';

/** What ContactPerson's field resolvers receive. */
export type ContactPersonRow = Row<ContactPersonEntity, 'organisation'>;

/** Always loaded: id, organisation. */
export const contactPersonReadModel: ReadModel<ContactPersonEntity> = {
  entity: ContactPersonEntity,
  displayOnly: ['name', 'title', 'phone', 'email', 'languages', 'lastVerifiedAt', 'version', 'createdAt'],
  needs: { daysSinceVerified: ['lastVerifiedAt'] },
};
