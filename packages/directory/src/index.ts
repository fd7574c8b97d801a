import 'reflect-metadata';

export * from './context.js';
export { scheduleOfferReminders } from './jobs/offer-reminders.js';
export * from './loaders.js';
export { ActivityEntity } from './modules/activities/activity.entity.js';
export { ContactPersonEntity } from './modules/contact-persons/contact-person.entity.js';
export { type HsdsDataset, importHsds, type ImportReport } from './modules/hsds/hsds.import.js';
export { hsdsPageProblems, type HsdsProblem, hsdsProblems, type HsdsSchemaName } from './modules/hsds/hsds-schemas.js';
export { LocationEntity } from './modules/locations/location.entity.js';
export { OrganisationEntity } from './modules/organisations/organisation.entity.js';
export { PetCareOfferEntity } from './modules/pet-care/pet-care-offer.entity.js';
export * from './orm.js';
export * from './schema.js';
export * from './schema-sdl.js';
export { seedDemoData } from './seeders/demo.seeder.js';
export * from './seeders/demo-ids.js';
export * from './seeders/demo-users.js';
export * from './server.js';
