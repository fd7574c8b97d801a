import type { EntityManager } from '@mikro-orm/postgresql';

import { LeanRows } from '../lean-rows.js';
import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { activityReadModel } from '../modules/activities/activity.row.js';
import { ActivityCategory, JoinMode, VenueKind } from '../modules/activities/activity-enums.js';
import { OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import { makeContact, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

const NESTED = `{
  bydeler {
    code
    organisations {
      name
      activities { title contactPerson { name } }
    }
  }
}`;

/** 10 organisations over 5 bydeler, each with a contact person, and `count` activities spread over them. */
async function arrange(em: EntityManager, count: number): Promise<void> {
  const organisations = [];
  for (let i = 0; i < 10; i++) {
    const organisation = await makeOrganisation(em, { name: `Org ${i}`, bydeler: [`03010${(i % 5) + 1}`] });
    organisations.push({ organisation, contact: await makeContact(em, organisation, `Kontakt ${i}`) });
  }
  for (let i = 0; i < count; i++) {
    const { organisation, contact } = organisations[i % 10]!;
    em.create(ActivityEntity, {
      organisation,
      contactPerson: contact,
      title: `Aktivitet ${String(i).padStart(4, '0')}`,
      description: 'Beskrivelse',
      category: ActivityCategory.SOCIAL,
      venueKind: VenueKind.ONLINE,
      joinMode: JoinMode.OPEN,
      status: OfferStatus.PUBLISHED,
      audience: OfferAudience.PUBLIC,
      schedule: { weekly: [], exceptions: [], dates: [] },
    });
  }
  await em.flush();
}

async function measure(count: number) {
  const app = await DirectoryTestApp.start();
  try {
    await seedBydeler(app.em());
    await arrange(app.em(), count);
    const as = { role: 'SHELTER_STAFF' as const, organisationId: '00000000-0000-4000-8000-000000000001' };
    const token = await app.token(as);
    let body: any;
    const statements = await app.countStatements(async () => {
      body = (await app.query(NESTED, { token })).body;
    });
    return { statements, body };
  } finally {
    await app.close();
  }
}

describe('per-request DataLoaders', () => {
  it('runs the same few SQL statements for bydeler → organisations → activities → contact persons with 10 and with 1,000 activities', async () => {
    const small = await measure(10);
    const large = await measure(1000);

    const activitiesIn = (body: any) =>
      body.data.bydeler.flatMap((b: any) => b.organisations.flatMap((o: any) => o.activities.map((a: any) => a.contactPerson.name)));
    expect(small.body.errors).toBeUndefined();
    expect(large.body.errors).toBeUndefined();
    expect(activitiesIn(small.body)).toHaveLength(10);
    expect(activitiesIn(large.body)).toHaveLength(1000);

    // Organisations by bydel (one join through the pivot); activities by organisation, with their contact
    // persons joined. The bydeler come from the catalogue the server read when it started.
    expect(small.statements).toHaveLength(2);
    expect(large.statements).toHaveLength(small.statements.length);
  });
});

describe('lean rows carry only the columns the operation needs', () => {
  let app: DirectoryTestApp;
  let token: string;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    await seedBydeler(app.em());
    await arrange(app.em(), 4);
    token = await app.token({ role: 'SHELTER_STAFF', organisationId: '00000000-0000-4000-8000-000000000001' });
  });
  afterAll(() => app.close());

  const statementOn = (statements: string[], table: string) => {
    const found = statements.filter((sql) => sql.includes(`"directory".${table} t`) || sql.includes(`"directory"."${table}" t`));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it('leaves out display-only columns nobody asked for, and keeps the columns rules read', async () => {
    let body: any;
    const statements = await app.countStatements(async () => {
      body = (await app.query(`{ bydeler { organisations(first: 2) { name activities(first: 1) { title contactPerson { name } } } } }`, { token })).body;
    });
    expect(body.errors).toBeUndefined();
    const organisations = statementOn(statements, 'organisation');
    expect(organisations).toContain('t."name"');
    expect(organisations).toContain('t."kind"');
    expect(organisations).not.toContain('t."description"');
    expect(organisations).not.toContain('t."public_phone"');
    const activities = statementOn(statements, 'activity');
    expect(activities).toContain('t."title"');
    // last_verified_at is a rule's column too: a stale offer is not shown to anonymous callers.
    for (const rule of ['status', 'audience', 'venue_kind', 'organisation_id', 'location_id', 'contact_person_id', 'last_verified_at'])
      expect(activities).toContain(`t."${rule}"`);
    for (const display of ['description', 'schedule', 'languages', 'published_at']) expect(activities).not.toContain(`t."${display}"`);
    // The contact persons come with the activities, with the columns their own selection needs.
    expect(statements).toHaveLength(2);
    expect(activities).toContain('left join "directory".contact_person j');
    expect(activities).toContain('j."name"');
    expect(activities).not.toContain('j."phone"');
  });

  it("joins an activity's contact person for each way it is selected, and only for signed-in callers", async () => {
    let body: any;
    const statements = await app.countStatements(async () => {
      body = (
        await app.query(`{ bydeler { organisations(first: 2) { activities(first: 2) { a: contactPerson { name } b: contactPerson { phone title } } } } }`, {
          token,
        })
      ).body;
    });
    expect(body.errors).toBeUndefined();
    expect(statements).toHaveLength(2);
    const activities = body.data.bydeler.flatMap((b: any) => b.organisations.flatMap((o: any) => o.activities));
    expect(activities.length).toBeGreaterThan(0);
    for (const activity of activities) {
      expect(activity.a).toEqual({ name: expect.any(String) });
      expect(Object.keys(activity.b).sort()).toEqual(['phone', 'title']);
    }

    // `offers` asks the same loader for the same rows without the join; the join still happens.
    const shared = await app.countStatements(async () => {
      body = (await app.query(`{ bydeler { organisations(first: 2) { offers { title } activities { title contactPerson { name } } } } }`, { token })).body;
    });
    expect(body.errors).toBeUndefined();
    expect(shared.filter((sql) => sql.includes('"directory".contact_person t'))).toEqual([]);

    const anonymous = await app.countStatements(async () => {
      body = (await app.query(`{ bydeler { organisations(first: 2) { activities(first: 2) { title contactPerson { name } } } } }`)).body;
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.some((sql) => sql.includes('"directory".contact_person'))).toBe(false);
  });

  it('loads what a computed field needs, through fragments and interfaces too', async () => {
    let body: any;
    const statements = await app.countStatements(async () => {
      body = (
        await app.query(
          `{ bydeler { organisations(first: 1) { ...Org offers { ... on Activity { daysSinceVerified nextOccurrences(first: 1) { startsAt } } } } } }
           fragment Org on Organisation { meetsVolunteerRequirements activities(first: 1) { description } }`,
          { token },
        )
      ).body;
    });
    expect(body.errors).toBeUndefined();
    const organisations = body.data.bydeler.flatMap((b: any) => b.organisations);
    expect(organisations.length).toBeGreaterThan(0);
    for (const organisation of organisations) {
      expect(organisation.meetsVolunteerRequirements).toBe(false);
      expect(organisation.activities.every((a: any) => a.description === 'Beskrivelse')).toBe(true);
      expect(organisation.offers.every((o: any) => o.daysSinceVerified === 0 && Array.isArray(o.nextOccurrences))).toBe(true);
    }
    expect(statementOn(statements, 'organisation')).toContain('t."volunteer_requirements_met_at"');
    // One statement per distinct `first` (offers asks for 100, the fragment for 1), each with the union.
    const activities = statements.filter((sql) => sql.includes('"directory".activity t'));
    expect(activities).toHaveLength(2);
    for (const sql of activities) for (const needed of ['description', 'schedule', 'last_verified_at']) expect(sql).toContain(`t."${needed}"`);
  });

  it('throws in tests when a field reads a column its selection left out', () => {
    const lean = new LeanRows(app.em(), ActivityEntity, true, activityReadModel);
    const row = lean.view(new Set(['title'])).map({ id: 'x', title: 'Leksehjelp', description: 'kept out', status: 'PUBLISHED' });
    expect(row.title).toBe('Leksehjelp');
    expect(row.status).toBe('PUBLISHED');
    expect(() => row.description).toThrow(/left out/);
    // Outside tests the same read is simply undefined (never a rule column: those are always loaded).
    const relaxed = new LeanRows(app.em(), ActivityEntity, false, activityReadModel)
      .view(new Set(['title']))
      .map({ id: 'x', title: 'Leksehjelp', description: 'kept out' });
    expect(relaxed.description).toBeUndefined();
  });
});
