import { ContactPersonEntity, DEMO_IDS, hsdsPageProblems, hsdsProblems, LocationEntity, seedDemoData } from '@samspill/directory';

import { type Caller, PlatformTestApp } from './support/platform.js';

/** The id of the SOCIAL category term as integrators store it: it must never change. */
const SOCIAL_TERM_ID = 'dbfec2ff-40e2-588b-b240-b0fd655c92ce';

/*
 * The HSDS 3.1 export (Open Referral) through the gateway: every kind of answer validates against
 * the HSDS schemas copied into the repository, and each caller gets exactly the services,
 * organisations and places the GraphQL API shows them.
 */

const STAFF: Caller = { role: 'SHELTER_STAFF', organisationId: DEMO_IDS.osloKrisesenter };
const ADMIN: Caller = { role: 'PLATFORM_ADMIN' };

let app: PlatformTestApp;

beforeAll(async () => {
  app = await PlatformTestApp.start();
  await seedDemoData(app.directoryEm(), app.now);
});
afterAll(() => app.close());

async function hsds(path: string, as?: Caller): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${await app.token(as)}`;
  const response = await fetch(`${app.urls.gateway.replace('/graphql', '')}/hsds${path}`, { headers });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

async function ok(path: string, as?: Caller): Promise<any> {
  const response = await hsds(path, as);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Every item of a paginated list, page by page. */
async function all(path: string, as?: Caller): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const body = await ok(`${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=7`, as);
    expect(
      hsdsPageProblems(path.startsWith('/organizations') ? 'organization' : path.startsWith('/service_at') ? 'service_at_location' : 'service', body),
    ).toEqual([]);
    items.push(...body.contents);
    if (body.last_page) return items;
  }
}

async function graphqlView(as?: Caller) {
  const data = await app.ok<any>(
    `{ activities(first: 100) { nodes { id location { id } } }
       organisations(first: 100) { nodes { id location { id } } } }`,
    { as },
  );
  const petCare = as ? (await app.ok<any>('{ petCareOffers(first: 100) { nodes { id } } }', { as })).petCareOffers.nodes.map((n: any) => n.id) : [];
  return {
    services: [...data.activities.nodes.map((n: any) => n.id), ...petCare].sort(),
    petCare: petCare.sort(),
    organisations: data.organisations.nodes.map((n: any) => n.id).sort(),
    serviceLocations: data.activities.nodes
      .filter((n: any) => n.location)
      .map((n: any) => `${n.id}@${n.location.id}`)
      .sort(),
    organisationLocations: data.organisations.nodes
      .filter((n: any) => n.location)
      .map((n: any) => `${n.id}@${n.location.id}`)
      .sort(),
  };
}

describe.each([
  ['anonymous', undefined],
  ['shelter staff', STAFF],
  ['platform admin', ADMIN],
] as const)('the HSDS export for a %s caller', (_, as) => {
  it('holds exactly the services, organisations and places the GraphQL API shows them', async () => {
    const graphql = await graphqlView(as);
    const services = await all('/services', as);
    const organisations = await all('/organizations', as);
    const links = await all('/service_at_locations', as);
    expect(services.map((s) => s.id).sort()).toEqual(graphql.services);
    expect(organisations.map((o) => o.id).sort()).toEqual(graphql.organisations);
    expect(links.map((l) => `${l.service_id}@${l.location_id}`).sort()).toEqual(graphql.serviceLocations);
    expect(services.flatMap((s) => (s.service_at_locations ?? []).map((l: any) => `${s.id}@${l.location_id}`)).sort()).toEqual(graphql.serviceLocations);
    expect(
      organisations
        .filter((o) => o.locations?.length)
        .map((o) => `${o.id}@${o.locations[0].id}`)
        .sort(),
    ).toEqual(graphql.organisationLocations);
    if (!as) expect(graphql.petCare).toEqual([]);
    else expect(graphql.petCare.length).toBeGreaterThan(0);

    // One service or organisation at a time: the same documents, each valid.
    for (const service of services.slice(0, 5)) {
      const one = await ok(`/services/${service.id}`, as);
      expect(hsdsProblems('service', one)).toEqual([]);
      expect(one).toEqual(service);
    }
    const organisation = await ok(`/organizations/${DEMO_IDS.osloRodeKors}`, as);
    expect(hsdsProblems('organization', organisation)).toEqual([]);
    expect(organisation.services.map((s: any) => s.organization_id)).toEqual(organisation.services.map(() => DEMO_IDS.osloRodeKors));
  });

  it('never holds a contact person, nor a place the caller may not see', async () => {
    const text = JSON.stringify([await all('/services', as), await all('/organizations', as), await all('/service_at_locations', as)]);
    const em = app.directoryEm();
    const contacts = await em.find(ContactPersonEntity, {});
    expect(contacts.length).toBeGreaterThan(0);
    for (const contact of contacts) {
      expect(text).not.toContain(contact.id);
      if (contact.email) expect(text).not.toContain(contact.email);
    }
    const confidential = await em.find(LocationEntity, { visibility: 'CONFIDENTIAL' as never }, { populate: ['organisation'] });
    expect(confidential.length).toBeGreaterThan(0);
    for (const place of confidential) {
      const mayBeSeen = as === ADMIN || (as?.role === 'SHELTER_STAFF' && as.organisationId === place.organisation.id);
      expect(text.includes(place.id)).toBe(mayBeSeen);
      if (place.streetAddress) expect(text.includes(place.streetAddress)).toBe(mayBeSeen);
    }
  });
});

describe('the HSDS API', () => {
  it('answers / with its HSDS version and profile', async () => {
    const root = await ok('/');
    expect(root.version).toBe('3.1');
    expect(hsdsProblems('api_root', root)).toEqual([]);
    expect(await ok('')).toEqual(root);
  });

  it('paginates as HSDS does', async () => {
    const first = await ok('/services?per_page=2');
    const second = await ok('/services?per_page=2&page=2');
    expect(first).toMatchObject({ page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    expect(first.total_pages).toBe(Math.ceil(first.total_items / 2));
    expect(second).toMatchObject({ page_number: 2, first_page: false, total_items: first.total_items });
    expect(second.contents[0].id).not.toBe(first.contents[0].id);
    const beyond = await ok(`/services?per_page=2&page=${first.total_pages + 1}`);
    expect(beyond).toMatchObject({ size: 0, contents: [], last_page: true, empty: false });
    for (const body of [first, second, beyond]) expect(hsdsPageProblems('service', body)).toEqual([]);
  });

  it('filters by taxonomy term as the GraphQL filter does, with stable term ids', async () => {
    const terms = await all2('/taxonomy_terms');
    const taxonomies = await ok('/taxonomies');
    expect(hsdsPageProblems('taxonomy', taxonomies)).toEqual([]);
    expect(hsdsPageProblems('taxonomy_term', await ok('/taxonomy_terms'))).toEqual([]);
    for (const t of taxonomies.contents) expect(hsdsProblems('taxonomy', await ok(`/taxonomies/${t.id}`))).toEqual([]);
    const social = terms.find((t) => t.code === 'SOCIAL' && t.taxonomy_id === taxonomies.contents[0].id)!;
    expect(hsdsProblems('taxonomy_term', await ok(`/taxonomy_terms/${social.id}`))).toEqual([]);
    // The same id in every export: a v5 UUID of a fixed namespace.
    expect(social.id).toBe(SOCIAL_TERM_ID);
    const graphql = await app.ok<any>('{ activities(first: 100, filter: { categories: [SOCIAL] }) { nodes { id } } }');
    const exported = await ok(`/services?taxonomy_term_id=${social.id}&per_page=200`);
    expect(exported.contents.map((s: any) => s.id).sort()).toEqual(graphql.activities.nodes.map((n: any) => n.id).sort());
    expect(exported.total_items).toBeGreaterThan(0);
    const youth = terms.find((t) => t.code === 'YOUTH' && t.taxonomy_id === taxonomies.contents[1].id)!;
    const byGroup = await app.ok<any>('{ activities(first: 100, filter: { targetGroups: [YOUTH] }) { nodes { id } } }');
    expect((await ok(`/services?taxonomy_term_id=${youth.id}&per_page=200`)).contents.map((s: any) => s.id).sort()).toEqual(
      byGroup.activities.nodes.map((n: any) => n.id).sort(),
    );
  });

  it('searches, filters by modified_after and gives minimal listings', async () => {
    const graphql = await app.ok<any>('{ activities(first: 100, filter: { text: "leksehjelp" }) { nodes { id } } }');
    expect(graphql.activities.nodes.length).toBeGreaterThan(0);
    const found = await ok('/services?search=leksehjelp&per_page=200');
    expect(found.contents.map((s: any) => s.id).sort()).toEqual(graphql.activities.nodes.map((n: any) => n.id).sort());

    const everything = await ok('/services?per_page=200&minimal=true');
    expect(hsdsPageProblems('service', everything)).toEqual([]);
    expect(Object.keys(everything.contents[0]).sort()).toEqual(['id', 'modified_date', 'name', 'status']);
    const later = new Date(app.now().getTime() + 60_000).toISOString();
    expect((await ok(`/services?modified_after=${later}`)).empty).toBe(true);
    const dates = everything.contents.map((s: any) => s.modified_date).sort();
    const cut = dates[Math.floor(dates.length / 2)];
    const since = await ok(`/services?modified_after=${cut}&per_page=200&minimal=true`);
    expect(since.contents.map((s: any) => s.id).sort()).toEqual(
      everything.contents
        .filter((s: any) => s.modified_date >= cut)
        .map((s: any) => s.id)
        .sort(),
    );
    expect(since.total_items).toBeLessThan(everything.total_items + (dates[0] === cut ? 1 : 0));
  });

  it('maps schedules, languages, costs, capacity and assured dates', async () => {
    const services = await all('/services');
    const weekly = services.flatMap((s) => s.schedules ?? []).filter((s: any) => s.freq === 'WEEKLY' && !s.count);
    expect(weekly.length).toBeGreaterThan(0);
    for (const s of weekly) {
      expect(s.byday).toMatch(/^(MO|TU|WE|TH|FR|SA|SU)$/);
      expect(s.opens_at).toMatch(/^\d{2}:\d{2}$/);
      expect(s.description).toContain('Europe/Oslo');
    }
    const activity = await app.ok<any>(`{ activities(first: 1) { nodes { id lastVerifiedAt languages } } }`);
    const node = activity.activities.nodes[0];
    const service = services.find((s) => s.id === node.id);
    expect(service.assured_date).toBe(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date(node.lastVerifiedAt)));
    expect(service.languages.map((l: any) => l.code)).toEqual(node.languages);
    expect(service.cost_options).toHaveLength(1);
    expect(services.some((s) => s.capacities?.length)).toBe(true);
  });

  it('refuses bad parameters with the field at fault, and unknown ids with 404', async () => {
    for (const [query, field] of [
      ['per_page=0', 'per_page'],
      ['per_page=1000', 'per_page'],
      ['page=x', 'page'],
      ['modified_after=yesterday', 'modified_after'],
      ['taxonomy_term_id=nope', 'taxonomy_term_id'],
      ['minimal=yes', 'minimal'],
    ]) {
      const response = await hsds(`/services?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await hsds('/services/00000000-0000-4000-8000-00000000dead')).status).toBe(404);
    expect((await hsds('/services/not-a-uuid')).status).toBe(404);
    expect((await hsds('/nothing')).status).toBe(404);
  });
});

async function all2(path: string): Promise<any[]> {
  return (await ok(`${path}?per_page=200`)).contents;
}
