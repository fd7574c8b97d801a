import { isAdmin, isAuthenticated, type Principal } from '@samspill/core';

import { ALWAYS, and, type Condition, is, notBefore, or, type PolicyField, type PolicyTime, requireTime } from '../../common/policy.js';
import { OfferStatus } from './offer-enums.js';

/** What every offer's row holds that its visibility reads. */
export interface OfferRowBase {
  readonly status: OfferStatus;
  readonly organisation: { readonly id: string };
  readonly lastVerifiedAt: Date;
}

export const offerStatus: PolicyField<OfferRowBase> = { property: 'status', column: 'status', of: (row) => row.status };
export const offerOrganisation: PolicyField<OfferRowBase> = { property: 'organisation', column: 'organisation_id', of: (row) => row.organisation.id };
export const offerLastVerifiedAt: PolicyField<OfferRowBase> = { property: 'lastVerifiedAt', column: 'last_verified_at', of: (row) => row.lastVerifiedAt };

/**
 * Who sees which offers, for every kind of offer (activity, pet-care offer):
 * - anonymous: what `anonymous` says (published public activities; no pet-care offer), and only
 *   while it is not STALE (verified since `time.staleBefore`): a listing nobody has confirmed for
 *   that long is not shown to the public as if it were true;
 * - signed-in users: everything published, stale or not (flagged by `verificationState`), plus drafts
 *   and archived offers of their own organisation;
 * - platform admins: everything.
 */
export function offerVisibility<R extends OfferRowBase>(anonymous: Condition<R>): (principal: Principal, time: PolicyTime | undefined) => Condition<R> {
  return (principal, time) => {
    if (!isAuthenticated(principal)) return and<R>(anonymous, notBefore(offerLastVerifiedAt, requireTime(time).staleBefore));
    if (isAdmin(principal)) return ALWAYS;
    if (!principal.organisationId) return is(offerStatus, OfferStatus.PUBLISHED);
    return or<R>(is(offerStatus, OfferStatus.PUBLISHED), is(offerOrganisation, principal.organisationId));
  };
}
