import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@samspill/core';

import type { PolicyTime } from './common/policy.js';
import { readModelsOf } from './lean-rows.js';
import type { BydelCatalogue } from './modules/bydeler/bydel.catalogue.js';
import { directoryModules } from './modules/index.js';
import { LoaderKit } from './read-path.js';

export { type FirstOf, type Join, LoaderKit, type ProjectedLoader } from './read-path.js';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
type LoadersOf<M> = M extends { loaders?: (kit: LoaderKit) => infer L } ? L : never;

/** Every feature's loaders, by name: what `ctx.loaders` holds. */
export type DirectoryLoaders = UnionToIntersection<LoadersOf<(typeof directoryModules)[number]>>;

const readModels = readModelsOf(directoryModules.flatMap((module) => module.readModels ?? []));

/**
 * One set of loaders per request, made with that request's entity manager fork and caller: every
 * relation a field resolver reads goes through one of these, so a list costs a fixed number of
 * SQL statements whatever its length. Each feature's module makes its own (see its `loaders`).
 */
export function createLoaders(
  em: EntityManager,
  principal: Principal,
  bydeler: BydelCatalogue,
  options: { strictRows?: boolean; policyTime: PolicyTime },
): DirectoryLoaders {
  const kit = new LoaderKit(em, principal, bydeler, readModels, options.strictRows ?? false, options.policyTime);
  const loaders: Record<string, unknown> = {};
  for (const module of directoryModules) {
    for (const [name, loader] of Object.entries(module.loaders?.(kit) ?? {})) {
      if (name in loaders) throw new Error(`Two directory modules make a loader "${name}" (the second is ${module.id})`);
      loaders[name] = loader;
    }
  }
  return loaders as DirectoryLoaders;
}
