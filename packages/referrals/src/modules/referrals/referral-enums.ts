import { registerEnumType } from 'type-graphql';

export enum ReferralStatus {
  DRAFT = 'DRAFT',
  SENT = 'SENT',
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  IN_PROGRESS = 'IN_PROGRESS',
  IN_FOLLOW_UP = 'IN_FOLLOW_UP',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
  ON_HOLD = 'ON_HOLD',
  CANCELLED = 'CANCELLED',
  EXPIRED = 'EXPIRED',
  REDIRECTED = 'REDIRECTED',
}

export enum ReferralAction {
  SEND = 'SEND',
  RECEIVE = 'RECEIVE',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  START = 'START',
  COMPLETE = 'COMPLETE',
  MARK_NOT_COMPLETED = 'MARK_NOT_COMPLETED',
  HOLD = 'HOLD',
  RESUME = 'RESUME',
  CANCEL = 'CANCEL',
}

export enum ReasonCode {
  NO_CAPACITY = 'NO_CAPACITY',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  COULD_NOT_CONTACT = 'COULD_NOT_CONTACT',
  RESIDENT_DECLINED = 'RESIDENT_DECLINED',
  NO_LONGER_INTERESTED = 'NO_LONGER_INTERESTED',
  REFERRED_ELSEWHERE = 'REFERRED_ELSEWHERE',
  GOT_HELP = 'GOT_HELP',
  /** Set by the platform, never chosen: the shelter withdrew consent. */
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  /** Set by the platform, never chosen: the organisation did not answer in time. */
  NO_ANSWER = 'NO_ANSWER',
  /** Set by the platform, never chosen: its follow-up ended otherwise than with the goal reached (the follow-up holds why). */
  FOLLOW_UP_ENDED = 'FOLLOW_UP_ENDED',
}

export enum TargetKind {
  ACTIVITY = 'ACTIVITY',
  PET_CARE_OFFER = 'PET_CARE_OFFER',
}

export enum AgeGroup {
  CHILD = 'CHILD',
  YOUTH = 'YOUTH',
  YOUNG_ADULT = 'YOUNG_ADULT',
  ADULT = 'ADULT',
  SENIOR = 'SENIOR',
}

/** The personal fields a consent can let the receiving organisation see. */
export enum ConsentField {
  PSEUDONYMOUS_REFERENCE = 'PSEUDONYMOUS_REFERENCE',
  AGE_GROUP = 'AGE_GROUP',
  LANGUAGES = 'LANGUAGES',
  CHILDREN = 'CHILDREN',
  PETS = 'PETS',
  NEED_DESCRIPTION = 'NEED_DESCRIPTION',
}

export enum PetSpecies {
  DOG = 'DOG',
  CAT = 'CAT',
  SMALL_MAMMAL = 'SMALL_MAMMAL',
  BIRD = 'BIRD',
  REPTILE = 'REPTILE',
  OTHER = 'OTHER',
}

registerEnumType(ReferralStatus, {
  name: 'ReferralStatus',
  valuesConfig: {
    DRAFT: { description: 'Being prepared by the shelter; the organisation does not see it.' },
    SENT: { description: 'Sent; waiting for the organisation to open it.' },
    RECEIVED: { description: 'The organisation has opened it.' },
    ACCEPTED: { description: 'The organisation will take the resident in.' },
    DECLINED: { description: 'The organisation said no (with a reason); the shelter may redirect it.' },
    IN_PROGRESS: { description: 'The resident has started.' },
    IN_FOLLOW_UP: {
      description:
        'Accepted to a mentoring or practical-help offer and followed up by the organisation (see `followUp`); it closes when the follow-up ends: COMPLETED when the goal was reached, NOT_COMPLETED (FOLLOW_UP_ENDED) otherwise.',
    },
    COMPLETED: { description: 'Closed with an outcome.' },
    NOT_COMPLETED: { description: 'Closed without completing (with a reason).' },
    ON_HOLD: { description: 'On the wait-list; resumes to the state it was in.' },
    CANCELLED: { description: 'Cancelled by the shelter (with a reason), or because consent was withdrawn.' },
    EXPIRED: { description: 'The organisation did not answer in time.' },
    REDIRECTED: { description: 'Declined and sent on as a new, linked referral.' },
  },
});
registerEnumType(ReferralAction, {
  name: 'ReferralAction',
  valuesConfig: {
    SEND: { description: 'Shelter: send a draft (needs valid consent).' },
    RECEIVE: { description: 'Organisation: acknowledge that it has been opened.' },
    ACCEPT: { description: 'Organisation: take the resident in.' },
    DECLINE: { description: 'Organisation: say no, with a reason (NO_CAPACITY, NOT_ELIGIBLE, COULD_NOT_CONTACT, RESIDENT_DECLINED).' },
    START: { description: 'Organisation: the resident has started.' },
    COMPLETE: { description: 'Organisation: close with an outcome (GOT_HELP, REFERRED_ELSEWHERE).' },
    MARK_NOT_COMPLETED: { description: 'Organisation: close without completing, with a reason.' },
    HOLD: { description: 'Organisation: put on the wait-list.' },
    RESUME: { description: 'Organisation: take off the wait-list, back to where it was.' },
    CANCEL: { description: 'Shelter: cancel, with a reason (RESIDENT_DECLINED, NO_LONGER_INTERESTED, GOT_HELP, REFERRED_ELSEWHERE).' },
  },
});
registerEnumType(ReasonCode, { name: 'ReasonCode' });
registerEnumType(TargetKind, { name: 'ReferralTargetKind' });
registerEnumType(AgeGroup, { name: 'AgeGroup', description: 'CHILD 0–12, YOUTH 13–17, YOUNG_ADULT 18–29, ADULT 30–59, SENIOR 60+.' });
registerEnumType(ConsentField, { name: 'ConsentField' });
registerEnumType(PetSpecies, { name: 'PetSpecies' });
