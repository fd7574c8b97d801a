import { registerEnumType } from 'type-graphql';

/** Where a follow-up is: the organisation moves it on; the sending shelter sees only this and the next check-in. */
export enum FollowUpStage {
  WAITING_FOR_VOLUNTEER = 'WAITING_FOR_VOLUNTEER',
  MATCHED = 'MATCHED',
  ENDED = 'ENDED',
}

export enum FollowUpAction {
  MATCH = 'MATCH',
  PLAN_CHECK_IN = 'PLAN_CHECK_IN',
  RECORD_CHECK_IN = 'RECORD_CHECK_IN',
  END = 'END',
  RENEW_CONSENT = 'RENEW_CONSENT',
}

export enum FollowUpEndReason {
  GOAL_REACHED = 'GOAL_REACHED',
  MOVED = 'MOVED',
  ENDED_BY_WOMAN = 'ENDED_BY_WOMAN',
  VOLUNTEER_STOPPED = 'VOLUNTEER_STOPPED',
  REMATCHED = 'REMATCHED',
}

export enum CheckInOutcome {
  DONE = 'DONE',
  MISSED = 'MISSED',
}

/** The activity categories whose accepted referrals become follow-ups. */
export const FOLLOW_UP_CATEGORIES: readonly string[] = ['MENTORING', 'PRACTICAL_HELP'];

registerEnumType(FollowUpStage, {
  name: 'FollowUpStage',
  valuesConfig: {
    WAITING_FOR_VOLUNTEER: { description: 'Accepted; the organisation looks for a volunteer.' },
    MATCHED: { description: 'A volunteer is matched (by a pseudonymous reference); check-ins are planned and recorded.' },
    ENDED: { description: 'Ended, with a date and a reason.' },
  },
});
registerEnumType(FollowUpAction, {
  name: 'FollowUpAction',
  valuesConfig: {
    MATCH: { description: 'Organisation: match a volunteer (`matchFollowUp`).' },
    PLAN_CHECK_IN: { description: 'Organisation: plan a check-in (`planFollowUpCheckIn`).' },
    RECORD_CHECK_IN: { description: 'Organisation: record a planned check-in as DONE or MISSED (`recordFollowUpCheckIn`).' },
    END: { description: 'Organisation: end it, with a date and a reason (`endFollowUp`).' },
    RENEW_CONSENT: {
      description:
        'Extend the consent it runs under (`renewConsent`): the sending shelter, or the organisation when the follow-up continues after she has left the shelter.',
    },
  },
});
registerEnumType(FollowUpEndReason, {
  name: 'FollowUpEndReason',
  valuesConfig: {
    GOAL_REACHED: { description: 'The goal was reached (the referral closes COMPLETED).' },
    MOVED: { description: 'She moved away, or out of the shelter when the follow-up was not to continue after it.' },
    ENDED_BY_WOMAN: { description: 'She ended it (also when she withdraws consent).' },
    VOLUNTEER_STOPPED: { description: 'The volunteer stopped.' },
    REMATCHED: { description: 'She gets another volunteer: a new follow-up, waiting for a volunteer, continues it.' },
  },
});
registerEnumType(CheckInOutcome, { name: 'CheckInOutcome' });
