import { referralsModule } from '../referrals-module.js';
import { ReferralInboxResolver } from './referral-inbox.resolver.js';

/**
 * Notifications of referral events through core's outbox (its tables are in the ORM beside the
 * idempotency records, see orm.ts), the worker that delivers them, and the inbox count.
 */
export const notificationsModule = referralsModule({
  id: 'notifications',
  entities: [],
  resolvers: [ReferralInboxResolver],
});
