import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, databaseReadiness, GraphQLHttpServer, type Logger, TokenVerifier } from '@samspill/core';

import type { DirectoryContext } from './context.js';
import { createLoaders } from './loaders.js';
import { BydelCatalogue } from './modules/bydeler/bydel.catalogue.js';
import { buildDirectorySchema } from './schema.js';

export interface DirectoryServerOptions {
  /** The clock (the wall clock unless a test moves it): freshness, occurrences, date checks and the 24 hours an `Idempotency-Key` holds. */
  readonly now?: () => Date;
}

/**
 * The directory subgraph's HTTP server: the bydeler read once, then one entity manager fork and
 * one set of loaders per request.
 */
export async function createDirectoryServer(
  orm: MikroORM<PostgreSqlDriver>,
  config: Config,
  logger: Logger,
  options: DirectoryServerOptions = {},
): Promise<GraphQLHttpServer<DirectoryContext>> {
  const now = options.now ?? (() => new Date());
  const { schema } = await buildDirectorySchema();
  const bydeler = await BydelCatalogue.load(orm.em as EntityManager);
  return new GraphQLHttpServer<DirectoryContext>({
    name: 'directory',
    schema,
    onlyThroughGateway: true,
    config,
    logger,
    verifier: new TokenVerifier(config.auth),
    readiness: databaseReadiness(orm),
    context: ({ principal, requestId, idempotencyKey }) => {
      const em = orm.em.fork() as EntityManager;
      // In tests a lean row throws when a field reads a column its selection left out.
      return {
        principal,
        requestId,
        em,
        now,
        idempotencyKey,
        idempotencySecret: config.idempotency.secret,
        webhookSigningSecret: config.notifications.webhookSigningSecret,
        allowLoopbackWebhooks: config.nodeEnv !== 'production',
        bydeler,
        loaders: createLoaders(em, principal, bydeler, { strictRows: config.nodeEnv === 'test' }),
      };
    },
  });
}
