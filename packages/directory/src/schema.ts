import { buildFederatedSchema, type ReferenceResolvers, type SubgraphSchemas } from '@samspill/core';

import { directoryModules } from './modules/index.js';

/** Every feature's resolver classes, from its module. */
export const directoryResolvers = directoryModules.flatMap((module) => module.resolvers);

/**
 * Reference resolvers for every `@key` entity, from the features' modules. Each uses the request's
 * loaders and exactly the authorization of the matching root field, so `_entities` is no way around it.
 */
export const directoryReferenceResolvers: ReferenceResolvers = Object.assign({}, ...directoryModules.map((module) => module.references ?? {}));

let built: Promise<SubgraphSchemas> | undefined;

/** The directory subgraph schema, built once per process. */
export function buildDirectorySchema(): Promise<SubgraphSchemas> {
  built ??= buildFederatedSchema(
    {
      resolvers: directoryResolvers as unknown as [Function, ...Function[]],
      validate: { forbidUnknownValues: false, skipMissingProperties: true },
    },
    directoryReferenceResolvers,
  );
  return built;
}
