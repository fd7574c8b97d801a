import { FollowUpAction, FollowUpEndReason, FollowUpStage } from '../follow-up-enums.js';
import { checkFollowUpStep, followUpActions } from '../follow-up-state-machine.js';

const { WAITING_FOR_VOLUNTEER: WAITING, MATCHED, ENDED } = FollowUpStage;

describe('the follow-up lifecycle, written out by hand', () => {
  it.each([
    [WAITING, 'ORGANISATION', ['MATCH', 'END', 'RENEW_CONSENT']],
    [MATCHED, 'ORGANISATION', ['PLAN_CHECK_IN', 'RECORD_CHECK_IN', 'END', 'RENEW_CONSENT']],
    [ENDED, 'ORGANISATION', []],
    [WAITING, 'SHELTER', ['RENEW_CONSENT']],
    [MATCHED, 'SHELTER', ['RENEW_CONSENT']],
    [ENDED, 'SHELTER', []],
  ] as const)('%s for %s → %j', (stage, side, expected) => {
    expect(followUpActions(stage, side)).toEqual(expected);
  });

  it('a match goes from waiting to matched, and only the organisation matches', () => {
    expect(checkFollowUpStep(WAITING, FollowUpAction.MATCH, 'ORGANISATION')).toEqual({ ok: true, to: MATCHED });
    expect(checkFollowUpStep(WAITING, FollowUpAction.MATCH, 'SHELTER')).toMatchObject({ ok: false, problem: 'WRONG_SIDE' });
    expect(checkFollowUpStep(MATCHED, FollowUpAction.MATCH, 'ORGANISATION')).toMatchObject({ ok: false, problem: 'ILLEGAL' });
  });

  it('check-ins need a volunteer', () => {
    expect(checkFollowUpStep(WAITING, FollowUpAction.PLAN_CHECK_IN, 'ORGANISATION')).toMatchObject({ ok: false, problem: 'ILLEGAL' });
    expect(checkFollowUpStep(MATCHED, FollowUpAction.RECORD_CHECK_IN, 'ORGANISATION')).toEqual({ ok: true, to: null });
  });

  it('a volunteer can stop or be replaced only once there is one; every end needs a reason; an ended follow-up stays ended', () => {
    for (const reason of [FollowUpEndReason.VOLUNTEER_STOPPED, FollowUpEndReason.REMATCHED]) {
      expect(checkFollowUpStep(WAITING, FollowUpAction.END, 'ORGANISATION', reason)).toMatchObject({ ok: false, problem: 'REASON_NOT_ALLOWED' });
      expect(checkFollowUpStep(MATCHED, FollowUpAction.END, 'ORGANISATION', reason)).toEqual({ ok: true, to: ENDED });
    }
    expect(checkFollowUpStep(WAITING, FollowUpAction.END, 'ORGANISATION', FollowUpEndReason.ENDED_BY_WOMAN)).toEqual({ ok: true, to: ENDED });
    expect(checkFollowUpStep(MATCHED, FollowUpAction.END, 'ORGANISATION')).toMatchObject({ ok: false, problem: 'REASON_NOT_ALLOWED' });
    expect(checkFollowUpStep(ENDED, FollowUpAction.END, 'ORGANISATION', FollowUpEndReason.GOAL_REACHED)).toMatchObject({ ok: false, problem: 'ILLEGAL' });
  });
});
