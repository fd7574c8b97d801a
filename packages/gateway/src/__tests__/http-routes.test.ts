import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  createLogger,
  GATEWAY_SECRET_HEADER,
  GraphQLHttpServer,
  type HttpRoute,
  issueToken,
  parseConfig,
  type Principal,
  RouteError,
  TokenVerifier,
  ValidationError,
} from '@samspill/core';
import { parse } from 'graphql';

import { forwardedRoute } from '../http-routes.js';

/*
 * The plain HTTP interfaces beside /graphql (an export, a feed): a subgraph serves them with the
 * same front as GraphQL (the gateway secret, the token verified first, the request's context),
 * and the gateway forwards them by prefix with the caller's own credentials.
 */

const SECRET = 's'.repeat(32);
const config = parseConfig({ NODE_ENV: 'test', GATEWAY_SHARED_SECRET: SECRET, LOG_LEVEL: 'silent' });
const logger = createLogger('silent', 'test');
const schema = buildSubgraphSchema({ typeDefs: parse('type Query { ok: Boolean }'), resolvers: { Query: { ok: () => true } } });

interface Ctx {
  readonly principal: Principal;
  readonly made: number;
}

let contextsMade = 0;
const echo: HttpRoute<Ctx> = {
  prefix: '/feeds/',
  async handle({ res, url, context, principal }) {
    if (url.searchParams.has('bad')) throw ValidationError.field('bad', 'bad is not a parameter of this feed');
    if (url.searchParams.has('gone')) throw new RouteError(410, 'GONE', 'This feed was revoked');
    const ctx = await context();
    await context();
    const body = JSON.stringify({ path: url.pathname, search: url.search, role: principal.kind === 'user' ? principal.role : 'anonymous', made: ctx.made });
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'set-cookie': 'leak=1' });
    res.end(body);
  },
};

describe('plain HTTP routes beside /graphql', () => {
  let subgraph: GraphQLHttpServer<Ctx>;
  let gateway: GraphQLHttpServer<{ principal: Principal }>;
  let subgraphUrl: string;
  let gatewayUrl: string;
  let token: string;

  beforeAll(async () => {
    subgraph = new GraphQLHttpServer<Ctx>({
      name: 'sub',
      schema,
      onlyThroughGateway: true,
      routes: [echo],
      config,
      logger,
      verifier: new TokenVerifier(config.auth),
      context: ({ principal }) => ({ principal, made: ++contextsMade }),
    });
    subgraphUrl = (await subgraph.listen(0, '127.0.0.1')).replace('/graphql', '');
    gateway = new GraphQLHttpServer<{ principal: Principal }>({
      name: 'gw',
      schema,
      routes: [forwardedRoute({ prefix: '/feeds/', subgraph: 'sub' }, subgraphUrl, SECRET)],
      config,
      logger,
      verifier: new TokenVerifier(config.auth),
      context: ({ principal }) => ({ principal }),
    });
    gatewayUrl = (await gateway.listen(0, '127.0.0.1')).replace('/graphql', '');
    token = await issueToken(config.auth, { subject: 'staff-1', role: 'SHELTER_STAFF', organisationId: '00000000-0000-4000-8000-000000000001' });
  });
  afterAll(async () => {
    await gateway.stop(100);
    await subgraph.stop(100);
  });

  it('a subgraph refuses a route request without the gateway secret, as it refuses GraphQL', async () => {
    const response = await fetch(`${subgraphUrl}/feeds/x`);
    expect(response.status).toBe(403);
    const direct = await fetch(`${subgraphUrl}/feeds/x`, { headers: { [GATEWAY_SECRET_HEADER]: SECRET } });
    expect(response.status).toBe(403);
    expect(direct.status).toBe(200);
  });

  it('the gateway forwards the prefix with the caller’s token; the route gets the verified principal and one context', async () => {
    const anonymous = await fetch(`${gatewayUrl}/feeds/a.ics?bydel=030101`);
    expect(anonymous.status).toBe(200);
    expect(await anonymous.json()).toMatchObject({ path: '/feeds/a.ics', search: '?bydel=030101', role: 'anonymous' });
    const signedIn = await fetch(`${gatewayUrl}/feeds/a.ics`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await signedIn.json()) as { role: string; made: number };
    expect(body.role).toBe('SHELTER_STAFF');
    // `context()` called twice made one context.
    expect(contextsMade).toBe(body.made);
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    // Only the listed headers come back: a subgraph's cookie does not reach the caller.
    expect(signedIn.headers.get('set-cookie')).toBeNull();
  });

  it('a bad token is 401 at the gateway, before anything is forwarded', async () => {
    const before = contextsMade;
    const response = await fetch(`${gatewayUrl}/feeds/a.ics`, { headers: { authorization: 'Bearer nonsense' } });
    expect(response.status).toBe(401);
    expect(contextsMade).toBe(before);
  });

  it('errors keep their status, code and field through the gateway', async () => {
    const bad = await fetch(`${gatewayUrl}/feeds/a?bad=1`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      errors: [{ message: 'bad: bad is not a parameter of this feed', extensions: { code: 'BAD_USER_INPUT', field: 'bad' } }],
    });
    const gone = await fetch(`${gatewayUrl}/feeds/a?gone=1`);
    expect(gone.status).toBe(410);
  });

  it('a method the route does not answer is 405, other paths stay 404', async () => {
    const post = await fetch(`${gatewayUrl}/feeds/a`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`${gatewayUrl}/elsewhere`)).status).toBe(404);
  });

  it('a subgraph that cannot be reached is 503 with a message', async () => {
    const lonely = new GraphQLHttpServer<{ principal: Principal }>({
      name: 'gw2',
      schema,
      routes: [forwardedRoute({ prefix: '/feeds/', subgraph: 'sub' }, 'http://127.0.0.1:9/', SECRET)],
      config,
      logger,
      verifier: new TokenVerifier(config.auth),
      context: ({ principal }) => ({ principal }),
    });
    const url = (await lonely.listen(0, '127.0.0.1')).replace('/graphql', '');
    try {
      const response = await fetch(`${url}/feeds/a`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await lonely.stop(100);
    }
  });
});
