import type { ReferralEntity } from './referral.entity.js';
import type { Consent, PetNeed, Referral } from './referral.type.js';
import { ConsentField, type PetSpecies, ReferralStatus } from './referral-enums.js';
import type { Side } from './referral-state-machine.js';

export type ReferralView = Referral & { readonly entity: ReferralEntity; readonly side: Side };

/** Shown to the sending shelter when the receiving organisation did not meet the volunteer requirements at the look-up. */
export const VOLUNTEER_REQUIREMENTS_WARNING =
  'The receiving organisation does not meet the shelters’ volunteer requirements (basic training, confidentiality declaration, police certificate where lawful), or a confirmation has lapsed: share only what is needed and check with the organisation first.';

/** Whether the consent lets the receiving organisation see personal fields right now. */
export function consentIsValid(referral: ReferralEntity, now: Date): boolean {
  return !!referral.consentGivenAt && !referral.consentWithdrawnAt && !!referral.consentExpiresAt && referral.consentExpiresAt > now;
}

/** While the receiving organisation is working on a referral; afterwards it needs no personal fields. */
const ACTIVE_FOR_ORGANISATION: readonly ReferralStatus[] = [
  ReferralStatus.SENT,
  ReferralStatus.RECEIVED,
  ReferralStatus.ACCEPTED,
  ReferralStatus.IN_PROGRESS,
  ReferralStatus.IN_FOLLOW_UP,
  ReferralStatus.ON_HOLD,
];

/** The status as a side sees it: to the organisation, a referral sent on is simply declined. */
export function statusSeenBy(side: Side, status: ReferralStatus): ReferralStatus {
  return side === 'ORGANISATION' && status === ReferralStatus.REDIRECTED ? ReferralStatus.DECLINED : status;
}

/** The statuses to look for when a side filters by `statuses` (the inverse of `statusSeenBy`). */
export function statusesFilteredBy(side: Side, statuses: ReferralStatus[]): ReferralStatus[] {
  if (side === 'SHELTER') return statuses;
  const asked = statuses.filter((s) => s !== ReferralStatus.REDIRECTED);
  return asked.includes(ReferralStatus.DECLINED) ? [...asked, ReferralStatus.REDIRECTED] : asked;
}

/**
 * A referral as one party may see it. The sending shelter sees everything it recorded; the
 * receiving organisation sees a personal field only while a valid consent includes it and the
 * referral is active for it. That a declined referral was sent on is the shelter's to know.
 */
export function viewOf(referral: ReferralEntity, side: Side, now: Date): ReferralView {
  const scope =
    side === 'SHELTER'
      ? Object.values(ConsentField)
      : consentIsValid(referral, now) && ACTIVE_FOR_ORGANISATION.includes(referral.status)
        ? referral.consentScope
        : [];
  const status = statusSeenBy(side, referral.status);
  const may = (field: ConsentField) => scope.includes(field);
  const consent: Consent | null = referral.consentGivenAt
    ? {
        givenAt: referral.consentGivenAt,
        recordedBy: side === 'SHELTER' ? referral.consentRecordedBy : null,
        scope: referral.consentScope,
        followUpAfterLeavingShelter: referral.consentFollowUpAfterLeaving,
        expiresAt: referral.consentExpiresAt!,
        withdrawnAt: referral.consentWithdrawnAt,
      }
    : null;
  return {
    entity: referral,
    side,
    id: referral.id,
    status,
    version: referral.version,
    targetKind: referral.targetKind,
    pseudonymousReference: may(ConsentField.PSEUDONYMOUS_REFERENCE) ? referral.pseudonymousReference : null,
    ageGroup: may(ConsentField.AGE_GROUP) ? referral.ageGroup : null,
    languages: may(ConsentField.LANGUAGES) ? referral.languages : null,
    interpreterNeeded: may(ConsentField.LANGUAGES) ? referral.interpreterNeeded : null,
    childrenCount: may(ConsentField.CHILDREN) && referral.childrenAges ? referral.childrenAges.length : null,
    childrenAges: may(ConsentField.CHILDREN) ? referral.childrenAges : null,
    pets: may(ConsentField.PETS) && referral.pets ? referral.pets.map((p): PetNeed => ({ species: p.species as PetSpecies, count: p.count })) : null,
    needDescription: may(ConsentField.NEED_DESCRIPTION) ? referral.needDescription : null,
    consent,
    personalDataErased: !!referral.personalDataErasedAt,
    sentAt: referral.sentAt,
    answerDeadline: referral.answerDeadline,
    // A warning for the staff member who refers: the organisation's own view of itself is elsewhere.
    volunteerRequirementsWarning: side === 'SHELTER' && referral.volunteerRequirementsUnmet ? VOLUNTEER_REQUIREMENTS_WARNING : null,
    closedAt: referral.closedAt,
    closeReason: referral.closeReason,
    // That a referral was declined elsewhere, or sent on, is the shelter's to know.
    redirectedFromId: side === 'SHELTER' ? (referral.redirectedFrom?.id ?? null) : null,
    redirectedToId: side === 'SHELTER' ? referral.redirectedToId : null,
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
  };
}
