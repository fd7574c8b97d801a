import { directoryModule } from '../directory-module.js';
import { ContactPersonEntity } from './contact-person.entity.js';
import { ContactPersonResolver, resolveContactPersonReference } from './contact-person.resolver.js';
import { contactPersonReadModel } from './contact-person.row.js';

export const contactPersonsModule = directoryModule({
  id: 'contact-persons',
  entities: [ContactPersonEntity],
  resolvers: [ContactPersonResolver],
  references: { ContactPerson: { __resolveReference: resolveContactPersonReference } },
  readModels: [contactPersonReadModel],
  loaders: (kit) => ({
    contactPerson: kit.byId(ContactPersonEntity),
    /** Contact persons per organisation, by name, as lean rows. */
    contactPersonsByOrganisation: kit.rowsByParent(ContactPersonEntity, 'organisation_id', 't.name, t.id'),
  }),
});
