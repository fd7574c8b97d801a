import { LocationVisibility } from '../locations/location-visibility.enum.js';
import { OfferAudience } from '../offers/offer-enums.js';

/**
 * An activity's audience is never wider than its place's visibility. A PUBLIC activity shows its
 * bydel (and its place) to anonymous visitors, so it may be held only at a PUBLIC place or
 * online; at a NETWORK place it is NETWORK. At a shelter (CONFIDENTIAL place) it is NETWORK too,
 * and there the place and its bydel are masked for everyone but the shelter's own staff.
 *
 * The database holds the same rule (Migration20261201090000_audience_within_place), so that no
 * seed, script or later code path can store it otherwise.
 */
export function widestAudienceAt(placeVisibility: LocationVisibility | null | undefined): OfferAudience {
  return placeVisibility == null || placeVisibility === LocationVisibility.PUBLIC ? OfferAudience.PUBLIC : OfferAudience.NETWORK;
}

export function audienceFitsPlace(audience: OfferAudience, placeVisibility: LocationVisibility | null | undefined): boolean {
  return audience === OfferAudience.NETWORK || widestAudienceAt(placeVisibility) === OfferAudience.PUBLIC;
}
