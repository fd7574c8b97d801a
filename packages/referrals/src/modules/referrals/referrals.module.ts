import { referralsModule } from '../referrals-module.js';
import { ReferralEntity } from './referral.entity.js';
import { ReferralResolver } from './referral.resolver.js';
import { ReferralStatusChangeEntity } from './referral-status-change.entity.js';

export const referralsFeature = referralsModule({
  id: 'referrals',
  entities: [ReferralEntity, ReferralStatusChangeEntity],
  resolvers: [ReferralResolver],
});
