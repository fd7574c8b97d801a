import { randomUUID, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin, type BaseContext as ApolloBaseContext, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type { GraphQLSchema } from 'graphql';

import type { Principal } from '../auth/principal.js';
import type { TokenVerifier } from '../auth/tokens.js';
import type { Config } from '../config/config.js';
import { NotReadyError, RETRY_AFTER_SECONDS, SERVICE_UNAVAILABLE } from '../errors/availability.js';
import { DomainError } from '../errors/domain-errors.js';
import { createErrorFormatter } from '../errors/format-error.js';
import { checkIdempotentOperation, IDEMPOTENCY_KEY_FIELD, IDEMPOTENCY_KEY_HEADER, parseIdempotencyKey } from '../idempotency/idempotency-key.js';
import type { Logger } from '../logging/logger.js';
import { limitRules } from './limits.js';
import { operationResolutionPlugin } from './operation-resolution.js';

export interface RequestInfo {
  readonly principal: Principal;
  readonly requestId: string;
  readonly headers: IncomingMessage['headers'];
  /** The request's `Idempotency-Key`, checked (a malformed one is refused before this). */
  readonly idempotencyKey?: string;
}

/**
 * A plain HTTP interface beside `/graphql` (an open-data export, a calendar feed), served by the
 * service that owns the data. It gets the same front as GraphQL: the gateway-secret check on a
 * subgraph, the bearer token verified first (a bad one is 401), and the per-request context that
 * GraphQL resolvers get, so it reads through the same loaders and policies.
 */
export interface HttpRoute<TContext> {
  /** The path prefix it answers, starting and ending with `/` (`/hsds/`); the longest match wins. */
  readonly prefix: string;
  /** The methods it answers; others get 405. Default GET and HEAD. */
  readonly methods?: readonly string[];
  readonly handle: (request: RouteRequest<TContext>) => Promise<void>;
}

export interface RouteRequest<TContext> {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The context a GraphQL request of the same caller would get (made lazily, once). */
  readonly context: () => Promise<TContext>;
  /**
   * A context for another principal than the caller's: a route that itself proves who a request
   * is for (a calendar feed's secret URL stands for the user who made it) reads as that principal.
   */
  readonly contextFor: (principal: Principal) => Promise<TContext>;
  readonly principal: Principal;
  readonly requestId: string;
}

/**
 * A route's answer to bad input or a refusal: sent as `{ errors: [{ message, extensions: { code, field } }] }`
 * with the status, like the GraphQL front's own HTTP errors. A DomainError thrown by a route is
 * mapped to its status the same way (BAD_USER_INPUT 400, UNAUTHENTICATED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409).
 */
export class RouteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RouteError';
  }
}

const ROUTE_STATUS: Readonly<Record<string, number>> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };

export interface GraphQLHttpServerOptions<TContext extends ApolloBaseContext> {
  readonly name: string;
  /** Plain HTTP interfaces beside `/graphql` (see HttpRoute). */
  readonly routes?: ReadonlyArray<HttpRoute<TContext>>;
  /** A subgraph serves its schema; the gateway serves a composed supergraph instead. */
  readonly schema?: GraphQLSchema;
  readonly gateway?: GatewayInterface;
  /**
   * For subgraphs: refuse every request without the gateway's shared secret (when one is
   * configured), so that the subgraphs are reachable only through the gateway.
   */
  readonly onlyThroughGateway?: boolean;
  readonly config: Config;
  readonly logger: Logger;
  readonly verifier: TokenVerifier;
  /** Builds the per-request context: one entity manager fork and one set of loaders. */
  readonly context: (request: RequestInfo) => Promise<TContext> | TContext;
  /**
   * What `/ready` checks beyond the process itself (a subgraph: its database); rejects when not
   * ready, with a NotReadyError whose message `/ready` shows. `/health` (liveness) never runs it.
   */
  readonly readiness?: () => Promise<void>;
}

/** How long `/ready` waits for the readiness check before it answers 503. */
const READINESS_TIMEOUT_MS = 2000;

/** A port another process holds; the message names the variable that chooses another one. */
export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly variable?: string,
  ) {
    super(
      variable
        ? `Port ${port} is already in use: stop what uses it, or set ${variable} to a free port`
        : `Port ${port} is already in use: stop what uses it or choose another port`,
    );
    this.name = 'PortInUseError';
  }
}

/** Answers 503 to a request that needs the database while it cannot be reached (see `format-error`). */
function serviceUnavailablePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors?.some((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}

/** The header with which the gateway proves to a subgraph that a request came through it. */
export const GATEWAY_SECRET_HEADER = 'x-samspill-gateway';

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

function sendError(res: ServerResponse, status: number, code: string, message: string, field?: string): void {
  sendJson(res, status, { errors: [{ message, extensions: field ? { code, field } : { code } }] });
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body is larger than the limit of ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * How deeply arrays and objects may nest in a JSON body. A GraphQL request is a handful of levels
 * (`variables.input.schedule.days`); JSON.parse and anything walking its result recursively would
 * otherwise overflow the stack on a few kilobytes of `[[[[…`.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of `[`/`{` in a JSON text, counted without parsing (and so without recursion). */
function jsonDepthExceeds(raw: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/** Whether any string or key in a parsed JSON value holds a NUL; walks with a stack, not recursion. */
function containsNul(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) pending.push(item);
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return true;
        pending.push(child);
      }
    }
  }
  return false;
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (!contentType?.toLowerCase().startsWith('application/json')) return raw;
  if (jsonDepthExceeds(raw, MAX_JSON_DEPTH)) {
    throw new HttpError(400, 'BAD_REQUEST', `Request body nests arrays and objects deeper than the limit of ${MAX_JSON_DEPTH} levels`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'Request body is not valid JSON');
  }
  // PostgreSQL cannot store NUL in text; refused here for every field at once.
  if (containsNul(parsed)) throw new HttpError(400, 'BAD_REQUEST', 'Text must not contain NUL characters (\\u0000)');
  return parsed;
}

/**
 * One subgraph's Apollo Server behind a small `node:http` front: a body-size limit, bearer-token
 * verification before anything else runs, `/health`, and Apollo's own handling for the rest.
 * Abuse limits: depth, aliases, directives, cost, tokens; no field suggestions; no automatic
 * persisted-query cache; no batching; introspection only when configured.
 */
export class GraphQLHttpServer<TContext extends ApolloBaseContext> {
  readonly apollo: ApolloServer<TContext>;
  private httpServer?: http.Server;

  constructor(private readonly options: GraphQLHttpServerOptions<TContext>) {
    const { config, logger } = options;
    const source = (options.gateway ? { gateway: options.gateway } : { schema: options.schema! }) as Pick<ApolloServerOptions<TContext>, 'schema' | 'gateway'>;
    this.apollo = new ApolloServer<TContext>({
      ...(source as ApolloServerOptions<TContext>),
      introspection: config.graphql.introspection,
      persistedQueries: false,
      allowBatchedHttpRequests: false,
      hideSchemaDetailsFromClientErrors: true,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      parseOptions: { maxTokens: config.graphql.maxTokens },
      validationRules: limitRules(config.graphql),
      formatError: createErrorFormatter(logger),
      logger,
      // Apollo's own handler would stop it at once on SIGTERM and then kill the process with the
      // signal, cutting off requests in progress; `stop()` below drains them first.
      stopOnTerminationSignals: false,
      plugins: [
        serviceUnavailablePlugin(),
        // Apollo installs these by default. Cache-control hints are not used (every answer depends
        // on the caller), and its field hook wraps every resolver; inline traces would hand
        // per-field timings to whoever asks; nothing is reported to Apollo's cloud.
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
        ApolloServerPluginUsageReportingDisabled(),
        ApolloServerPluginSchemaReportingDisabled(),
        // Apollo's landing page loads its editor from a CDN (blank offline, and a third party):
        // the platform serves a bundled GraphiQL at the web server's /graphiql instead.
        ApolloServerPluginLandingPageDisabled(),
        operationResolutionPlugin<TContext>(),
        {
          async requestDidStart({ request }) {
            if (!request.http?.headers.get(IDEMPOTENCY_KEY_HEADER)) return;
            return {
              async didResolveOperation({ document, operationName }) {
                const refusal = checkIdempotentOperation(document, operationName);
                if (refusal) throw refusal;
              },
            };
          },
        },
      ],
    });
  }

  /** Handles one HTTP request; exposed so tests can drive it without a socket too. */
  readonly handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // While stopping, every answer ends its connection, so no client keeps sending on it.
    if (this.draining) res.setHeader('connection', 'close');
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: this.options.name });
      if (url.pathname === '/ready') return await this.ready(res);
      const route = this.routeFor(url.pathname);
      if (route) return await this.serveRoute(route, req, res, url);
      if (url.pathname !== '/graphql') return sendError(res, 404, 'NOT_FOUND', 'Not found: the GraphQL endpoint is /graphql');
      if (this.options.gateway && req.method === 'GET' && url.search === '' && req.headers.accept?.includes('text/html')) {
        // A person opening the endpoint in a browser: the GraphQL IDE is on the web server.
        res.writeHead(303, { location: `${this.options.config.web.publicUrl}/graphiql` });
        res.end();
        return;
      }
      // GraphQL is served by POST only. A GET carries its query and variables in the URL, and URLs
      // end up in proxy, load-balancer and browser logs: search text, names and ids typed by shelter
      // staff would be kept there. It would also skip the body checks (JSON depth, NUL).
      // A browser opening the gateway's endpoint is sent to the bundled IDE on the web server (above).
      if (req.method !== 'POST') {
        return sendJson(
          res,
          405,
          { errors: [{ message: 'GraphQL requests must be sent by POST (as JSON); GET and other methods are refused', extensions: { code: 'BAD_REQUEST' } }] },
          { allow: 'POST' },
        );
      }
      if (!this.cameThroughGateway(req)) {
        return sendError(res, 403, 'FORBIDDEN', 'This subgraph answers only requests that come through the Samspill gateway');
      }
      const raw = await readBody(req, this.options.config.http.maxBodyBytes);
      const idempotency = parseIdempotencyKey(req.headers[IDEMPOTENCY_KEY_HEADER]);
      if (!idempotency.ok) throw new HttpError(400, 'BAD_USER_INPUT', idempotency.message, IDEMPOTENCY_KEY_FIELD);
      const principal = await this.options.verifier.principalFromHeader(req.headers.authorization);
      const requestId = randomUUID();
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await this.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parseBody(raw, req.headers['content-type']) },
        context: async () => this.options.context({ principal, requestId, headers: req.headers, idempotencyKey: idempotency.key }),
      });
      const outHeaders: Record<string, string> = { 'x-request-id': requestId };
      for (const [key, value] of response.headers) outHeaders[key] = value;
      res.writeHead(response.status ?? 200, outHeaders);
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (res.headersSent) {
        // A route that failed half-way through its answer: the client sees a cut-off response.
        this.options.logger.error({ err: error }, 'request failed after its answer started');
        res.end();
        return;
      }
      if (error instanceof HttpError || error instanceof RouteError) return sendError(res, error.status, error.code, error.message, error.field);
      if (error instanceof DomainError && error.code in ROUTE_STATUS && !url.pathname.startsWith('/graphql')) {
        const field = error.details.field;
        return sendError(res, ROUTE_STATUS[error.code]!, error.code, error.message, typeof field === 'string' ? field : undefined);
      }
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') {
        return sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
      }
      this.options.logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    }
  };

  private readonly routes = [...(this.options.routes ?? [])].sort((a, b) => b.prefix.length - a.prefix.length);

  private routeFor(pathname: string): HttpRoute<TContext> | undefined {
    return this.routes.find((route) => pathname.startsWith(route.prefix) || `${pathname}/` === route.prefix);
  }

  /** A plain HTTP route: the same gateway-secret and token checks as `/graphql`, then the route. */
  private async serveRoute(route: HttpRoute<TContext>, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const methods = route.methods ?? ['GET', 'HEAD'];
    if (!methods.includes(req.method ?? 'GET')) {
      return sendJson(
        res,
        405,
        { errors: [{ message: `${route.prefix} answers ${methods.join(' and ')} only`, extensions: { code: 'BAD_REQUEST' } }] },
        { allow: methods.join(', ') },
      );
    }
    if (!this.cameThroughGateway(req)) {
      return sendError(res, 403, 'FORBIDDEN', 'This subgraph answers only requests that come through the Samspill gateway');
    }
    const principal = await this.options.verifier.principalFromHeader(req.headers.authorization);
    const requestId = randomUUID();
    res.setHeader('x-request-id', requestId);
    let context: Promise<TContext> | undefined;
    await route.handle({
      req,
      res,
      url,
      principal,
      requestId,
      context: () => (context ??= Promise.resolve(this.options.context({ principal, requestId, headers: req.headers }))),
      contextFor: (other) => Promise.resolve(this.options.context({ principal: other, requestId, headers: req.headers })),
    });
  }

  private started?: Promise<void>;
  private draining = false;
  /** Responses not yet finished, so that stopping can tell each to end its connection. */
  private readonly inProgress = new Set<ServerResponse>();

  /** `/ready`: 200 when this process can serve requests now, 503 while stopping or when its database cannot be reached. */
  private async ready(res: ServerResponse): Promise<void> {
    const service = this.options.name;
    const unavailable = (reason: string) => sendJson(res, 503, { status: 'unavailable', service, reason }, { 'retry-after': String(RETRY_AFTER_SECONDS) });
    if (this.draining) return unavailable('stopping');
    if (!this.options.readiness) return sendJson(res, 200, { status: 'ready', service });
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.options.readiness(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new NotReadyError('readiness check timed out')), READINESS_TIMEOUT_MS);
        }),
      ]);
    } catch (error) {
      this.options.logger.warn({ err: error }, 'not ready');
      return unavailable(error instanceof NotReadyError ? error.message : 'readiness check failed');
    } finally {
      clearTimeout(timer);
    }
    return sendJson(res, 200, { status: 'ready', service });
  }

  /** Apollo's query editor page, served in development to a browser that asks for HTML; it holds no user text. */
  private cameThroughGateway(req: IncomingMessage): boolean {
    const secret = this.options.config.federation.gatewaySharedSecret;
    if (!this.options.onlyThroughGateway || !secret) return true;
    const given = req.headers[GATEWAY_SECRET_HEADER];
    if (typeof given !== 'string') return false;
    const a = Buffer.from(given);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Starts Apollo Server once (listen calls it; tests that drive `handle` directly call it too). */
  start(): Promise<void> {
    this.started ??= this.apollo.start();
    return this.started;
  }

  /** `portVariable` names the setting that chooses the port, for the message when it is taken. */
  async listen(port: number, host: string, portVariable?: string): Promise<string> {
    await this.start();
    this.httpServer = http.createServer((req, res) => {
      this.inProgress.add(res);
      res.once('close', () => this.inProgress.delete(res));
      void this.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      this.httpServer!.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, portVariable) : error));
      this.httpServer!.listen(port, host, resolve);
    });
    const address = this.httpServer.address() as AddressInfo;
    return `http://${host}:${address.port}/graphql`;
  }

  /**
   * Stops gracefully: no new connections, idle keep-alive connections closed, the requests in
   * progress answered (with `Connection: close`) for at most `graceMs`; then whatever is left is
   * cut off and Apollo Server stops.
   */
  async stop(graceMs: number = this.options.config.http.shutdownGraceMs): Promise<void> {
    this.draining = true;
    for (const res of this.inProgress) if (!res.headersSent) res.setHeader('connection', 'close');
    const server = this.httpServer;
    if (server?.listening) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = setTimeout(() => {
        this.options.logger.warn({ graceMs }, 'requests still running after the shutdown grace period: closing their connections');
        server.closeAllConnections();
      }, graceMs);
      await closed;
      clearTimeout(deadline);
    }
    await this.apollo.stop();
  }
}
