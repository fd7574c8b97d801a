import { isAdmin, isAuthenticated, type Principal } from '@samspill/core';

import { ALWAYS, type Condition, is, or, type PolicyField } from '../../common/policy.js';
import { OfferStatus } from './offer-enums.js';

/** What every offer's row holds that its visibility reads. */
export interface OfferRowBase {
  readonly status: OfferStatus;
  readonly organisation: { readonly id: string };
}

export const offerStatus: PolicyField<OfferRowBase> = { property: 'status', column: 'status', of: (row) => row.status };
export const offerOrganisation: PolicyField<OfferRowBase> = { property: 'organisation', column: 'organisation_id', of: (row) => row.organisation.id };

/**
 * Who sees which offers, for every kind of offer (activity, pet-care offer):
 * - anonymous: what `anonymous` says (published public activities; no pet-care offer);
 * - signed-in users: everything published, plus drafts and archived offers of their own organisation;
 * - platform admins: everything.
 */
export function offerVisibility<R extends OfferRowBase>(anonymous: Condition<R>): (principal: Principal) => Condition<R> {
  return (principal) => {
    if (!isAuthenticated(principal)) return anonymous;
    if (isAdmin(principal)) return ALWAYS;
    if (!principal.organisationId) return is(offerStatus, OfferStatus.PUBLISHED);
    return or<R>(is(offerStatus, OfferStatus.PUBLISHED), is(offerOrganisation, principal.organisationId));
  };
}
