import type { GraphQLResponse } from '@samspill/core/testkit';

import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { makeActivity, makeContact, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

/** Norwegian alphabetical order: case does not decide, and æ, ø, å come after z, in that order. */
const NAMES = ['aktivitetshuset', 'Bjørnholt venner', 'Oslo Røde Kors', 'zumbaklubben', 'Ærlig talt', 'Ørsta lag', 'øvingsgruppa', 'Åsane venner'];
/** The order byte for byte (a C collation): capitals first, then å before æ and ø. */
const BYTE_ORDER = [...NAMES].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)) as number);

describe('lists are in Norwegian alphabetical order', () => {
  let app: DirectoryTestApp;
  let staff: TestUser;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Krisesenteret', kind: OrganisationKind.SHELTER });
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id };
    // Made in another order than either, so that neither insertion nor byte order passes.
    for (const name of [...NAMES].reverse()) {
      const organisation = await makeOrganisation(em, { name, bydeler: ['030102'] });
      await makeActivity(em, organisation, { title: name, bydel: em.getReference('BydelEntity', '030102') as never });
      await makePetCareOffer(em, organisation, { title: name });
    }
    const first = await makeOrganisation(em, { name: 'Kontaktene' });
    for (const name of NAMES.slice(0, 5).reverse()) await makeContact(em, first, name);
  });
  afterAll(() => app.close());

  it('is not byte order (the test would prove nothing if it were)', () => {
    expect(BYTE_ORDER).not.toEqual(NAMES);
  });

  const names = (nodes: Array<{ name?: string; title?: string }>) => nodes.map((n) => n.name ?? n.title);

  it('organisations by name, page after page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await app.query(
        `query($after: String) { organisations(filter: { bydel: "030102" }, first: 3, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`,
        { variables: { after } },
      );
      expect(res.body.errors).toBeUndefined();
      seen.push(...names(res.body.data.organisations.nodes));
      if (!res.body.data.organisations.pageInfo.hasNextPage) break;
      after = res.body.data.organisations.pageInfo.endCursor;
    }
    expect(seen).toEqual(NAMES);
  });

  it('activities and pet-care offers by title', async () => {
    const res = await app.query(
      `{ activities(filter: { bydeler: ["030102"] }, sort: TITLE, first: 20) { nodes { title } }
         petCareOffers(first: 20) { nodes { title } } }`,
      { as: staff },
    );
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data.activities.nodes)).toEqual(NAMES);
    expect(names(res.body.data.petCareOffers.nodes)).toEqual(NAMES);
  });

  it("a bydel's organisations and an organisation's contact persons, by name", async () => {
    const res = await app.query(
      `{ bydel(code: "030102") { organisations(first: 20) { name } } organisations(filter: { text: "Kontaktene" }) { nodes { contactPersons { name } } } }`,
      {
        as: staff,
      },
    );
    expect(res.body.errors).toBeUndefined();
    expect(names(res.body.data.bydel.organisations)).toEqual(NAMES);
    expect(names(res.body.data.organisations.nodes[0].contactPersons)).toEqual(NAMES.slice(0, 5));
  });
});
