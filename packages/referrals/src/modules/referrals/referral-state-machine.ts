import { ReasonCode, ReferralAction, ReferralStatus } from './referral-enums.js';

/** Which party may take an action: the sending shelter or the receiving organisation. */
export type Side = 'SHELTER' | 'ORGANISATION';

interface Transition {
  readonly from: readonly ReferralStatus[];
  /** `RESUMED` goes back to the state the referral was in when it was put on hold. */
  readonly to: ReferralStatus | 'RESUMED';
  readonly by: Side;
  /** Reason codes the action takes; when present, one is required. */
  readonly reasons?: readonly ReasonCode[];
}

export const OPEN_STATES: readonly ReferralStatus[] = [
  ReferralStatus.DRAFT,
  ReferralStatus.SENT,
  ReferralStatus.RECEIVED,
  ReferralStatus.ACCEPTED,
  ReferralStatus.IN_PROGRESS,
  ReferralStatus.IN_FOLLOW_UP,
  ReferralStatus.ON_HOLD,
];

/** The referral workflow of design.md. Everything not listed here is illegal. */
export const TRANSITIONS: Readonly<Record<ReferralAction, Transition>> = {
  SEND: { from: [ReferralStatus.DRAFT], to: ReferralStatus.SENT, by: 'SHELTER' },
  RECEIVE: { from: [ReferralStatus.SENT], to: ReferralStatus.RECEIVED, by: 'ORGANISATION' },
  ACCEPT: { from: [ReferralStatus.RECEIVED], to: ReferralStatus.ACCEPTED, by: 'ORGANISATION' },
  DECLINE: {
    from: [ReferralStatus.RECEIVED],
    to: ReferralStatus.DECLINED,
    by: 'ORGANISATION',
    reasons: [ReasonCode.NO_CAPACITY, ReasonCode.NOT_ELIGIBLE, ReasonCode.COULD_NOT_CONTACT, ReasonCode.RESIDENT_DECLINED],
  },
  START: { from: [ReferralStatus.ACCEPTED], to: ReferralStatus.IN_PROGRESS, by: 'ORGANISATION' },
  COMPLETE: {
    from: [ReferralStatus.IN_PROGRESS],
    to: ReferralStatus.COMPLETED,
    by: 'ORGANISATION',
    reasons: [ReasonCode.GOT_HELP, ReasonCode.REFERRED_ELSEWHERE],
  },
  MARK_NOT_COMPLETED: {
    from: [ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS],
    to: ReferralStatus.NOT_COMPLETED,
    by: 'ORGANISATION',
    reasons: [
      ReasonCode.COULD_NOT_CONTACT,
      ReasonCode.RESIDENT_DECLINED,
      ReasonCode.NO_LONGER_INTERESTED,
      ReasonCode.NOT_ELIGIBLE,
      ReasonCode.REFERRED_ELSEWHERE,
    ],
  },
  HOLD: {
    from: [ReferralStatus.SENT, ReferralStatus.RECEIVED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS],
    to: ReferralStatus.ON_HOLD,
    by: 'ORGANISATION',
  },
  RESUME: { from: [ReferralStatus.ON_HOLD], to: 'RESUMED', by: 'ORGANISATION' },
  CANCEL: {
    // A follow-up is the organisation's to end (the woman may end it through it, or withdraw consent).
    from: OPEN_STATES.filter((s) => s !== ReferralStatus.IN_FOLLOW_UP),
    to: ReferralStatus.CANCELLED,
    by: 'SHELTER',
    reasons: [ReasonCode.RESIDENT_DECLINED, ReasonCode.NO_LONGER_INTERESTED, ReasonCode.GOT_HELP, ReasonCode.REFERRED_ELSEWHERE],
  },
};

/** States the platform moves a referral out of when the organisation has not answered in time. */
export const EXPIRING_STATES: readonly ReferralStatus[] = [ReferralStatus.SENT, ReferralStatus.RECEIVED];

export const isOpen = (status: ReferralStatus): boolean => OPEN_STATES.includes(status);

/** The actions `side` may take on a referral in `status`. */
export function allowedActions(status: ReferralStatus, side: Side): ReferralAction[] {
  return (Object.keys(TRANSITIONS) as ReferralAction[]).filter((action) => TRANSITIONS[action].by === side && TRANSITIONS[action].from.includes(status));
}

export type TransitionCheck =
  | { ok: true; to: ReferralStatus | 'RESUMED' }
  | { ok: false; problem: 'WRONG_SIDE' | 'ILLEGAL' | 'REASON_REQUIRED' | 'REASON_NOT_ALLOWED'; allowed: readonly (ReferralAction | ReasonCode)[] };

/** Checks one action: who takes it, from which state, with which reason. Pure; the service acts on it. */
export function checkTransition(status: ReferralStatus, action: ReferralAction, side: Side, reason?: ReasonCode | null): TransitionCheck {
  const transition = TRANSITIONS[action];
  if (transition.by !== side) return { ok: false, problem: 'WRONG_SIDE', allowed: allowedActions(status, side) };
  if (!transition.from.includes(status)) return { ok: false, problem: 'ILLEGAL', allowed: allowedActions(status, side) };
  if (transition.reasons) {
    if (!reason) return { ok: false, problem: 'REASON_REQUIRED', allowed: transition.reasons };
    if (!transition.reasons.includes(reason)) return { ok: false, problem: 'REASON_NOT_ALLOWED', allowed: transition.reasons };
  } else if (reason) {
    return { ok: false, problem: 'REASON_NOT_ALLOWED', allowed: [] };
  }
  return { ok: true, to: transition.to };
}
