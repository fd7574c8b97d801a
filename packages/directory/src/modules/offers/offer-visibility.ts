import type { FilterQuery } from '@mikro-orm/core';
import { isAdmin, isAuthenticated, type Principal } from '@samspill/core';

import type { ActivityEntity } from '../activities/activity.entity.js';
import type { PetCareOfferEntity } from '../pet-care/pet-care-offer.entity.js';
import { OfferAudience, OfferStatus } from './offer-enums.js';

/**
 * Who sees which offers, as one SQL filter and one in-memory test that must agree:
 * - anonymous: published activities meant for the public; no pet-care offers;
 * - signed-in users: everything published, plus drafts and archived offers of their own organisation;
 * - platform admins: everything.
 */
export function activityVisibility(principal: Principal): FilterQuery<ActivityEntity> {
  if (!isAuthenticated(principal)) return { status: OfferStatus.PUBLISHED, audience: OfferAudience.PUBLIC };
  if (isAdmin(principal)) return {};
  if (!principal.organisationId) return { status: OfferStatus.PUBLISHED };
  return { $or: [{ status: OfferStatus.PUBLISHED }, { organisation: principal.organisationId }] };
}

export function canSeeActivity(principal: Principal, activity: ActivityEntity): boolean {
  if (!isAuthenticated(principal)) return activity.status === OfferStatus.PUBLISHED && activity.audience === OfferAudience.PUBLIC;
  if (isAdmin(principal)) return true;
  return activity.status === OfferStatus.PUBLISHED || activity.organisation.id === principal.organisationId;
}

/** `null` means: this caller may see no pet-care offer at all (anonymous). */
export function petCareVisibility(principal: Principal): FilterQuery<PetCareOfferEntity> | null {
  if (!isAuthenticated(principal)) return null;
  if (isAdmin(principal)) return {};
  if (!principal.organisationId) return { status: OfferStatus.PUBLISHED };
  return { $or: [{ status: OfferStatus.PUBLISHED }, { organisation: principal.organisationId }] };
}

export function canSeePetCareOffer(principal: Principal, offer: PetCareOfferEntity): boolean {
  if (!isAuthenticated(principal)) return false;
  if (isAdmin(principal)) return true;
  return offer.status === OfferStatus.PUBLISHED || offer.organisation.id === principal.organisationId;
}
