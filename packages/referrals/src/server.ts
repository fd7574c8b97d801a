import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, databaseReadiness, GraphQLHttpServer, type Logger, TokenVerifier } from '@samspill/core';

import { createReferralLoaders, type ReferralsContext } from './context.js';
import { type DirectoryLookup, HttpDirectoryLookup } from './modules/directory-link/directory-client.js';
import { buildReferralsSchema } from './schema.js';

export interface ReferralsServerOptions {
  /** Defaults to asking the directory subgraph at `config.federation.directoryUrl`. */
  readonly directory?: DirectoryLookup;
  /** The clock; tests move it. */
  readonly now?: () => Date;
}

export async function createReferralsServer(
  orm: MikroORM<PostgreSqlDriver>,
  config: Config,
  logger: Logger,
  options: ReferralsServerOptions = {},
): Promise<GraphQLHttpServer<ReferralsContext>> {
  const { schema } = await buildReferralsSchema();
  const directory = options.directory ?? new HttpDirectoryLookup(config.federation.directoryUrl, config.federation.gatewaySharedSecret);
  const now = options.now ?? (() => new Date());
  return new GraphQLHttpServer<ReferralsContext>({
    name: 'referrals',
    schema,
    config,
    logger,
    onlyThroughGateway: true,
    verifier: new TokenVerifier(config.auth),
    readiness: databaseReadiness(orm),
    context: ({ principal, requestId, headers, idempotencyKey }) => {
      const em = orm.em.fork() as EntityManager;
      return {
        principal,
        requestId,
        em,
        authorization: headers.authorization,
        directory,
        settings: {
          answerDays: config.referrals.answerDays,
          retentionDays: config.referrals.retentionDays,
          statisticsFinalAfterDays: config.referrals.statisticsFinalAfterDays,
        },
        now,
        idempotencyKey,
        idempotencySecret: config.idempotency.secret,
        loaders: createReferralLoaders(em),
      };
    },
  });
}
