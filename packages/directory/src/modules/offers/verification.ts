import { registerEnumType } from 'type-graphql';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How true a listing still is, by how long ago its organisation confirmed it (thresholds in the configuration). */
export enum VerificationState {
  FRESH = 'FRESH',
  DUE = 'DUE',
  STALE = 'STALE',
}

registerEnumType(VerificationState, {
  name: 'VerificationState',
  description: 'How long ago the organisation confirmed the facts (OFFER_DUE_AFTER_DAYS, OFFER_STALE_AFTER_DAYS).',
  valuesConfig: {
    FRESH: { description: 'Confirmed recently.' },
    DUE: { description: 'Due for re-verification: its editors are reminded.' },
    STALE: { description: 'Not confirmed for so long that anonymous lists and search leave it out; signed-in callers see it flagged.' },
  },
});

export interface FreshnessThresholds {
  readonly offerDueAfterDays: number;
  readonly offerStaleAfterDays: number;
}

/** Whole days from `verifiedAt` to `now` (0 for a confirmation made in the same request). */
export function daysSince(verifiedAt: Date | string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - new Date(verifiedAt).getTime()) / DAY_MS));
}

/** The state on the same cut-offs as the visibility rule (stale: verified before now − stale days). */
export function verificationStateOf(verifiedAt: Date | string, now: Date, thresholds: FreshnessThresholds): VerificationState {
  const age = now.getTime() - new Date(verifiedAt).getTime();
  if (age > thresholds.offerStaleAfterDays * DAY_MS) return VerificationState.STALE;
  if (age > thresholds.offerDueAfterDays * DAY_MS) return VerificationState.DUE;
  return VerificationState.FRESH;
}
