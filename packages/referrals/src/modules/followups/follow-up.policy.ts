import type { FilterQuery } from '@mikro-orm/core';
import { ForbiddenError, NotFoundError, type Principal } from '@samspill/core';

import type { ReferralEntity } from '../referrals/referral.entity.js';
import type { FollowUpEntity } from './follow-up.entity.js';
import type { FollowUpSide } from './follow-up-state-machine.js';

/**
 * - `followUp:read`: its parties, the sending shelter's staff and the receiving organisation's
 *   editors (each sees its own view of it, follow-up.row.ts);
 * - `followUp:run` (match, check-ins, end): the receiving organisation's editors;
 * - `followUp:renewConsent`: the sending shelter's staff; the receiving organisation's editors too
 *   when the follow-up goes on after she has left the shelter and her consent covers that.
 */
export type FollowUpPolicyAction = 'followUp:read' | 'followUp:run' | 'followUp:renewConsent';

type Parties = Pick<FollowUpEntity, 'sendingShelterId' | 'receivingOrganisationId'>;

/**
 * Who may do what with a follow-up: one rule, asked by the list (`where`), single reads, the
 * Referral.followUp field and every mutation (`assert`). For anyone not a party it does not exist.
 */
export const followUpPolicy = {
  sideOf(principal: Principal, row: Parties): FollowUpSide | null {
    if (principal.kind !== 'user' || !principal.organisationId) return null;
    if (principal.role === 'SHELTER_STAFF' && principal.organisationId === row.sendingShelterId) return 'SHELTER';
    if (principal.role === 'ORG_EDITOR' && principal.organisationId === row.receivingOrganisationId) return 'ORGANISATION';
    return null;
  },

  /** The organisation may renew only what she agreed it would follow up without the shelter. */
  mayRenewConsent(
    side: FollowUpSide,
    followUp: Pick<FollowUpEntity, 'afterLeavingShelter'>,
    referral: Pick<ReferralEntity, 'consentFollowUpAfterLeaving'>,
  ): boolean {
    return side === 'SHELTER' || (followUp.afterLeavingShelter && referral.consentFollowUpAfterLeaving);
  },

  allows(principal: Principal, action: FollowUpPolicyAction, followUp: FollowUpEntity, referral: ReferralEntity): boolean {
    const side = this.sideOf(principal, followUp);
    if (!side) return false;
    switch (action) {
      case 'followUp:read':
        return true;
      case 'followUp:run':
        return side === 'ORGANISATION';
      case 'followUp:renewConsent':
        return this.mayRenewConsent(side, followUp, referral);
    }
  },

  /** The caller's side, or NOT_FOUND (not a party: it does not exist) / FORBIDDEN (a party that may not do this). */
  assert(principal: Principal, action: FollowUpPolicyAction, followUp: FollowUpEntity, referral: ReferralEntity): FollowUpSide {
    const side = this.sideOf(principal, followUp);
    if (!side) throw new NotFoundError('FollowUp', followUp.id);
    if (!this.allows(principal, action, followUp, referral)) {
      throw new ForbiddenError(
        action === 'followUp:renewConsent'
          ? 'Only the sending shelter can renew this consent: it does not cover a follow-up after she has left the shelter'
          : 'Only the receiving organisation runs a follow-up',
      );
    }
    return side;
  },

  /** The follow-ups a caller may list; null when none. */
  where(principal: Principal): FilterQuery<FollowUpEntity> | null {
    if (principal.kind !== 'user' || !principal.organisationId) return null;
    if (principal.role === 'SHELTER_STAFF') return { sendingShelterId: principal.organisationId };
    if (principal.role === 'ORG_EDITOR') return { receivingOrganisationId: principal.organisationId };
    return null;
  },
};
