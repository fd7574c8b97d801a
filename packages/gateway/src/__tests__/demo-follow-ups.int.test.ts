import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_IDS, seedDemoData } from '@samspill/directory';

import { seedDemoReferrals } from '../demo/demo-referrals.js';
import { type Caller, PlatformTestApp } from './support/platform.js';

describe('the demo data: Ressursvenn matches in several stages, and frivilligsentral helpers in several bydeler', () => {
  let app: PlatformTestApp;
  const sanitet: Caller = { role: 'ORG_EDITOR', organisationId: DEMO_IDS.osloSanitetsforening, subject: 'demo-editor-sanitet' };
  const shelter: Caller = { role: 'SHELTER_STAFF', organisationId: DEMO_IDS.osloKrisesenter, subject: 'demo-shelter-staff' };

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    await seedDemoData(app.directoryEm(), app.now);
    await seedDemoReferrals(app.referralsEm(), app.directoryEm() as EntityManager, app.config.referrals);
  });
  afterAll(() => app.close());

  it('Oslo Sanitetsforening runs Ressursvenn follow-ups waiting, matched with check-ins, and ended; one consent is due for renewal', async () => {
    const { followUps } = await app.ok(
      '{ followUps(first: 50) { nodes { stage commitmentMonths volunteerReference nextCheckInOn consentRenewalDue checkIns { outcome } } } }',
      { as: sanitet },
    );
    type Node = {
      stage: string;
      commitmentMonths: number;
      volunteerReference: string | null;
      consentRenewalDue: boolean;
      checkIns: Array<{ outcome: string | null }>;
    };
    const nodes = followUps.nodes as Node[];
    expect(new Set(nodes.map((n) => n.stage))).toEqual(new Set(['WAITING_FOR_VOLUNTEER', 'MATCHED', 'ENDED']));
    expect(nodes.every((n) => n.commitmentMonths === 12)).toBe(true);
    const matched = nodes.filter((n) => n.stage === 'MATCHED');
    expect(matched.every((n) => /^RV-\d{4}-\d{3}$/.test(n.volunteerReference ?? ''))).toBe(true);
    expect(matched.flatMap((n) => n.checkIns.map((c) => c.outcome))).toEqual(expect.arrayContaining(['DONE', 'MISSED', null]));
    expect(nodes.filter((n) => n.consentRenewalDue)).toHaveLength(1);
  });

  it('the shelter sees the stages of all its follow-ups, never a volunteer', async () => {
    const { followUps } = await app.ok('{ followUps(first: 50) { totalCount nodes { stage volunteerReference } } }', { as: shelter });
    expect(followUps.totalCount).toBe(6);
    expect(followUps.nodes.every((n: { volunteerReference: string | null }) => n.volunteerReference === null)).toBe(true);
  });

  it('frivilligsentralers’ helpers after the shelter are offered in several bydeler, with their volunteer terms', async () => {
    const { activities } = await app.ok(
      '{ activities(first: 50, filter: { categories: [PRACTICAL_HELP], text: "krisesenteret" }) { nodes { title commitmentMonths requiresVolunteerCourse bydel { code } organisation { name } } } }',
      { as: shelter },
    );
    const helpers = (
      activities.nodes as Array<{ title: string; commitmentMonths: number | null; bydel: { code: string } | null; organisation: { name: string } }>
    ).filter((a) => a.commitmentMonths !== null);
    expect(new Set(helpers.map((h) => h.bydel?.code)).size).toBeGreaterThanOrEqual(4);
    expect(helpers.every((h) => /frivilligsentral/i.test(h.organisation.name))).toBe(true);
  });
});
