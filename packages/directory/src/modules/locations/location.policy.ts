import { isAdmin, isAuthenticated, type Principal } from '@samspill/core';

import { featurePolicy } from '../../common/authorization.js';
import { and, is, NEVER, or, policy, type PolicyField } from '../../common/policy.js';
import type { LocationEntity } from './location.entity.js';
import type { LocationRow } from './location.row.js';
import { LocationVisibility } from './location-visibility.enum.js';

const visibility: PolicyField<LocationRow> = { property: 'visibility', column: 'visibility', of: (row) => row.visibility };
const organisation: PolicyField<LocationRow> = { property: 'organisation', column: 'organisation_id', of: (row) => row.organisation.id };

/** The organisation whose own people the caller is (SHELTER_STAFF or ORG_EDITOR scope), if any. */
function ownOrganisation(principal: Principal): string | undefined {
  return principal.kind === 'user' && (principal.role === 'SHELTER_STAFF' || principal.role === 'ORG_EDITOR') ? principal.organisationId : undefined;
}

/** PUBLIC: anyone; NETWORK: signed-in users; CONFIDENTIAL: the owning organisation's own people and admins. */
export const locationPolicy = featurePolicy(
  'location',
  'Location',
  policy<LocationRow, LocationEntity>((principal) => {
    const own = ownOrganisation(principal);
    return or(
      is(visibility, LocationVisibility.PUBLIC),
      isAuthenticated(principal) ? is(visibility, LocationVisibility.NETWORK) : NEVER,
      isAdmin(principal)
        ? is(visibility, LocationVisibility.CONFIDENTIAL)
        : own
          ? and(is(visibility, LocationVisibility.CONFIDENTIAL), is(organisation, own))
          : NEVER,
    );
  }),
);

/**
 * The places a "near" search may measure from: never CONFIDENTIAL, not even for a shelter's own
 * staff, because a distance is enough to locate a place.
 */
export const nearSearchPolicy = policy<LocationRow, LocationEntity>((principal) =>
  or(is(visibility, LocationVisibility.PUBLIC), isAuthenticated(principal) ? is(visibility, LocationVisibility.NETWORK) : NEVER),
);

/** The location policy's in-memory form, for a row already loaded. */
export function canSeeLocation(principal: Principal, location: LocationRow): boolean {
  return locationPolicy.may(principal, 'location:see', location);
}
