import type { HttpRoute, ReferenceResolvers } from '@samspill/core';

import type { DirectoryContext } from '../context.js';
import type { ReadModel } from '../lean-rows.js';
import type { LoaderKit } from '../read-path.js';

/**
 * Everything a feature registers with the directory subgraph, in one place beside the feature
 * (Hive console's `createModule`): `orm.ts`, `schema.ts` and `loaders.ts` only assemble these.
 */
export interface DirectoryModule<L extends object = object> {
  readonly id: string;
  /** Its MikroORM entities. */
  readonly entities: readonly Function[];
  /** Its type-graphql resolver classes. */
  readonly resolvers: readonly Function[];
  /** `_entities` for each of its `@key` types, by type name. */
  readonly references?: ReferenceResolvers;
  /** Which of its columns are display-only (see lean-rows.ts). */
  readonly readModels?: ReadonlyArray<ReadModel<never>>;
  /** Its per-request loaders, made from the request's kit; merged into `ctx.loaders`. */
  readonly loaders?: (kit: LoaderKit) => L;
  /**
   * Its plain HTTP interfaces beside `/graphql` (an export, a feed), with the request's context:
   * the same loaders and policies as its resolvers. The gateway forwards their prefixes here
   * (`HTTP_ROUTES` in the gateway).
   */
  readonly routes?: ReadonlyArray<HttpRoute<DirectoryContext>>;
}

/** Declares a feature's module (the identity, typed: its loaders' names and types reach `ctx.loaders`). */
export function directoryModule<L extends object = object>(module: DirectoryModule<L>): DirectoryModule<L> {
  return module;
}
