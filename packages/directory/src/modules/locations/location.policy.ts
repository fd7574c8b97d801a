import { belongsTo, isAdmin, isAuthenticated, type Principal } from '@samspill/core';

import type { LocationEntity } from './location.entity.js';
import { LocationVisibility } from './location-visibility.enum.js';

/** PUBLIC: anyone; NETWORK: signed-in users; CONFIDENTIAL: the owning organisation's own people and admins. */
export function canSeeLocation(principal: Principal, location: LocationEntity): boolean {
  switch (location.visibility) {
    case LocationVisibility.PUBLIC:
      return true;
    case LocationVisibility.NETWORK:
      return isAuthenticated(principal);
    case LocationVisibility.CONFIDENTIAL:
      return isAdmin(principal) || belongsTo(principal, location.organisation.id);
  }
}
