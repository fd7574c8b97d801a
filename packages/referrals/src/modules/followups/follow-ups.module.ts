// Its notification kinds are defined with the module, so the outbox worker of every process that runs it knows them.
import './follow-up-notifications.js';

import { referralsModule } from '../referrals-module.js';
import { FollowUpEntity } from './follow-up.entity.js';
import { FollowUpCheckInEntity } from './follow-up-check-in.entity.js';
import { FollowUpResolver, ReferralFollowUpResolver } from './follow-ups.resolver.js';

/** Follow-ups (engagements): accepted mentoring and practical-help referrals, run by the organisation. */
export const followUpsModule = referralsModule({
  id: 'followups',
  entities: [FollowUpEntity, FollowUpCheckInEntity],
  resolvers: [FollowUpResolver, ReferralFollowUpResolver],
});
