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
  TokenVerifier,
} from '@samspill/core';
import { GraphQLError } from 'graphql';

import { FORWARDED_ROUTES, forwardedRoute } from './http-routes.js';
import { withSingleFetchPath } from './single-fetch.js';
import { composeSupergraph, type SubgraphUrls } from './supergraph.js';

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

export interface GatewayOptions {
  /** Queries that one subgraph answers whole take the short way (`withSingleFetchPath`); on unless false. */
  readonly singleFetchPath?: boolean;
  /** Told the subgraph each time a query takes the short way. */
  readonly onSingleFetch?: (serviceName: string) => void;
}

/**
 * The gateway: the composed supergraph served by Apollo Gateway behind the same HTTP front,
 * token checks and abuse limits as the subgraphs.
 */
export async function createGatewayServer(
  config: Config,
  logger: Logger,
  urls: SubgraphUrls = { directory: config.federation.directoryUrl, referrals: config.federation.referralsUrl },
  options: GatewayOptions = {},
) {
  const supergraphSdl = await composeSupergraph(urls);
  const dataSources = new Map<string, SamspillDataSource>();
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name, url }) => {
      const dataSource = new SamspillDataSource(url!, config.federation.gatewaySharedSecret, logger);
      dataSources.set(name, dataSource);
      return dataSource;
    },
  });
  return new GraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    gateway: options.singleFetchPath === false ? gateway : withSingleFetchPath(gateway, supergraphSdl, dataSources, options.onSingleFetch),
    routes: FORWARDED_ROUTES.map((route) => forwardedRoute(route, urls[route.subgraph as keyof SubgraphUrls], config.federation.gatewaySharedSecret)),
    config,
    logger,
    verifier: new TokenVerifier(config.auth),
    context: ({ principal, headers, idempotencyKey }) => ({ principal, authorization: headers.authorization, idempotencyKey }),
    readiness: () => subgraphsReady(urls),
  });
}

/** The gateway is ready when every subgraph's `/ready` is (each checks its own database). */
async function subgraphsReady(urls: SubgraphUrls): Promise<void> {
  await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const ready = new URL('/ready', url);
      const response = await fetch(ready, { signal: AbortSignal.timeout(1500) }).catch(() => undefined);
      if (!response?.ok) throw new NotReadyError(`subgraph ${name} is not ready`);
    }),
  );
}
