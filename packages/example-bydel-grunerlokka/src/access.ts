import { ForbiddenError, isAdmin, isAuthenticated, type Principal, UnauthenticatedError } from '@samspill/core';

/** Bydel Grünerløkka's SSB code. */
export const GRUNERLOKKA_BYDEL_CODE = '030102';

/**
 * The bydel's own staff: a BYDEL_INTEGRATOR token scoped to Grünerløkka. Tokens are Samspill's
 * own (the same keys, or the same OpenID Connect issuer), so `role` and `bydel` mean what they
 * mean in the directory; a city-wide integrator (no bydel) is not Grünerløkka's staff.
 */
export function isGrunerlokkaStaff(principal: Principal): boolean {
  return principal.kind === 'user' && principal.role === 'BYDEL_INTEGRATOR' && principal.bydelCode === GRUNERLOKKA_BYDEL_CODE;
}

/** The cooperation contact is for people who work with the shelters: anyone signed in. */
export function assertMayReadCooperationContact(principal: Principal): void {
  if (!isAuthenticated(principal)) throw new UnauthenticatedError();
}

/** What the bydel grants whom is for its own staff and the platform's admins. */
export function assertMayReadFunding(principal: Principal): void {
  if (!isAuthenticated(principal)) throw new UnauthenticatedError();
  if (!isAdmin(principal) && !isGrunerlokkaStaff(principal)) throw new ForbiddenError("Only Bydel Grünerløkka's staff and platform admins see its grants");
}
