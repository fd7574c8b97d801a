import { activitiesModule } from './activities/activities.module.js';
import { bydelerModule } from './bydeler/bydeler.module.js';
import { calendarModule } from './calendar/calendar.module.js';
import { contactPersonsModule } from './contact-persons/contact-persons.module.js';
import { handoverModule } from './handover/handover.module.js';
import { hsdsModule } from './hsds/hsds.module.js';
import { locationsModule } from './locations/locations.module.js';
import { organisationNotificationsModule } from './organisation-notifications/organisation-notifications.module.js';
import { organisationsModule } from './organisations/organisations.module.js';
import { petCareModule } from './pet-care/pet-care.module.js';

/** The directory subgraph's features: a new feature registers here, with one line. */
export const directoryModules = [
  bydelerModule,
  organisationsModule,
  locationsModule,
  contactPersonsModule,
  activitiesModule,
  petCareModule,
  handoverModule,
  organisationNotificationsModule,
  calendarModule,
  hsdsModule,
] as const;
