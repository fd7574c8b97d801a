import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, GraphQLHttpServer, type Logger, TokenVerifier } from '@samspill/core';

import type { DirectoryContext } from './context.js';
import { createLoaders } from './loaders.js';
import { buildDirectorySchema } from './schema.js';

/** The directory subgraph's HTTP server: one entity manager fork and one set of loaders per request. */
export async function createDirectoryServer(orm: MikroORM<PostgreSqlDriver>, config: Config, logger: Logger): Promise<GraphQLHttpServer<DirectoryContext>> {
  const { schema } = await buildDirectorySchema();
  return new GraphQLHttpServer<DirectoryContext>({
    name: 'directory',
    schema,
    onlyThroughGateway: true,
    config,
    logger,
    verifier: new TokenVerifier(config.auth),
    context: ({ principal, requestId }) => {
      const em = orm.em.fork() as EntityManager;
      // In tests a lean row throws when a field reads a column its selection left out.
      return { principal, requestId, em, loaders: createLoaders(em, principal, { strictRows: config.nodeEnv === 'test' }) };
    },
  });
}
