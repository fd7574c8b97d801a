import { GATEWAY_SECRET_HEADER, issueToken, parseConfig } from '@samspill/core';

import { makeActivity, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

type ErrorBody = { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };

interface RawResponse {
  status: number;
  headers: Headers;
  body: ErrorBody;
}

/** Posts a raw body to the app's endpoint over HTTP. */
async function post(app: DirectoryTestApp, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<RawResponse> {
  const init: RequestInit & { duplex?: 'half' } = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body };
  if (typeof body !== 'string') init.duplex = 'half';
  const response = await fetch(app.client.url, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as ErrorBody };
}

const postQuery = (app: DirectoryTestApp, query: string, headers: Record<string, string> = {}) => post(app, JSON.stringify({ query }), headers);

/** No error message or extension may carry SQL, a stack frame or a source path. */
function expectNothingLeaked(body: ErrorBody): void {
  for (const error of body.errors ?? []) {
    const text = `${error.message} ${JSON.stringify(error.extensions ?? {})}`;
    expect(text.toLowerCase()).not.toContain('select ');
    expect(text.toLowerCase()).not.toContain('insert ');
    expect(text).not.toContain('at /');
    expect(text).not.toContain('node_modules');
    expect(error.extensions).not.toHaveProperty('stacktrace');
  }
}

/** The request was refused as a whole: one error with this code, no data. */
function expectRefused(response: RawResponse, status: number, code: string): { message: string } {
  expect(response.status).toBe(status);
  expect(response.body.errors).toHaveLength(1);
  expect(response.body.errors![0]!.extensions?.code).toBe(code);
  expect(response.body.data).toBeUndefined();
  expectNothingLeaked(response.body);
  return response.body.errors![0]!;
}

function nestedParents(levels: number): string {
  let selection = '{ name }';
  for (let i = 0; i < levels; i += 1) selection = `{ name parent ${selection} }`;
  return `{ bydeler { organisations ${selection} } }`;
}

describe('HTTP front and abuse limits of the directory subgraph', () => {
  let app: DirectoryTestApp;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const organisation = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030101'] });
    await makeActivity(em, organisation);
  });
  afterAll(() => app.close());

  describe('authentication', () => {
    it('answers a bad token with 401 UNAUTHENTICATED and runs nothing', async () => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await postQuery(app, '{ bydeler { code organisations { name } } }', { authorization: 'Bearer not.a.token' });
      });
      expectRefused(response, 401, 'UNAUTHENTICATED');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(statements).toEqual([]);
    });

    it('runs the same query for an anonymous caller (so the statement count above means something)', async () => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await postQuery(app, '{ bydeler { code organisations { name } } }');
      });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(statements.length).toBeGreaterThan(0);
    });

    it('answers a malformed Authorization header with 401 UNAUTHENTICATED', async () => {
      expectRefused(await postQuery(app, '{ bydeler { code } }', { authorization: 'Basic dXNlcjpwYXNz' }), 401, 'UNAUTHENTICATED');
    });

    it('refuses a mutation with a bad token before it runs', async () => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await postQuery(app, 'mutation { confirmActivityStillValid(id: "00000000-0000-4000-8000-00000000dead") { id } }', {
          authorization: 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIiwia2lkIjoiZGV2In0.eyJzdWIiOiJ4Iiwicm9sZSI6IlBMQVRGT1JNX0FETUlOIn0.',
        });
      });
      expectRefused(response, 401, 'UNAUTHENTICATED');
      expect(statements).toEqual([]);
    });
  });

  describe('operation limits', () => {
    it('accepts a query at a reasonable depth', async () => {
      const response = await postQuery(app, nestedParents(3));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    });

    it('refuses a query deeper than GRAPHQL_MAX_DEPTH with 400 GRAPHQL_VALIDATION_FAILED', async () => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await postQuery(app, nestedParents(12));
      });
      const error = expectRefused(response, 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toMatch(/depth/i);
      expect(statements).toEqual([]);
    });

    it('refuses more aliases than GRAPHQL_MAX_ALIASES with 400 GRAPHQL_VALIDATION_FAILED', async () => {
      const aliases = Array.from({ length: 16 }, (_, i) => `b${i}: bydel(code: "030101") { name }`).join(' ');
      const error = expectRefused(await postQuery(app, `{ ${aliases} }`), 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toMatch(/alias/i);
    });

    it('accepts as many aliases as GRAPHQL_MAX_ALIASES', async () => {
      const aliases = Array.from({ length: 15 }, (_, i) => `b${i}: bydel(code: "030101") { name }`).join(' ');
      const response = await postQuery(app, `{ ${aliases} }`);
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    });

    it('refuses more directives than GRAPHQL_MAX_DIRECTIVES with 400 GRAPHQL_VALIDATION_FAILED', async () => {
      // 12 fields with two directives each: 24 in all.
      const d = '@include(if: true) @skip(if: false)';
      const query = `{ bydeler ${d} { code ${d} name ${d} administrative ${d} organisations ${d} { id ${d} name ${d} description ${d} parent ${d} { id ${d} name ${d} description ${d} } } } }`;
      const error = expectRefused(await postQuery(app, query), 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toMatch(/directive/i);
    });

    it('refuses a document with more than GRAPHQL_MAX_TOKENS tokens with 400 GRAPHQL_PARSE_FAILED', async () => {
      const query = `{ bydeler { ${'code '.repeat(3100)}} }`;
      expect(Buffer.byteLength(JSON.stringify({ query }))).toBeLessThan(app.config.http.maxBodyBytes);
      const error = expectRefused(await postQuery(app, query), 400, 'GRAPHQL_PARSE_FAILED');
      expect(error.message).toMatch(/tokens/i);
    });

    it('answers a misspelled field with 400 and no suggestion of the real field names', async () => {
      const error = expectRefused(await postQuery(app, '{ bydelr { code } }'), 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toContain('bydelr');
      expect(error.message).not.toContain('Did you mean');
      expect(error.message).not.toContain('bydeler');
    });

    it('answers a missing required variable with 400 BAD_USER_INPUT', async () => {
      const response = await post(app, JSON.stringify({ query: 'query($id: ID!) { activity(id: $id) { title } }' }));
      expectRefused(response, 400, 'BAD_USER_INPUT');
    });
  });

  describe('request bodies', () => {
    it('refuses a body over HTTP_MAX_BODY_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
      const body = JSON.stringify({ query: `{ bydeler { code } }${' '.repeat(app.config.http.maxBodyBytes)}` });
      const error = expectRefused(await post(app, body), 413, 'PAYLOAD_TOO_LARGE');
      expect(error.message).toContain(String(app.config.http.maxBodyBytes));
    });

    it('refuses an oversized body sent without a content-length (chunked) with 413 PAYLOAD_TOO_LARGE', async () => {
      const chunk = new TextEncoder().encode(' '.repeat(10_000));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"query":"{ bydeler { code } }"'));
          if (sent > app.config.http.maxBodyBytes + 20_000) return controller.close();
          sent += chunk.length;
          controller.enqueue(chunk);
        },
      });
      expectRefused(await post(app, stream), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('accepts a body just under the limit', async () => {
      const query = '{ bydeler { code } }';
      const padding = app.config.http.maxBodyBytes - Buffer.byteLength(JSON.stringify({ query })) - 10;
      const response = await post(app, JSON.stringify({ query: query + ' '.repeat(padding) }));
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    });

    it.each([
      ['arrays', `{"query":"{ bydeler { code } }","variables":{"x":${'['.repeat(4000)}${']'.repeat(4000)}}}`],
      ['objects', `{"query":"{ bydeler { code } }","variables":${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}}`],
    ])('refuses JSON with %s nested 4,000 levels deep (about 8 KB) with 400 BAD_REQUEST naming the limit, unauthenticated', async (_kind, body) => {
      expect(Buffer.byteLength(body)).toBeLessThan(app.config.http.maxBodyBytes);
      const error = expectRefused(await post(app, body), 400, 'BAD_REQUEST');
      expect(error.message).toBe('Request body nests arrays and objects deeper than the limit of 64 levels');
    });

    it('accepts JSON nested up to the limit, and brackets inside strings do not count', async () => {
      const deepButAllowed = `${'['.repeat(60)}${']'.repeat(60)}`;
      const body = `{"query":"{ bydeler { code } }","variables":{"y":${deepButAllowed},"z":"${'[{'.repeat(200)}\\"["}}`;
      const response = await post(app, body);
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
    });

    it('refuses invalid JSON with 400 BAD_REQUEST', async () => {
      const error = expectRefused(await post(app, '{"query": "{ bydeler { code } }"'), 400, 'BAD_REQUEST');
      expect(error.message).toMatch(/JSON/);
    });

    // Apollo Server answers APQ errors with status 200 on purpose (APQ clients then resend the full
    // query); what matters is that no hash is looked up or stored and nothing runs.
    it('refuses an automatic persisted query with PERSISTED_QUERY_NOT_SUPPORTED', async () => {
      const body = JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
      expectRefused(await post(app, body), 200, 'PERSISTED_QUERY_NOT_SUPPORTED');
    });

    it('refuses an automatic persisted query that also sends its text, running nothing', async () => {
      const body = JSON.stringify({ query: '{ bydeler { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await post(app, body);
      });
      expectRefused(response, 200, 'PERSISTED_QUERY_NOT_SUPPORTED');
      expect(statements).toEqual([]);
    });

    it('refuses a batched request', async () => {
      const body = JSON.stringify([{ query: '{ bydeler { code } }' }, { query: '{ activities { totalCount } }' }]);
      expectRefused(await post(app, body), 400, 'BAD_REQUEST');
    });

    it('refuses a form post (CSRF prevention) with 400 BAD_REQUEST', async () => {
      const response = await post(app, 'query=%7B%20bydeler%20%7B%20code%20%7D%20%7D', { 'content-type': 'application/x-www-form-urlencoded' });
      expectRefused(response, 400, 'BAD_REQUEST');
    });
  });

  describe('methods: GraphQL by POST only', () => {
    /** A request to /graphql by another method, with the query and variables in the URL as GET sends them. */
    async function send(method: string, params: Record<string, string>, headers: Record<string, string> = {}): Promise<RawResponse> {
      const url = new URL(app.client.url);
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
      const response = await fetch(url, { method, headers: { 'apollo-require-preflight': 'true', ...headers } });
      return { status: response.status, headers: response.headers, body: (await response.json()) as ErrorBody };
    }
    const SEARCH = 'query($t: String) { organisations(filter: { text: $t }) { totalCount } }';

    it.each<[string, Record<string, string>]>([
      ['a query', { query: '{ bydeler { code } }' }],
      ['search text in the variables (it would be kept in proxy logs)', { query: SEARCH, variables: JSON.stringify({ t: 'Røde Kors' }) }],
      ['a NUL in the variables (the body checks do not see a query string)', { query: SEARCH, variables: JSON.stringify({ t: 'a\u0000b' }) }],
      ['variables nested deeper than the JSON limit', { query: SEARCH, variables: `{"t":"x","d":${'['.repeat(200)}${']'.repeat(200)}}` }],
      ['a mutation', { query: 'mutation { confirmActivityStillValid(id: "00000000-0000-4000-8000-00000000dead") { id } }' }],
    ])('refuses a GET with %s with 405 and Allow: POST, running nothing', async (_what, params) => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await send('GET', params);
      });
      expect(statements).toEqual([]);
      const error = expectRefused(response, 405, 'BAD_REQUEST');
      expect(error.message).toMatch(/POST/);
      expect(response.headers.get('allow')).toBe('POST');
    });

    it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS'])('refuses %s with 405 and Allow: POST', async (method) => {
      const response = await send(method, { query: '{ bydeler { code } }' });
      expectRefused(response, 405, 'BAD_REQUEST');
      expect(response.headers.get('allow')).toBe('POST');
    });

    it('refuses a browser page request too: the GraphQL IDE is on the web server (/graphiql)', async () => {
      const response = await fetch(app.client.url, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    });
  });

  describe('introspection, health and errors', () => {
    it('allows introspection in the test configuration', async () => {
      const response = await postQuery(app, '{ __schema { types { name } } }');
      expect(response.status).toBe(200);
      const names = (response.body.data as { __schema: { types: Array<{ name: string }> } }).__schema.types.map((t) => t.name);
      expect(names).toEqual(expect.arrayContaining(['Query', 'Bydel', 'Organisation', 'Activity']));
    });

    it('answers GET /health with 200', async () => {
      const response = await fetch(new URL('/health', app.client.url));
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', service: 'directory' });
    });

    it('answers other paths with 404 NOT_FOUND', async () => {
      const response = await fetch(new URL('/graphiql', app.client.url));
      expect(response.status).toBe(404);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors![0]!.extensions?.code).toBe('NOT_FOUND');
    });

    it('reports a missing activity as NOT_FOUND without internals', async () => {
      const response = await postQuery(app, '{ activity(id: "00000000-0000-4000-8000-00000000dead") { title } }');
      expect(response.status).toBe(200);
      expect(response.body.data).toEqual({ activity: null });
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors![0]!.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Activity' });
      expectNothingLeaked(response.body);
    });

    it('refuses NUL characters anywhere in the request with 400, before anything runs', async () => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await post(
          app,
          JSON.stringify({ query: 'query($t: String) { organisations(filter: { text: $t }) { totalCount } }', variables: { t: 'a\u0000b' } }),
        );
      });
      expect(statements).toEqual([]);
      expect(response.status).toBe(400);
      expect(response.body.errors![0]!.extensions!.code).toBe('BAD_REQUEST');
      expect(response.body.errors![0]!.message).toMatch(/NUL/);
    });

    it('answers an id that is no UUID with NOT_FOUND, without asking the database or echoing it', async () => {
      let response!: RawResponse;
      const statements = await app.countStatements(async () => {
        response = await postQuery(app, '{ activity(id: "not-a-uuid\' or 1=1 --") { title } }');
      });
      expect(statements).toEqual([]);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        data: { activity: null },
        errors: [
          { message: 'Activity was not found', locations: [{ line: 1, column: 3 }], path: ['activity'], extensions: { code: 'NOT_FOUND', entity: 'Activity' } },
        ],
      });
      expectNothingLeaked(response.body);
    });
  });
});

describe('a directory subgraph with a small GRAPHQL_MAX_COST', () => {
  let app: DirectoryTestApp;
  beforeAll(async () => {
    app = await DirectoryTestApp.start({ GRAPHQL_MAX_COST: '50' });
  });
  afterAll(() => app.close());

  it('accepts a cheap query', async () => {
    const response = await postQuery(app, '{ bydel(code: "030101") { name } }');
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it('refuses a query that costs more with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    let response!: RawResponse;
    const statements = await app.countStatements(async () => {
      response = await postQuery(
        app,
        '{ bydeler { code name administrative organisations { id name description parent { id name description parent { id name description parent { id name } } } } } }',
      );
    });
    const error = expectRefused(response, 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/cost/i);
    expect(statements).toEqual([]);
  });
});

describe('a directory subgraph in production configuration', () => {
  const GATEWAY_SECRET = 'g'.repeat(40);
  const throughGateway = { [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET };
  let app: DirectoryTestApp;
  beforeAll(async () => {
    app = await DirectoryTestApp.start({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://x@127.0.0.1/x',
      AUTH_SIGNING_KEYS: `k1=${'x'.repeat(40)}`,
      GATEWAY_SHARED_SECRET: GATEWAY_SECRET,
      IDEMPOTENCY_SECRET: 'i'.repeat(40),
    });
  });
  afterAll(() => app.close());

  it('refuses introspection of the schema with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    const error = expectRefused(await postQuery(app, '{ __schema { types { name } } }', throughGateway), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/introspection/i);
  });

  it('refuses introspection of a single type with 400 GRAPHQL_VALIDATION_FAILED', async () => {
    expectRefused(await postQuery(app, '{ __type(name: "Organisation") { fields { name } } }', throughGateway), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers ordinary queries with its own tokens', async () => {
    const token = await app.token({ role: 'PLATFORM_ADMIN' });
    const response = await postQuery(app, '{ bydeler { code } }', { ...throughGateway, authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    // The bydeler are reference data from the migrations, so even a fresh production database has all 17.
    expect((response.body.data as { bydeler: unknown[] }).bydeler).toHaveLength(17);
  });

  it('refuses every GET in production, the query editor page too', async () => {
    const response = await fetch(app.client.url, { headers: { ...throughGateway, accept: 'text/html' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('refuses a request that did not come through the gateway with 403 FORBIDDEN', async () => {
    expectRefused(await postQuery(app, '{ bydeler { code } }'), 403, 'FORBIDDEN');
    expectRefused(await postQuery(app, '{ bydeler { code } }', { [GATEWAY_SECRET_HEADER]: 'h'.repeat(40) }), 403, 'FORBIDDEN');
  });

  it('refuses a token signed with the development key', async () => {
    const developmentAuth = parseConfig({ NODE_ENV: 'test' }).auth;
    const devToken = await issueToken(developmentAuth, { subject: 'x', role: 'PLATFORM_ADMIN' });
    const response = await postQuery(app, '{ bydeler { code } }', { ...throughGateway, authorization: `Bearer ${devToken}` });
    expectRefused(response, 401, 'UNAUTHENTICATED');
  });

  it('refuses a token with its key id but another secret', async () => {
    const forgedAuth = { ...app.config.auth, signingKeys: new Map([['k1', 'y'.repeat(40)]]) };
    const forged = await issueToken(forgedAuth, { subject: 'x', role: 'PLATFORM_ADMIN' });
    expectRefused(await postQuery(app, '{ bydeler { code } }', { ...throughGateway, authorization: `Bearer ${forged}` }), 401, 'UNAUTHENTICATED');
  });
});
