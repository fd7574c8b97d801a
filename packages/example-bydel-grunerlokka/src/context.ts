import type { Principal } from '@samspill/core';
import DataLoader from 'dataloader';

import type { CooperationContact, Grant, GrunerlokkaStore } from './store.js';

export interface GrunerlokkaContext {
  readonly principal: Principal;
  readonly loaders: GrunerlokkaLoaders;
}

export interface GrunerlokkaLoaders {
  /** An organisation's grants: one statement for all the organisations of a request's `_entities`. */
  readonly grants: DataLoader<string, Grant[]>;
  readonly cooperationContacts: DataLoader<string, CooperationContact | null>;
}

/** One set per request, so that nothing read for one caller reaches another. */
export function createLoaders(store: GrunerlokkaStore): GrunerlokkaLoaders {
  return {
    grants: new DataLoader(async (ids) => {
      const byId = await store.grantsByOrganisation(ids);
      return ids.map((id) => byId.get(id) ?? []);
    }),
    cooperationContacts: new DataLoader(async (codes) => {
      const byCode = await store.cooperationContacts(codes);
      return codes.map((code) => byCode.get(code) ?? null);
    }),
  };
}
