import { directoryModule } from '../directory-module.js';
import { OrganisationNotificationsResolver } from './organisation-notifications.resolver.js';

/**
 * Where an organisation is notified of referrals (its referral e-mail and webhook, on the
 * organisation's row): read by its editors and platform admins, and by the referrals service's
 * notification worker (as a platform admin).
 */
export const organisationNotificationsModule = directoryModule({
  id: 'organisation-notifications',
  entities: [],
  resolvers: [OrganisationNotificationsResolver],
});
