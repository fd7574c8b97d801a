import { FollowUpAction, FollowUpEndReason, FollowUpStage } from './follow-up-enums.js';

/** Who may take an action on a follow-up (as in referral-state-machine.ts). */
export type FollowUpSide = 'SHELTER' | 'ORGANISATION';

interface Step {
  readonly from: readonly FollowUpStage[];
  /** The stage after it; `null`: it stays. */
  readonly to: FollowUpStage | null;
  readonly by: readonly FollowUpSide[];
}

const OPEN: readonly FollowUpStage[] = [FollowUpStage.WAITING_FOR_VOLUNTEER, FollowUpStage.MATCHED];

/** The follow-up lifecycle. Everything not listed is illegal. */
export const FOLLOW_UP_STEPS: Readonly<Record<FollowUpAction, Step>> = {
  MATCH: { from: [FollowUpStage.WAITING_FOR_VOLUNTEER], to: FollowUpStage.MATCHED, by: ['ORGANISATION'] },
  PLAN_CHECK_IN: { from: [FollowUpStage.MATCHED], to: null, by: ['ORGANISATION'] },
  RECORD_CHECK_IN: { from: [FollowUpStage.MATCHED], to: null, by: ['ORGANISATION'] },
  END: { from: OPEN, to: FollowUpStage.ENDED, by: ['ORGANISATION'] },
  // Who of the organisation may renew also depends on the consent's scope (follow-up.policy.ts).
  RENEW_CONSENT: { from: OPEN, to: null, by: ['SHELTER', 'ORGANISATION'] },
};

/** The reasons END takes from each stage: a volunteer can stop, or be replaced, only once there is one. */
export const END_REASONS: Readonly<Record<FollowUpStage, readonly FollowUpEndReason[]>> = {
  WAITING_FOR_VOLUNTEER: [FollowUpEndReason.GOAL_REACHED, FollowUpEndReason.MOVED, FollowUpEndReason.ENDED_BY_WOMAN],
  MATCHED: Object.values(FollowUpEndReason),
  ENDED: [],
};

export const isOpenStage = (stage: FollowUpStage): boolean => OPEN.includes(stage);

/** The actions `side` may take in `stage`, before the policy's own conditions. */
export function followUpActions(stage: FollowUpStage, side: FollowUpSide): FollowUpAction[] {
  return (Object.keys(FOLLOW_UP_STEPS) as FollowUpAction[]).filter((a) => FOLLOW_UP_STEPS[a].by.includes(side) && FOLLOW_UP_STEPS[a].from.includes(stage));
}

export type FollowUpCheck =
  { ok: true; to: FollowUpStage | null } | { ok: false; problem: 'WRONG_SIDE' | 'ILLEGAL' | 'REASON_NOT_ALLOWED'; allowed: readonly string[] };

/** Checks one action (and END's reason). Pure; the service acts on it. */
export function checkFollowUpStep(stage: FollowUpStage, action: FollowUpAction, side: FollowUpSide, reason?: FollowUpEndReason | null): FollowUpCheck {
  const step = FOLLOW_UP_STEPS[action];
  if (!step.by.includes(side)) return { ok: false, problem: 'WRONG_SIDE', allowed: followUpActions(stage, side) };
  if (!step.from.includes(stage)) return { ok: false, problem: 'ILLEGAL', allowed: followUpActions(stage, side) };
  if (action === FollowUpAction.END && (!reason || !END_REASONS[stage].includes(reason))) {
    return { ok: false, problem: 'REASON_NOT_ALLOWED', allowed: END_REASONS[stage] };
  }
  return { ok: true, to: step.to };
}
