import { randomUUID } from 'node:crypto';

import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';

/** One error of a GraphQL answer: `extensions.code` is BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT … */
export interface SamspillGraphQLError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: { readonly code?: string; readonly field?: string; readonly [key: string]: unknown };
}

/** The answer had errors (or no data): `errors` says which, `code`/`field` the first one's. */
export class SamspillError extends Error {
  readonly code?: string;
  readonly field?: string;
  constructor(
    readonly status: number,
    readonly errors: readonly SamspillGraphQLError[],
    readonly data?: unknown,
  ) {
    super(errors.map((e) => (e.extensions?.field ? `${e.message} (${e.extensions.field})` : e.message)).join('; ') || `HTTP ${status}`);
    this.name = 'SamspillError';
    this.code = errors[0]?.extensions?.code;
    this.field = errors[0]?.extensions?.field;
  }
}

export interface SamspillClientOptions {
  /** The Samspill API's origin or its /graphql URL, e.g. https://api.samspill.example or http://127.0.0.1:4000/graphql. */
  readonly url: string;
  /** A bearer token (an access token from Samspill's identity provider); a function is asked before every request. */
  readonly token?: string | (() => string | undefined | Promise<string | undefined>);
  /** Another fetch (a proxy, a test); the global one by default. */
  readonly fetch?: typeof fetch;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RequestOptions {
  /**
   * For a create (createReferral, createActivity …): the same key with the same arguments within 24
   * hours answers with the first result and creates nothing again, so a retry after a lost answer is
   * safe. Leave it out and `mutate` makes one; pass your own to retry across process restarts.
   */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

/**
 * A small fetch-based client: typed operations in (see `operations.ts`), typed data out. GraphQL
 * errors throw a SamspillError with the first error's `code` and `field`.
 */
export class SamspillClient {
  private readonly endpoint: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SamspillClientOptions) {
    const url = options.url.replace(/\/+$/, '');
    this.endpoint = url.endsWith('/graphql') ? url : `${url}/graphql`;
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** The API's origin, for its other interfaces (the calendar feeds under /calendar/). */
  get origin(): string {
    return this.endpoint.slice(0, -'/graphql'.length);
  }

  /** A query. */
  query<R, V>(document: TypedDocumentNode<R, V>, ...[variables]: Variables<V>): Promise<R> {
    return this.send(document, variables, {});
  }

  /** A mutation; creates carry an `Idempotency-Key` (made here unless given). */
  mutate<R, V>(document: TypedDocumentNode<R, V>, variables: V, options: RequestOptions = {}): Promise<R> {
    return this.send(document, variables, { ...options, idempotencyKey: options.idempotencyKey ?? randomUUID() });
  }

  private async send<R, V>(document: TypedDocumentNode<R, V>, variables: V | undefined, options: RequestOptions): Promise<R> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...this.options.headers };
    const token = typeof this.options.token === 'function' ? await this.options.token() : this.options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const response = await this.fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: print(document as DocumentNode), variables: variables ?? {} }),
      signal: options.signal,
    });
    const text = await response.text();
    let body: { data?: R | null; errors?: SamspillGraphQLError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new SamspillError(response.status, [{ message: `The API answered ${response.status} without JSON: ${text.slice(0, 200)}` }]);
    }
    if (body.errors?.length || body.data == null) throw new SamspillError(response.status, body.errors ?? [], body.data);
    return body.data;
  }
}
