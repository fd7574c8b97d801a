import { ReasonCode, ReferralAction, ReferralStatus } from '../../modules/referrals/referral-enums.js';
import { allowedActions, checkTransition, isOpen, type Side } from '../../modules/referrals/referral-state-machine.js';

/*
 * The workflow of design.md ("Referrals: the closed loop"), written out here by hand and
 * independently of TRANSITIONS, so that a change to the table shows up as a failing row.
 */
const { DRAFT, SENT, RECEIVED, ACCEPTED, DECLINED, IN_PROGRESS, IN_FOLLOW_UP, COMPLETED, NOT_COMPLETED, ON_HOLD, CANCELLED, EXPIRED, REDIRECTED } =
  ReferralStatus;
const R = ReasonCode;

interface Expected {
  by: Side;
  from: ReferralStatus[];
  /** 'RESUMED' means: back to the state it was held from. */
  to: ReferralStatus | 'RESUMED';
  /** Reasons the action takes (one is required); undefined: it takes none. */
  reasons?: ReasonCode[];
}

const EXPECTED: Record<ReferralAction, Expected> = {
  SEND: { by: 'SHELTER', from: [DRAFT], to: SENT },
  RECEIVE: { by: 'ORGANISATION', from: [SENT], to: RECEIVED },
  ACCEPT: { by: 'ORGANISATION', from: [RECEIVED], to: ACCEPTED },
  DECLINE: { by: 'ORGANISATION', from: [RECEIVED], to: DECLINED, reasons: [R.NO_CAPACITY, R.NOT_ELIGIBLE, R.COULD_NOT_CONTACT, R.RESIDENT_DECLINED] },
  START: { by: 'ORGANISATION', from: [ACCEPTED], to: IN_PROGRESS },
  COMPLETE: { by: 'ORGANISATION', from: [IN_PROGRESS], to: COMPLETED, reasons: [R.GOT_HELP, R.REFERRED_ELSEWHERE] },
  MARK_NOT_COMPLETED: {
    by: 'ORGANISATION',
    from: [ACCEPTED, IN_PROGRESS],
    to: NOT_COMPLETED,
    reasons: [R.COULD_NOT_CONTACT, R.RESIDENT_DECLINED, R.NO_LONGER_INTERESTED, R.NOT_ELIGIBLE, R.REFERRED_ELSEWHERE],
  },
  HOLD: { by: 'ORGANISATION', from: [SENT, RECEIVED, ACCEPTED, IN_PROGRESS], to: ON_HOLD },
  RESUME: { by: 'ORGANISATION', from: [ON_HOLD], to: 'RESUMED' },
  CANCEL: {
    by: 'SHELTER',
    from: [DRAFT, SENT, RECEIVED, ACCEPTED, IN_PROGRESS, ON_HOLD],
    to: CANCELLED,
    reasons: [R.RESIDENT_DECLINED, R.NO_LONGER_INTERESTED, R.GOT_HELP, R.REFERRED_ELSEWHERE],
  },
};

const STATUSES = Object.values(ReferralStatus);
const ACTIONS = Object.values(ReferralAction);
const REASONS = Object.values(ReasonCode);
const SIDES: Side[] = ['SHELTER', 'ORGANISATION'];
// IN_FOLLOW_UP is open, but only the follow-up moves a referral out of it (follow-up.service.ts): no action here.
const OPEN = [DRAFT, SENT, RECEIVED, ACCEPTED, IN_PROGRESS, IN_FOLLOW_UP, ON_HOLD];
const CLOSED = [DECLINED, COMPLETED, NOT_COMPLETED, CANCELLED, EXPIRED, REDIRECTED];

/** The allowed actions, by hand, for every state and side. */
const ALLOWED: Record<ReferralStatus, Record<Side, ReferralAction[]>> = {
  DRAFT: { SHELTER: ['SEND', 'CANCEL'], ORGANISATION: [] },
  SENT: { SHELTER: ['CANCEL'], ORGANISATION: ['RECEIVE', 'HOLD'] },
  RECEIVED: { SHELTER: ['CANCEL'], ORGANISATION: ['ACCEPT', 'DECLINE', 'HOLD'] },
  ACCEPTED: { SHELTER: ['CANCEL'], ORGANISATION: ['START', 'MARK_NOT_COMPLETED', 'HOLD'] },
  IN_PROGRESS: { SHELTER: ['CANCEL'], ORGANISATION: ['COMPLETE', 'MARK_NOT_COMPLETED', 'HOLD'] },
  IN_FOLLOW_UP: { SHELTER: [], ORGANISATION: [] },
  ON_HOLD: { SHELTER: ['CANCEL'], ORGANISATION: ['RESUME'] },
  DECLINED: { SHELTER: [], ORGANISATION: [] },
  COMPLETED: { SHELTER: [], ORGANISATION: [] },
  NOT_COMPLETED: { SHELTER: [], ORGANISATION: [] },
  CANCELLED: { SHELTER: [], ORGANISATION: [] },
  EXPIRED: { SHELTER: [], ORGANISATION: [] },
  REDIRECTED: { SHELTER: [], ORGANISATION: [] },
} as Record<ReferralStatus, Record<Side, ReferralAction[]>>;

const sorted = <T>(values: readonly T[]): T[] => [...values].sort();

describe('the hand-written table itself', () => {
  it('covers every status, action and reason code of the enums', () => {
    expect(sorted(Object.keys(EXPECTED))).toEqual(sorted(ACTIONS));
    expect(sorted(Object.keys(ALLOWED))).toEqual(sorted(STATUSES));
    expect(sorted([...OPEN, ...CLOSED])).toEqual(sorted(STATUSES));
    expect(STATUSES).toHaveLength(13);
    expect(ACTIONS).toHaveLength(10);
    expect(REASONS).toHaveLength(10);
  });
});

describe('checkTransition: every status × action × side', () => {
  const rows = STATUSES.flatMap((status) => ACTIONS.flatMap((action) => SIDES.map((side) => [status, action, side] as const)));

  it('has 13 × 10 × 2 = 260 rows', () => expect(rows).toHaveLength(260));

  it.each(rows)('%s + %s by %s', (status, action, side) => {
    const expected = EXPECTED[action];
    // Give a reason exactly when the action takes one, so that only who and when decide the row.
    const reason = expected.reasons?.[0];
    const check = checkTransition(status, action, side, reason);
    if (expected.by !== side) {
      expect(check).toEqual({ ok: false, problem: 'WRONG_SIDE', allowed: expect.any(Array) });
      if (!check.ok) expect(sorted(check.allowed)).toEqual(sorted(ALLOWED[status][side]));
    } else if (!expected.from.includes(status)) {
      expect(check).toEqual({ ok: false, problem: 'ILLEGAL', allowed: expect.any(Array) });
      if (!check.ok) expect(sorted(check.allowed)).toEqual(sorted(ALLOWED[status][side]));
    } else {
      expect(check).toEqual({ ok: true, to: expected.to });
    }
  });

  it('has exactly 19 legal (status, action, side) combinations', () => {
    const legal = rows
      .filter(([status, action, side]) => checkTransition(status, action, side, EXPECTED[action].reasons?.[0]).ok)
      .map(([s, a, side]) => `${s} ${a} ${side}`);
    expect(legal.sort()).toEqual(
      [
        'DRAFT SEND SHELTER',
        'SENT RECEIVE ORGANISATION',
        'RECEIVED ACCEPT ORGANISATION',
        'RECEIVED DECLINE ORGANISATION',
        'ACCEPTED START ORGANISATION',
        'IN_PROGRESS COMPLETE ORGANISATION',
        'ACCEPTED MARK_NOT_COMPLETED ORGANISATION',
        'IN_PROGRESS MARK_NOT_COMPLETED ORGANISATION',
        'SENT HOLD ORGANISATION',
        'RECEIVED HOLD ORGANISATION',
        'ACCEPTED HOLD ORGANISATION',
        'IN_PROGRESS HOLD ORGANISATION',
        'ON_HOLD RESUME ORGANISATION',
        'DRAFT CANCEL SHELTER',
        'SENT CANCEL SHELTER',
        'RECEIVED CANCEL SHELTER',
        'ACCEPTED CANCEL SHELTER',
        'IN_PROGRESS CANCEL SHELTER',
        'ON_HOLD CANCEL SHELTER',
      ].sort(),
    );
  });

  it.each(CLOSED)('%s is closed: no action by either side, with or without any reason', (status) => {
    for (const action of ACTIONS) {
      for (const side of SIDES) {
        for (const reason of [undefined, null, ...REASONS]) {
          expect(checkTransition(status, action, side, reason).ok).toBe(false);
        }
      }
    }
    expect(allowedActions(status, 'SHELTER')).toEqual([]);
    expect(allowedActions(status, 'ORGANISATION')).toEqual([]);
  });

  it('the wrong side is WRONG_SIDE even where the state would allow the action', () => {
    expect(checkTransition(RECEIVED, ReferralAction.ACCEPT, 'SHELTER')).toEqual({ ok: false, problem: 'WRONG_SIDE', allowed: ['CANCEL'] });
    expect(checkTransition(SENT, ReferralAction.CANCEL, 'ORGANISATION', R.NO_LONGER_INTERESTED)).toEqual({
      ok: false,
      problem: 'WRONG_SIDE',
      allowed: ['RECEIVE', 'HOLD'],
    });
    expect(checkTransition(DRAFT, ReferralAction.SEND, 'ORGANISATION')).toEqual({ ok: false, problem: 'WRONG_SIDE', allowed: [] });
    expect(checkTransition(ON_HOLD, ReferralAction.RESUME, 'SHELTER')).toEqual({ ok: false, problem: 'WRONG_SIDE', allowed: ['CANCEL'] });
  });

  it('an illegal action names what is allowed now', () => {
    expect(checkTransition(SENT, ReferralAction.ACCEPT, 'ORGANISATION')).toEqual({ ok: false, problem: 'ILLEGAL', allowed: ['RECEIVE', 'HOLD'] });
    expect(checkTransition(ON_HOLD, ReferralAction.HOLD, 'ORGANISATION')).toEqual({ ok: false, problem: 'ILLEGAL', allowed: ['RESUME'] });
    expect(checkTransition(DRAFT, ReferralAction.HOLD, 'ORGANISATION')).toEqual({ ok: false, problem: 'ILLEGAL', allowed: [] });
    expect(checkTransition(SENT, ReferralAction.SEND, 'SHELTER')).toEqual({ ok: false, problem: 'ILLEGAL', allowed: ['CANCEL'] });
    expect(checkTransition(COMPLETED, ReferralAction.CANCEL, 'SHELTER', R.GOT_HELP)).toEqual({ ok: false, problem: 'ILLEGAL', allowed: [] });
  });
});

describe('reasons', () => {
  /** Every (action, reason) at a state the action is legal from, by the right side. */
  const rows = ACTIONS.flatMap((action) => REASONS.map((reason) => [action, reason] as const));

  it.each(rows)('%s with %s', (action, reason) => {
    const expected = EXPECTED[action];
    const check = checkTransition(expected.from[0]!, action, expected.by, reason);
    if (!expected.reasons) {
      expect(check).toEqual({ ok: false, problem: 'REASON_NOT_ALLOWED', allowed: [] });
    } else if (expected.reasons.includes(reason)) {
      expect(check).toEqual({ ok: true, to: expected.to });
    } else {
      expect(check).toEqual({ ok: false, problem: 'REASON_NOT_ALLOWED', allowed: expect.any(Array) });
      if (!check.ok) expect(sorted(check.allowed)).toEqual(sorted(expected.reasons));
    }
  });

  it.each(ACTIONS.filter((a) => EXPECTED[a].reasons))('%s without a reason is REASON_REQUIRED, naming its reasons', (action) => {
    const expected = EXPECTED[action];
    for (const status of expected.from) {
      for (const missing of [undefined, null]) {
        const check = checkTransition(status, action, expected.by, missing);
        expect(check).toEqual({ ok: false, problem: 'REASON_REQUIRED', allowed: expect.any(Array) });
        if (!check.ok) expect(sorted(check.allowed)).toEqual(sorted(expected.reasons!));
      }
    }
  });

  it.each(ACTIONS.filter((a) => !EXPECTED[a].reasons))('%s takes no reason and needs none', (action) => {
    const expected = EXPECTED[action];
    for (const status of expected.from) {
      expect(checkTransition(status, action, expected.by)).toEqual({ ok: true, to: expected.to });
      expect(checkTransition(status, action, expected.by, null)).toEqual({ ok: true, to: expected.to });
    }
  });

  it('the platform-only reasons are never accepted from a person', () => {
    for (const action of ACTIONS) {
      const expected = EXPECTED[action];
      for (const status of expected.from) {
        expect(checkTransition(status, action, expected.by, R.CONSENT_WITHDRAWN).ok).toBe(false);
        expect(checkTransition(status, action, expected.by, R.NO_ANSWER).ok).toBe(false);
      }
    }
  });

  it('reasons are checked only after who and when', () => {
    expect(checkTransition(SENT, ReferralAction.DECLINE, 'ORGANISATION')).toMatchObject({ ok: false, problem: 'ILLEGAL' });
    expect(checkTransition(RECEIVED, ReferralAction.DECLINE, 'SHELTER')).toMatchObject({ ok: false, problem: 'WRONG_SIDE' });
  });
});

describe('allowedActions', () => {
  const rows = STATUSES.flatMap((status) => SIDES.map((side) => [status, side, ALLOWED[status][side]] as const));
  it.each(rows)('%s for %s → %j', (status, side, expected) => {
    expect(sorted(allowedActions(status, side))).toEqual(sorted(expected));
  });

  it('every allowed action passes checkTransition with a valid reason, and no other action does', () => {
    for (const status of STATUSES) {
      for (const side of SIDES) {
        const passing = ACTIONS.filter((action) => checkTransition(status, action, side, EXPECTED[action].reasons?.[0]).ok);
        expect(sorted(passing)).toEqual(sorted(allowedActions(status, side)));
      }
    }
  });
});

describe('isOpen', () => {
  it.each(STATUSES.map((s) => [s, OPEN.includes(s)] as const))('%s → %s', (status, open) => {
    expect(isOpen(status)).toBe(open);
  });
});
