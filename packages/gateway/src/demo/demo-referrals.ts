import type { EntityManager } from '@mikro-orm/postgresql';
import { DAY_MS, type Principal } from '@samspill/core';
import { ActivityEntity, DEMO_BYDEL, DEMO_IDS, DEMO_USERS, PetCareOfferEntity } from '@samspill/directory';
import {
  type DirectoryLookup,
  type OfferFacts,
  ReasonCode,
  ReferralAction,
  ReferralEntity,
  ReferralService,
  type ReferralSettings,
  TargetKind,
} from '@samspill/referrals';

import { seedDemoFollowUps } from './demo-follow-ups.js';

type Step = [ReferralAction, ReasonCode?];

interface Story {
  reference: string;
  daysAgo: number;
  steps: Step[];
  need: string;
}

/** Where each demo referral has got to, walked through the real workflow. */
const STORIES: Array<Story & { organisation: keyof typeof DEMO_IDS }> = [
  { reference: 'OK-2026-101', organisation: 'osloRodeKors', daysAgo: 1, steps: [], need: 'Ønsker et sosialt tilbud på kveldstid, gjerne med andre kvinner.' },
  {
    reference: 'OK-2026-102',
    organisation: 'osloRodeKors',
    daysAgo: 3,
    steps: [[ReferralAction.SEND]],
    need: 'Trenger leksehjelp for to barn i barneskolealder.',
  },
  {
    reference: 'OK-2026-103',
    organisation: 'reddBarna',
    daysAgo: 6,
    steps: [[ReferralAction.SEND], [ReferralAction.RECEIVE]],
    need: 'Ønsker aktivitet for barna i helgene.',
  },
  {
    reference: 'OK-2026-104',
    organisation: 'osloRodeKors',
    daysAgo: 12,
    steps: [[ReferralAction.SEND], [ReferralAction.RECEIVE], [ReferralAction.ACCEPT]],
    need: 'Vil gjerne øve på norsk muntlig.',
  },
  {
    reference: 'OK-2026-105',
    organisation: 'reddBarna',
    daysAgo: 20,
    steps: [[ReferralAction.SEND], [ReferralAction.RECEIVE], [ReferralAction.ACCEPT], [ReferralAction.START]],
    need: 'Ungdom som trenger et fast sted å være etter skolen.',
  },
  {
    reference: 'OK-2026-106',
    organisation: 'osloRodeKors',
    daysAgo: 40,
    steps: [[ReferralAction.SEND], [ReferralAction.RECEIVE], [ReferralAction.ACCEPT], [ReferralAction.START], [ReferralAction.COMPLETE, ReasonCode.GOT_HELP]],
    need: 'Trenger hjelp med å skrive CV og søke jobb.',
  },
  {
    reference: 'OK-2026-107',
    organisation: 'reddBarna',
    daysAgo: 25,
    steps: [[ReferralAction.SEND], [ReferralAction.RECEIVE], [ReferralAction.DECLINE, ReasonCode.NO_CAPACITY]],
    need: 'Ønsker ferietilbud for barna i vinterferien.',
  },
  {
    reference: 'OK-2026-108',
    organisation: 'osloRodeKors',
    daysAgo: 9,
    steps: [[ReferralAction.SEND], [ReferralAction.RECEIVE], [ReferralAction.HOLD]],
    need: 'Ønsker en mentor i overgangen til egen bolig.',
  },
  {
    reference: 'OK-2026-109',
    organisation: 'reddBarna',
    daysAgo: 15,
    steps: [[ReferralAction.SEND], [ReferralAction.CANCEL, ReasonCode.NO_LONGER_INTERESTED]],
    need: 'Ønsket turgruppe, men har flyttet ut av Oslo.',
  },
];

/** Asks the directory's own tables (in-process) about an offer: for seeding demo data only. */
function directoryOf(em: EntityManager): DirectoryLookup {
  return {
    async offer(kind, id): Promise<OfferFacts> {
      if (kind === TargetKind.ACTIVITY) {
        const activity = await em.findOneOrFail(ActivityEntity, { id }, { populate: ['organisation'] });
        return {
          organisationId: activity.organisation.id,
          bydelCode: activity.bydel?.code ?? null,
          category: activity.category,
          answerWithinHours: null,
          meetsVolunteerRequirements: activity.organisation.volunteerRequirementsMetAt != null,
          volunteers: {
            commitmentMonths: activity.commitmentMonths ?? null,
            requiresVolunteerCourse: activity.requiresVolunteerCourse,
            womenOnlyVolunteers: activity.womenOnlyVolunteers,
          },
        };
      }
      const offer = await em.findOneOrFail(PetCareOfferEntity, { id }, { populate: ['organisation'] });
      return {
        organisationId: offer.organisation.id,
        bydelCode: null,
        category: 'PET_CARE',
        answerWithinHours: offer.answerWithinHours,
        meetsVolunteerRequirements: offer.organisation.volunteerRequirementsMetAt != null,
        volunteers: null,
      };
    },
  };
}

/**
 * Demo referrals from Oslo Krisesenter in several states, made through the real workflow with a
 * clock set back in time, plus a batch in an earlier month whose statistics cells are large enough to publish.
 * Skipped when referrals already exist.
 */
export async function seedDemoReferrals(referralsEm: EntityManager, directoryEm: EntityManager, settings: ReferralSettings): Promise<boolean> {
  if ((await referralsEm.count(ReferralEntity, {})) > 0) return false;
  const staff = DEMO_USERS.find((u) => u.role === 'SHELTER_STAFF')!;
  const shelterStaff: Principal = { kind: 'user', subject: staff.subject, role: 'SHELTER_STAFF', organisationId: staff.organisationId };
  const editorOf = (organisationId: string): Principal => ({
    kind: 'user',
    subject: `demo-editor-${organisationId.slice(-2)}`,
    role: 'ORG_EDITOR',
    organisationId,
  });
  const lookup = directoryOf(directoryEm);

  const activitiesOf = async (where: { organisation: string } | { bydel: string }) =>
    directoryEm.find(ActivityEntity, { bydel: { $ne: null }, ...where, status: 'PUBLISHED' } as never, { orderBy: { title: 'asc' } });

  let made = 0;
  const tell = async (story: Story, organisationId: string, activityId: string) => {
    let clock = Date.now() - story.daysAgo * DAY_MS;
    const now = () => new Date(clock);
    const service = (p: Principal) => new ReferralService(referralsEm, p, lookup, settings, now);
    const created = await service(shelterStaff).create({
      activityId,
      pseudonymousReference: story.reference,
      ageGroup: 'ADULT' as never,
      languages: ['no', 'ar'],
      interpreterNeeded: made % 3 === 0,
      childrenAges: made % 2 === 0 ? [7, 10] : [],
      needDescription: story.need,
      consent: {
        scope: ['AGE_GROUP', 'LANGUAGES', 'CHILDREN', 'NEED_DESCRIPTION'] as never,
        expiresOn: new Date(clock + 180 * DAY_MS).toISOString().slice(0, 10),
      },
    });
    let version = created.version;
    for (const [action, reason] of story.steps) {
      clock += DAY_MS / 2;
      const actor = action === ReferralAction.SEND || action === ReferralAction.CANCEL ? shelterStaff : editorOf(organisationId);
      version = (await service(actor).transition(created.id, action, reason ?? null, version)).version;
    }
    referralsEm.clear();
    made++;
  };

  for (const story of STORIES) {
    const activities = await activitiesOf({ organisation: DEMO_IDS[story.organisation] });
    await tell(story, DEMO_IDS[story.organisation], activities[made % activities.length]!.id);
  }
  // Statistics publish only final months, never a cell under 5, and withhold a whole month when a
  // small cell cannot be protected. So the demo integrator's figures come from a month about three
  // months back, which none of the stories above reaches (they are at most 40 days old), holding
  // only cells of 5 or more: 6 completed and 5 cancelled referrals to one activity in the demo bydel.
  const [popular] = await activitiesOf({ bydel: DEMO_BYDEL });
  const completed: Step[] = [
    [ReferralAction.SEND],
    [ReferralAction.RECEIVE],
    [ReferralAction.ACCEPT],
    [ReferralAction.START],
    [ReferralAction.COMPLETE, ReasonCode.GOT_HELP],
  ];
  const cancelled: Step[] = [[ReferralAction.SEND], [ReferralAction.CANCEL, ReasonCode.NO_LONGER_INTERESTED]];
  for (let i = 0; i < 11; i++) {
    const steps = i < 6 ? completed : cancelled;
    const story = { reference: `OK-2026-2${String(i).padStart(2, '0')}`, daysAgo: 90, steps, need: 'Ønsker å delta jevnlig.' };
    await tell(story, popular!.organisation.id, popular!.id);
  }
  await seedDemoFollowUps(referralsEm, directoryEm, lookup, settings, shelterStaff, editorOf);
  return true;
}
