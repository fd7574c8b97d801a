import { randomUUID, timingSafeEqual } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ApolloServer, type ApolloServerOptions, type BaseContext as ApolloBaseContext, HeaderMap } from '@apollo/server';
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

export interface GraphQLHttpServerOptions<TContext extends ApolloBaseContext> {
  readonly name: string;
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
      plugins: [
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
    try {
      if (url.pathname === '/health') return sendJson(res, 200, { status: 'ok', service: this.options.name });
      if (url.pathname !== '/graphql') return sendError(res, 404, 'NOT_FOUND', 'Not found: the GraphQL endpoint is /graphql');
      if (this.options.gateway && req.method === 'GET' && url.search === '' && req.headers.accept?.includes('text/html')) {
        // A person opening the endpoint in a browser: the GraphQL IDE is on the web server.
        res.writeHead(303, { location: `${this.options.config.web.publicUrl}/graphiql` });
        res.end();
        return;
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
      if (error instanceof HttpError) return sendError(res, error.status, error.code, error.message, error.field);
      if (error instanceof DomainError && error.code === 'UNAUTHENTICATED') {
        return sendJson(res, 401, { errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
      }
      this.options.logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
      else res.end();
    }
  };

  private started?: Promise<void>;

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

  async listen(port: number, host: string): Promise<string> {
    await this.start();
    this.httpServer = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.httpServer!.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} is already in use: stop what uses it or choose another port`) : error),
      );
      this.httpServer!.listen(port, host, resolve);
    });
    const address = this.httpServer.address() as AddressInfo;
    return `http://${host}:${address.port}/graphql`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.httpServer ? this.httpServer.close(() => resolve()) : resolve()));
    await this.apollo.stop();
  }
}
