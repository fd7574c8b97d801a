import { Readable } from 'node:stream';

import { GATEWAY_SECRET_HEADER, type HttpRoute, RouteError } from '@samspill/core';

import type { GatewayContext } from './gateway.js';

/**
 * The plain HTTP interfaces beside `/graphql` that a subgraph serves (see `HttpRoute` in core), by
 * path prefix: the gateway forwards each to the subgraph that owns its data, as it forwards GraphQL.
 */
export interface ForwardedRoute {
  readonly prefix: string;
  /** The subgraph that serves it (a name in the gateway's subgraph list). */
  readonly subgraph: string;
  readonly methods?: readonly string[];
}

/** The request headers a forwarded route passes on; everything else (cookies among them) stays here. */
const FORWARDED_REQUEST_HEADERS = [
  'authorization',
  'accept',
  'accept-language',
  'content-type',
  'content-length',
  'if-none-match',
  'if-modified-since',
  'idempotency-key',
];
/** The response headers passed back to the caller. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'cache-control',
  'etag',
  'last-modified',
  'vary',
  'x-request-id',
  'www-authenticate',
  'allow',
  'retry-after',
];

/**
 * The subgraphs' plain HTTP interfaces, forwarded by prefix. A subgraph that serves a new prefix
 * (a module's `routes`) is listed here.
 */
export const FORWARDED_ROUTES: readonly ForwardedRoute[] = [
  { prefix: '/hsds/', subgraph: 'directory' },
  { prefix: '/calendar/', subgraph: 'directory' },
];

/** How long a forwarded request may take before the gateway gives up on the subgraph. */
const FORWARD_TIMEOUT_MS = 30_000;

/**
 * A route that forwards the request to `baseUrl` (the subgraph's origin) with the caller's own
 * credentials and the gateway secret, and streams the answer back. The gateway has verified the
 * caller's token already (a bad one never leaves here); the subgraph decides what they may see.
 */
export function forwardedRoute(route: ForwardedRoute, baseUrl: string, secret: string | undefined): HttpRoute<GatewayContext> {
  return {
    prefix: route.prefix,
    methods: route.methods ?? ['GET', 'HEAD'],
    async handle({ req, res, url }) {
      const headers = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = req.headers[name];
        if (typeof value === 'string') headers.set(name, value);
      }
      if (secret) headers.set(GATEWAY_SECRET_HEADER, secret);
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const target = new URL(`${url.pathname}${url.search}`, baseUrl);
      const response = await fetch(target, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        // A body stream is sent as it is read.
        ...(hasBody ? { duplex: 'half' } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
      } as RequestInit).catch(() => undefined);
      if (!response) throw new RouteError(503, 'SERVICE_UNAVAILABLE', `The ${route.subgraph} service cannot be reached right now; try again in a few seconds`);
      const out: Record<string, string> = {};
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = response.headers.get(name);
        if (value !== null) out[name] = value;
      }
      res.writeHead(response.status, out);
      if (!response.body || req.method === 'HEAD') {
        res.end();
        return;
      }
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
      res.end();
    },
  };
}
