import { createLogger, type GraphQLHttpServer } from '@samspill/core';

import { makeActivity, makeContact, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { createGatewayServer } from '../gateway.js';
import { PlatformTestApp } from './support/platform.js';

/*
 * Queries that one subgraph answers whole take the gateway's short way (the subgraph's answer is
 * the answer, without Apollo Gateway's result shaping). Whatever way a query takes, the caller
 * gets the same answer as from Apollo Gateway alone: the same data, and the same errors, with the
 * same codes, paths and masking.
 */
describe('the gateway short way for queries one subgraph answers whole', () => {
  let app: PlatformTestApp;
  let shortWay: { server: GraphQLHttpServer<any>; url: string };
  let apolloOnly: { server: GraphQLHttpServer<any>; url: string };
  const forwarded: string[] = [];
  let activityId: string;

  const start = async (options: Parameters<typeof createGatewayServer>[3]) => {
    const server = await createGatewayServer(
      app.config,
      createLogger('silent', 'single-fetch-test'),
      { directory: app.urls.directory, referrals: app.urls.referrals },
      options,
    );
    return { server, url: await server.listen(0, '127.0.0.1') };
  };

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    const organisation = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030101'] });
    const contact = await makeContact(em, organisation);
    activityId = (await makeActivity(em, organisation, { contactPerson: contact })).id;
    shortWay = await start({ onSingleFetch: (service) => forwarded.push(service) });
    apolloOnly = await start({ singleFetchPath: false });
  });
  afterAll(async () => {
    await shortWay.server.stop();
    await apolloOnly.server.stop();
    await app.close();
  });
  beforeEach(() => forwarded.splice(0));

  const both = async (query: string, options: Parameters<PlatformTestApp['query']>[1] = {}) => {
    const short = await app.query(query, { ...options, url: shortWay.url });
    const apollo = await app.query(query, { ...options, url: apolloOnly.url });
    expect(short).toEqual(apollo);
    return short;
  };
  const staff = { role: 'PLATFORM_ADMIN' as const, subject: 'admin-1' };

  it('answers a query of one subgraph the short way, as Apollo Gateway does', async () => {
    const res = await both(
      `{ bydeler { code name organisations(first: 5) { name contactPersons { name phone } activities(first: 3) { title contactPerson { name } } } } }`,
      {
        as: staff,
      },
    );
    expect(forwarded).toEqual(['directory']);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.bydeler.find((b: { code: string }) => b.code === '030101').organisations[0]).toMatchObject({ name: 'Oslo Røde Kors' });
  });

  it('keeps aliases and variables', async () => {
    const res = await both('query($id: ID!) { a: activity(id: $id) { t: title organisation { n: name } } }', { variables: { id: activityId }, as: staff });
    expect(forwarded).toEqual(['directory']);
    expect(res.body.data).toEqual({ a: { t: expect.any(String), organisation: { n: 'Oslo Røde Kors' } } });
  });

  it("hands the subgraph's errors on as the gateway does (code, path, partial data)", async () => {
    const res = await both('query($id: ID!) { activity(id: $id) { title contactPerson { name } } }', { variables: { id: activityId } });
    expect(forwarded).toEqual(['directory']);
    expect(res.body.data.activity.contactPerson).toBeNull();
    expect(res.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code])).toEqual([['activity.contactPerson', 'UNAUTHENTICATED']]);
  });

  it('refuses variables that do not fit the supergraph before asking any subgraph', async () => {
    const res = await both('query($id: ID!) { activity(id: $id) { title } }', { variables: { id: { not: 'an id' } }, as: staff });
    expect(forwarded).toEqual([]);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['root __typename', '{ __typename bydeler { code } }'],
    ['a fragment', '{ bydeler { ...B } } fragment B on Bydel { code }'],
  ])('takes Apollo Gateway’s way for what the gateway itself shapes (%s)', async (_, query) => {
    await both(query, { as: staff });
    expect(forwarded).toEqual([]);
  });
});
