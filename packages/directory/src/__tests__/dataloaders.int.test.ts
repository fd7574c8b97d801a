import type { EntityManager } from '@mikro-orm/postgresql';

import { ActivityEntity } from '../modules/activities/activity.entity.js';
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

    // bydeler; organisations by bydel (one join through the pivot); activities by organisation; contact persons by id.
    expect(small.statements).toHaveLength(4);
    expect(large.statements).toHaveLength(small.statements.length);
  });
});
