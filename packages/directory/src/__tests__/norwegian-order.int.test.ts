import type { GraphQLResponse } from '@samspill/core/testkit';

import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { makeActivity, makeContact, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

/** Norwegian alphabetical order: case does not decide, and æ, ø, å come after z, in that order. */
const NAMES = ['aktivitetshuset', 'Bjørnholt venner', 'Oslo Røde Kors', 'zumbaklubben', 'Ærlig talt', 'Ørsta lag', 'øvingsgruppa', 'Åsane venner'];
/** The order byte for byte (a C collation): capitals first, then å before æ and ø. */
const BYTE_ORDER = [...NAMES].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

describe('lists are in Norwegian alphabetical order', () => {
  let app: DirectoryTestApp;
  let staff: TestUser;
  let oneId: string;

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
    const one = await makeOrganisation(em, { name: 'Kontaktene' });
    oneId = one.id;
    for (const name of NAMES.slice(0, 5).reverse()) {
      await makeContact(em, one, name);
      await makeLocation(em, one, { name });
      await makeActivity(em, one, { title: name });
      await makePetCareOffer(em, one, { title: name });
    }
  });
  afterAll(() => app.close());

  it('is not byte order (the test would prove nothing if it were)', () => {
    expect(BYTE_ORDER).not.toEqual(NAMES);
  });

  const names = (nodes: Array<{ name?: string; title?: string }>): string[] => nodes.map((n) => n.name ?? n.title ?? '');

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
    // Every offer: the organisation below has the first five names again.
    expect(names(res.body.data.petCareOffers.nodes)).toEqual(NAMES.flatMap((name, i) => (i < 5 ? [name, name] : [name])));
  });

  it("a bydel's organisations, and an organisation's contact persons, locations, activities and pet-care offers", async () => {
    const res = await app.query(
      `query($id: ID!) {
        bydel(code: "030102") { organisations(first: 20) { name } }
        organisation(id: $id) { contactPersons { name } activities(first: 20) { title } petCareOffers { title } }
        locations(organisationId: $id) { name }
      }`,
      { variables: { id: oneId }, as: staff },
    );
    expect(res.body.errors).toBeUndefined();
    const { bydel, organisation, locations } = res.body.data;
    expect(names(bydel.organisations)).toEqual(NAMES);
    for (const list of [organisation.contactPersons, organisation.activities, organisation.petCareOffers, locations]) {
      expect(names(list)).toEqual(NAMES.slice(0, 5));
    }
  });
});
