import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  type Config,
  GATEWAY_SECRET_HEADER,
  GraphQLHttpServer,
  IDEMPOTENCY_KEY_HEADER,
  type Logger,
  NotReadyError,
  type Principal,
  SERVICE_UNAVAILABLE,
  type SubgraphEndpoint,
  TokenVerifier,
} from '@samspill/core';
import { GraphQLError } from 'graphql';

import { FORWARDED_ROUTES, forwardedRoute } from './http-routes.js';
import { withSingleFetchPath } from './single-fetch.js';
import { checkSupergraphSubgraphs, readSupergraphFile, SupergraphError } from './supergraph.js';

export interface GatewayContext {
  readonly principal: Principal;
  /** The caller's own Authorization header: every subgraph decides for itself what they may see. */
  readonly authorization?: string;
  /** The caller's `Idempotency-Key`: the subgraph that makes the create keeps it. */
  readonly idempotencyKey?: string;
}

/** Passes the caller's credentials on, and proves to the subgraph that the request came through here. */
class SamspillDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string | undefined,
    private readonly logger: Logger,
  ) {
    super({ url });
  }

  /**
   * The caller's token was verified here already, so a subgraph refusing the request at the HTTP
   * level (401, 403) means the deployment is misconfigured (another GATEWAY_SHARED_SECRET or
   * AUTH_SIGNING_KEYS): logged for operators, and not passed on as a permission error.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    // The subgraph cannot reach its database: the caller may retry, and is told so (503 here too).
    if (response.status === 503) {
      return new GraphQLError('Samspill cannot reach its database right now; try again in a few seconds', { extensions: { code: SERVICE_UNAVAILABLE } });
    }
    if (response.status !== 401 && response.status !== 403) return error;
    this.logger.error({ subgraph: this.url, status: response.status }, 'a subgraph refused the gateway: check GATEWAY_SHARED_SECRET and AUTH_SIGNING_KEYS');
    return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context?.idempotencyKey) request.http?.headers.set(IDEMPOTENCY_KEY_HEADER, context.idempotencyKey);
    if (this.secret) request.http?.headers.set(GATEWAY_SECRET_HEADER, this.secret);
  }
}

/** The subgraphs to serve, by name: a list, or `{ directory: url, referrals: url }`. */
export type SubgraphList = ReadonlyArray<SubgraphEndpoint> | Readonly<Record<string, string>>;

export interface GatewayOptions {
  /**
   * The supergraph to serve; by default the file GATEWAY_SUPERGRAPH_FILE names, else the committed
   * `schema/supergraph.graphql`. Either way it must list exactly the configured subgraphs.
   */
  readonly supergraphSdl?: string;
  /** Queries that one subgraph answers whole take the short way (`withSingleFetchPath`); on unless false. */
  readonly singleFetchPath?: boolean;
  /** Told the subgraph each time a query takes the short way. */
  readonly onSingleFetch?: (serviceName: string) => void;
}

/**
 * The gateway: a supergraph composed beforehand (it imports no subgraph's code) served by Apollo
 * Gateway behind the same HTTP front, token checks and abuse limits as the subgraphs. Each
 * subgraph is reached at its configured URL (GATEWAY_SUBGRAPHS); a start with a supergraph that
 * holds other subgraphs than those, or without a subgraph a forwarded route needs, fails and says why.
 */
export async function createGatewayServer(config: Config, logger: Logger, subgraphs: SubgraphList = config.federation.subgraphs, options: GatewayOptions = {}) {
  const endpoints: SubgraphEndpoint[] = Array.isArray(subgraphs)
    ? [...(subgraphs as ReadonlyArray<SubgraphEndpoint>)]
    : Object.entries(subgraphs as Record<string, string>).map(([name, url]) => ({ name, url }));
  const urls = new Map(endpoints.map((s) => [s.name, s.url]));
  const missing = FORWARDED_ROUTES.filter((route) => !urls.has(route.subgraph));
  if (missing.length) {
    throw new SupergraphError(
      'GATEWAY_SUBGRAPHS: the gateway forwards plain HTTP routes to subgraphs it does not list',
      missing.map((route) => `${route.prefix} is served by the ${route.subgraph} subgraph; add ${route.subgraph}=<its URL>`),
    );
  }
  const { sdl: supergraphSdl, file } = options.supergraphSdl
    ? { sdl: options.supergraphSdl, file: '(given)' }
    : await readSupergraphFile(config.federation.supergraphFile);
  const moved = checkSupergraphSubgraphs(supergraphSdl, endpoints, file);
  if (moved.length) logger.info({ subgraphs: moved }, 'subgraphs reached at their configured URLs, not those the supergraph records');

  const dataSources = new Map<string, SamspillDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const dataSource = new SamspillDataSource(urls.get(name)!, config.federation.gatewaySharedSecret, logger);
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  return new GraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    gateway: options.singleFetchPath === false ? gateway : withSingleFetchPath(gateway, supergraphSdl, dataSources, options.onSingleFetch),
    routes: FORWARDED_ROUTES.map((route) => forwardedRoute(route, urls.get(route.subgraph)!, config.federation.gatewaySharedSecret)),
    config,
    logger,
    verifier: new TokenVerifier(config.auth),
    context: ({ principal, headers, idempotencyKey }) => ({ principal, authorization: headers.authorization, idempotencyKey }),
    readiness: () => subgraphsReady(endpoints),
  });
}

/** The gateway is ready when every subgraph's `/ready` is (each checks its own database). */
async function subgraphsReady(subgraphs: readonly SubgraphEndpoint[]): Promise<void> {
  await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const ready = new URL('/ready', url);
      const response = await fetch(ready, { signal: AbortSignal.timeout(1500) }).catch(() => undefined);
      if (!response?.ok) throw new NotReadyError(`subgraph ${name} is not ready`);
    }),
  );
}
