/**
 * Everything a feature registers with the referrals subgraph, beside the feature (as the
 * directory's `DirectoryModule`): `orm.ts` and `schema.ts` only assemble these.
 */
export interface ReferralsModule {
  readonly id: string;
  /** Its MikroORM entities. */
  readonly entities: readonly Function[];
  /** Its type-graphql resolver classes. */
  readonly resolvers: readonly Function[];
}

/** Declares a feature's module. */
export function referralsModule(module: ReferralsModule): ReferralsModule {
  return module;
}
