import {
  Access,
  type AccessRule,
  ForbiddenError,
  isAuthenticated,
  mayEdit,
  NotFoundError,
  type Principal,
  type Role,
  UnauthenticatedError,
} from '@samspill/core';

import type { Policy, PolicyTime } from './policy.js';

/** Who changes an organisation's offers, places and contacts: its own editors (scope checked on the row) and platform admins. */
const EDITOR_ROLES: readonly Role[] = ['ORG_EDITOR', 'PLATFORM_ADMIN'];

/** What a caller asks to do with one of a feature's rows. */
export type Verb = 'see' | 'edit';
export type Action<N extends string> = `${N}:${Verb}`;

/** What the edit rule reads: whose the row is (a row, an entity, or `{ organisation: { id } }` for one about to be created). */
export interface Owned {
  readonly id?: string;
  readonly organisation: { readonly id: string };
}

/**
 * A feature's whole authorization, named by action: `see` is its visibility policy (three forms,
 * see policy.ts), `edit` the rule that only the organisation's own editors and platform admins
 * change its rows. Mutations, single reads, loaders and `_entities` all ask this one object:
 * `policy.assert(principal, 'activity:edit', row)`, `policy.may(principal, 'activity:see', row)`,
 * and `@Allow(policy.access('activity:edit'))` for the role gate in front of a mutation.
 */
export interface FeaturePolicy<N extends string, R, E = R> extends Policy<R, E> {
  readonly name: N;
  /** The GraphQL type's name, for NOT_FOUND. */
  readonly label: string;
  /** `time`: the request's policy time, for a `see` rule that depends on it. */
  may(principal: Principal, action: Action<N>, row: R | Owned, time?: PolicyTime): boolean;
  /**
   * Throws unless `may`: for `see`, NOT_FOUND (existence is not revealed); for `edit`,
   * UNAUTHENTICATED or FORBIDDEN.
   */
  assert(principal: Principal, action: Action<N>, row: R | Owned, time?: PolicyTime): void;
  /** The role gate in front of an edit, for `@Allow` (the field-level check before the row's). */
  access(action: `${N}:edit`): AccessRule;
}

export function featurePolicy<N extends string, R, E = R>(name: N, label: string, see: Policy<R, E>): FeaturePolicy<N, R, E> {
  const verbOf = (action: Action<N>): Verb => action.slice(name.length + 1) as Verb;
  const may = (principal: Principal, action: Action<N>, row: R | Owned, time?: PolicyTime): boolean =>
    verbOf(action) === 'see' ? see.allows(principal, row as R, time) : mayEdit(principal, (row as Owned).organisation.id);
  const editors = Access.roles(...EDITOR_ROLES);
  return {
    ...see,
    name,
    label,
    may,
    assert(principal, action, row, time) {
      if (may(principal, action, row, time)) return;
      if (verbOf(action) === 'see') throw new NotFoundError(label, (row as Owned).id ?? '');
      if (!isAuthenticated(principal)) throw new UnauthenticatedError();
      throw new ForbiddenError("Only the organisation's own editors and platform admins may change its data");
    },
    access: () => editors,
  };
}
