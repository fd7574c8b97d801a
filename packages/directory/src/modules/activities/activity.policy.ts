import { featurePolicy } from '../../common/authorization.js';
import { and, is, policy, type PolicyField } from '../../common/policy.js';
import { offerStatus, offerVisibility } from '../offers/offer.policy.js';
import { OfferAudience, OfferStatus } from '../offers/offer-enums.js';
import type { ActivityEntity } from './activity.entity.js';
import type { ActivityRow } from './activity.row.js';

const audience: PolicyField<ActivityRow> = { property: 'audience', column: 'audience', of: (row) => row.audience };

/**
 * Who sees which activity: the offer rule (offers/offer.policy.ts), where anonymous callers see
 * published activities meant for the public. Lists, `activity(id)`, the loaders, `_entities` and
 * edits all ask this one policy; editing (`activity:edit`) is the organisation's editors' and admins'.
 */
export const activityPolicy = featurePolicy(
  'activity',
  'Activity',
  policy<ActivityRow, ActivityEntity>(offerVisibility(and(is(offerStatus, OfferStatus.PUBLISHED), is(audience, OfferAudience.PUBLIC)))),
);
