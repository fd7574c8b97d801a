import { makeActivity, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { GATEWAY_SECRET, PlatformTestApp, type Response } from './support/platform.js';

/*
 * Requests that are wrong in themselves get a 4xx-class answer with a clear message, at the
 * gateway and at the subgraphs alike, never a 500 or INTERNAL_SERVER_ERROR; and no message names
 * the schema's other types or values ("Did you mean …"), in any NODE_ENV.
 */

type Body = Response['body'];

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Body };
}

const onlyError = (res: Response) => {
  expect(res.body.errors).toHaveLength(1);
  const error = res.body.errors[0];
  expect(JSON.stringify(error)).not.toMatch(/stacktrace|node_modules|at \//);
  return { status: res.status, code: error.extensions?.code, field: error.extensions?.field, message: error.message as string };
};

describe.each(['test', 'production'])('request errors with NODE_ENV=%s', (nodeEnv) => {
  let app: PlatformTestApp;
  const endpoints = (): Array<[string, string, Record<string, string>]> => [
    ['gateway', app.urls.gateway, {}],
    ['directory subgraph', app.urls.directory, { 'x-samspill-gateway': GATEWAY_SECRET }],
  ];

  beforeAll(async () => {
    app = await PlatformTestApp.start(
      nodeEnv === 'production'
        ? { NODE_ENV: 'production', AUTH_SIGNING_KEYS: `k1=${'x'.repeat(40)}`, DATABASE_URL: 'postgres://x@127.0.0.1/x', IDEMPOTENCY_SECRET: 'i'.repeat(40) }
        : {},
    );
    const em = app.directoryEm();
    await seedBydeler(em);
    const organisation = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030101'] });
    await makeActivity(em, organisation);
  });
  afterAll(() => app.close());

  describe('operation selection', () => {
    it.each([0, 1])('an unknown operationName is 400 OPERATION_RESOLUTION_FAILURE (endpoint %#)', async (i) => {
      const [, url, headers] = endpoints()[i]!;
      const res = await post(url, { query: 'query A { bydeler { code } }', operationName: 'B' }, headers);
      expect(onlyError(res)).toEqual({
        status: 400,
        code: 'OPERATION_RESOLUTION_FAILURE',
        field: undefined,
        message: 'operationName names no operation in the document',
      });
      expect(res.body.data).toBeUndefined();
    });

    it.each([0, 1])('two operations without operationName is 400 OPERATION_RESOLUTION_FAILURE (endpoint %#)', async (i) => {
      const [, url, headers] = endpoints()[i]!;
      const res = await post(url, { query: 'query A { bydeler { code } } query B { bydeler { name } }' }, headers);
      expect(onlyError(res)).toEqual({
        status: 400,
        code: 'OPERATION_RESOLUTION_FAILURE',
        field: undefined,
        message: 'The document has several operations: name the one to run in operationName',
      });
    });

    it('the same document with an operationName runs', async () => {
      const res = await post(app.urls.gateway, { query: 'query A { bydeler { code } } query B { bydeler { name } }', operationName: 'B' });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.bydeler).toHaveLength(17);
    });
  });

  describe('_entities at a subgraph', () => {
    it.each([{ __typename: 'Nope', id: 'x' }, { __typename: 'Query' }, { id: 'x' }, 'Activity'])(
      'a representation of no entity type (%j) is BAD_USER_INPUT',
      async (representation) => {
        const res = await post(
          app.urls.directory,
          { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [representation] } },
          { 'x-samspill-gateway': GATEWAY_SECRET },
        );
        expect(onlyError(res)).toEqual({
          status: 200,
          code: 'BAD_USER_INPUT',
          field: 'representations.0.__typename',
          message: 'representations.0.__typename: must name an entity type of this subgraph',
        });
      },
    );

    it('the referrals subgraph too', async () => {
      const res = await post(
        app.urls.referrals,
        { query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: [{ __typename: 'Nope' }] } },
        { 'x-samspill-gateway': GATEWAY_SECRET },
      );
      expect(onlyError(res).code).toBe('BAD_USER_INPUT');
    });
  });

  describe('NUL as a GraphQL string escape is refused with 400 before anything runs', () => {
    const cases: Array<[string, string]> = [
      ['filter.text', '{ activities(filter: { text: "lekse\\u0000hjelp" }) { totalCount } }'],
      ['filter.languages.1', '{ activities(filter: { languages: ["no", "a\\u0000"] }) { totalCount } }'],
      [
        'input.title',
        'mutation { createActivity(input: { organisationId: "00000000-0000-4000-8000-000000000001", title: "lekse\\u0000hjelp", description: "x", category: LANGUAGE, venueKind: ONLINE, joinMode: OPEN }) { id } }',
      ],
      ['input.name', 'mutation { addContactPerson(input: { organisationId: "00000000-0000-4000-8000-000000000001", name: "Kari\\u{0}" }) { id } }'],
      [
        'input.needDescription',
        'mutation { createReferral(input: { activityId: "00000000-0000-4000-8000-000000000001", needDescription: "a\\u0000b" }) { id } }',
      ],
    ];
    it.each(cases)('%s', async (field, query) => {
      let res!: Response;
      const statements = await app.countStatements(async () => {
        res = await post(app.urls.gateway, { query });
      });
      expect(onlyError(res)).toEqual({
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
        field,
        message: `Text must not contain NUL characters (\\u0000): ${field}`,
      });
      expect(statements).toEqual([]);
    });

    it('at the subgraph too', async () => {
      const res = await post(app.urls.directory, { query: cases[0]![1] }, { 'x-samspill-gateway': GATEWAY_SECRET });
      expect(onlyError(res)).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', field: 'filter.text' });
    });
  });

  describe('no schema hints in variable coercion', () => {
    it.each([0, 1])('a misspelt enum value names no real one (endpoint %#)', async (i) => {
      const [, url, headers] = endpoints()[i]!;
      const res = await post(url, { query: 'query($s: ActivitySort) { activities(sort: $s) { totalCount } }', variables: { s: 'TITL' } }, headers);
      const error = onlyError(res);
      expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      expect(error.message).toContain('TITL');
      expect(error.message).not.toMatch(/Did you mean|"TITLE"/);
    });

    it.each([0, 1])('a misspelt input field names no real one (endpoint %#)', async (i) => {
      const [, url, headers] = endpoints()[i]!;
      const res = await post(
        url,
        { query: 'query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', variables: { f: { bydel: ['030101'] } } },
        headers,
      );
      const error = onlyError(res);
      expect(error).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
      expect(error.message).toContain('"bydel"');
      expect(error.message).not.toMatch(/Did you mean|bydeler/);
    });
  });

  it('JSON nested 4,000 levels deep is 400 BAD_REQUEST naming the limit', async () => {
    const body = `{"query":"{ bydeler { code } }","variables":{"x":${'['.repeat(4000)}${']'.repeat(4000)}}}`;
    const response = await fetch(app.urls.gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Request body nests arrays and objects deeper than the limit of 64 levels', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});
