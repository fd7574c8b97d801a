import { type Config, GraphQLHttpServer, type Logger, NotReadyError, TokenVerifier } from '@samspill/core';
import type { Pool } from 'pg';

import { createLoaders, type GrunerlokkaContext } from './context.js';
import { buildGrunerlokkaSchema } from './schema.js';
import { GrunerlokkaStore } from './store.js';

/**
 * The subgraph behind Samspill's HTTP front (core): it answers only the gateway (the shared
 * secret, 403 otherwise) and verifies each caller's token itself, with the same keys as the
 * gateway (TokenVerifier), so it decides on its own who sees what.
 */
export function createGrunerlokkaServer(pool: Pool, config: Config, logger: Logger): GraphQLHttpServer<GrunerlokkaContext> {
  const store = new GrunerlokkaStore(pool);
  return new GraphQLHttpServer<GrunerlokkaContext>({
    name: 'grunerlokka',
    schema: buildGrunerlokkaSchema(),
    onlyThroughGateway: true,
    config,
    logger,
    verifier: new TokenVerifier(config.auth),
    context: ({ principal }) => ({ principal, loaders: createLoaders(store) }),
    readiness: () =>
      store.ping().catch(() => {
        throw new NotReadyError('the database cannot be reached');
      }),
  });
}
