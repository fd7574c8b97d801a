import type { EntityManager } from '@mikro-orm/postgresql';
import { DAY_MS, osloDateOf, type Principal } from '@samspill/core';
import { ActivityEntity } from '@samspill/directory';
import {
  CheckInOutcome,
  type DirectoryLookup,
  FollowUpEndReason,
  FollowUpService,
  ReferralAction,
  ReferralService,
  type ReferralSettings,
} from '@samspill/referrals';

interface FollowUpStory {
  reference: string;
  /** The activity, by title. */
  offer: string;
  /** When the referral was made. */
  daysAgo: number;
  /** Days after the referral the volunteer was matched; absent: still waiting for one. */
  matchedAfter?: number;
  volunteer?: string;
  /** Check-ins, in days after the match: past ones are recorded (DONE, or MISSED when negative), later ones planned. */
  checkIns?: number[];
  /** How long the consent she gave lasts, in days from the referral. */
  consentDays: number;
  /** Ended this many days after the referral, with this reason. */
  ended?: [number, FollowUpEndReason];
}

const RESSURSVENN = 'Ressursvenn – en frivillig venn i ett år';
const HELPER = 'Hjelp etter krisesenteret – frivillig hjelper';

/** Ressursvenn matches and frivilligsentral helpers in every stage, for the demo shelter and organisations. */
const STORIES: FollowUpStory[] = [
  { reference: 'OK-2026-150', offer: RESSURSVENN, daysAgo: 4, consentDays: 360 },
  { reference: 'OK-2026-151', offer: RESSURSVENN, daysAgo: 60, matchedAfter: 10, volunteer: 'RV-2026-031', checkIns: [14, -28, 42, 70], consentDays: 360 },
  // Her consent ends in about three weeks, long before the year does: the renewal is due.
  {
    reference: 'OK-2026-152',
    offer: RESSURSVENN,
    daysAgo: 320,
    matchedAfter: 12,
    volunteer: 'RV-2025-112',
    checkIns: [30, 90, 180, 300, 330],
    consentDays: 340,
  },
  {
    reference: 'OK-2026-153',
    offer: RESSURSVENN,
    daysAgo: 300,
    matchedAfter: 8,
    volunteer: 'RV-2025-097',
    checkIns: [30, 120],
    consentDays: 360,
    ended: [280, FollowUpEndReason.GOAL_REACHED],
  },
  { reference: 'OK-2026-154', offer: HELPER, daysAgo: 30, matchedAfter: 3, volunteer: 'FS-STO-2026-07', checkIns: [7, 21, 35], consentDays: 180 },
  { reference: 'OK-2026-155', offer: HELPER, daysAgo: 9, consentDays: 180 },
];

/**
 * Demo follow-ups, walked through the real workflow with a clock set back in time (the seeding
 * clock): referral, acceptance, the follow-up, the match and the check-ins, some ended. The
 * helpers are spread over the frivilligsentralers' offers in several bydeler.
 */
export async function seedDemoFollowUps(
  referralsEm: EntityManager,
  directoryEm: EntityManager,
  lookup: DirectoryLookup,
  settings: ReferralSettings,
  shelterStaff: Principal,
  editorOf: (organisationId: string) => Principal,
): Promise<number> {
  let made = 0;
  const seededAt = Date.now();
  for (const story of STORIES) {
    const offers = await directoryEm.find(ActivityEntity, { title: story.offer, status: 'PUBLISHED' } as never, { orderBy: { id: 'asc' } });
    const offer = offers[made % offers.length];
    if (!offer) continue;
    let clock = seededAt - story.daysAgo * DAY_MS;
    const now = () => new Date(clock);
    const at = (daysAfterReferral: number) => {
      clock = Math.min(seededAt, seededAt - story.daysAgo * DAY_MS + daysAfterReferral * DAY_MS);
    };
    const editor = editorOf(offer.organisation.id);
    const referrals = (p: Principal) => new ReferralService(referralsEm, p, lookup, settings, now);
    const followUps = new FollowUpService(referralsEm, editor, lookup, now);
    const created = await referrals(shelterStaff).create({
      activityId: offer.id,
      pseudonymousReference: story.reference,
      ageGroup: 'ADULT' as never,
      languages: ['no'],
      needDescription: 'Ønsker støtte i hverdagen etter at hun har flyttet fra krisesenteret.',
      consent: {
        scope: ['PSEUDONYMOUS_REFERENCE', 'AGE_GROUP', 'LANGUAGES', 'NEED_DESCRIPTION'] as never,
        expiresOn: osloDateOf(new Date(clock + story.consentDays * DAY_MS)),
        followUpAfterLeavingShelter: true,
      },
    });
    let version = created.version;
    for (const [step, action] of [
      [0.1, ReferralAction.SEND],
      [1, ReferralAction.RECEIVE],
      [2, ReferralAction.ACCEPT],
    ] as const) {
      at(step);
      version = (await referrals(action === ReferralAction.SEND ? shelterStaff : editor).transition(created.id, action, null, version)).version;
    }
    at(2.1);
    let followUp = await followUps.start(created.id, version, true);
    if (story.matchedAfter !== undefined) {
      at(story.matchedAfter);
      followUp = await followUps.match(followUp.id, {
        version: followUp.version,
        volunteerReference: story.volunteer!,
        courseConfirmed: true,
        womenOnlyConfirmed: true,
      });
      const matchedAt = story.matchedAfter;
      for (const days of story.checkIns ?? []) {
        followUp = await followUps.planCheckIn(
          followUp.id,
          osloDateOf(new Date(seededAt - (story.daysAgo - matchedAt - Math.abs(days)) * DAY_MS)),
          followUp.version,
        );
      }
      for (const days of story.checkIns ?? []) {
        if (matchedAt + Math.abs(days) > story.daysAgo) continue;
        at(matchedAt + Math.abs(days));
        const checkIn = followUp.checkIns!.find((c) => !c.outcome)!;
        followUp = await followUps.recordCheckIn(checkIn.id, { version: followUp.version, outcome: days < 0 ? CheckInOutcome.MISSED : CheckInOutcome.DONE });
      }
    }
    if (story.ended) {
      at(story.ended[0]);
      await followUps.end(followUp.id, { version: followUp.version, reason: story.ended[1] });
    }
    referralsEm.clear();
    made++;
  }
  return made;
}
