import { ApolloGateway, type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { type Config, GATEWAY_SECRET_HEADER, GraphQLHttpServer, type Logger, type Principal, TokenVerifier } from '@samspill/core';

import { composeSupergraph, type SubgraphUrls } from './supergraph.js';

export interface GatewayContext {
  readonly principal: Principal;
  /** The caller's own Authorization header: every subgraph decides for itself what they may see. */
  readonly authorization?: string;
}

/** Passes the caller's credentials on, and proves to the subgraph that the request came through here. */
class SamspillDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    url: string,
    private readonly secret: string | undefined,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.authorization) request.http?.headers.set('authorization', context.authorization);
    if (this.secret) request.http?.headers.set(GATEWAY_SECRET_HEADER, this.secret);
  }
}

/**
 * The gateway: the composed supergraph served by Apollo Gateway behind the same HTTP front,
 * token checks and abuse limits as the subgraphs.
 */
export async function createGatewayServer(
  config: Config,
  logger: Logger,
  urls: SubgraphUrls = { directory: config.federation.directoryUrl, referrals: config.federation.referralsUrl },
) {
  const supergraphSdl = await composeSupergraph(urls);
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ url }) => new SamspillDataSource(url!, config.federation.gatewaySharedSecret),
  });
  return new GraphQLHttpServer<GatewayContext>({
    name: 'gateway',
    gateway,
    config,
    logger,
    verifier: new TokenVerifier(config.auth),
    context: ({ principal, headers }) => ({ principal, authorization: headers.authorization }),
  });
}
