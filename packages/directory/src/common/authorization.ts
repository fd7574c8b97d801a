import {
  Access,
  type AccessRule,
  ForbiddenError,
  isAdmin,
  isAuthenticated,
  mayEdit,
  NotFoundError,
  type Principal,
  type Role,
  UnauthenticatedError,
} from '@samspill/core';

import type { Policy, PolicyTime } from './policy.js';

/** Who may change a feature's rows: the roles let past the gate in front of a mutation, then the rule on the row. */
export interface EditRule {
  readonly roles: readonly Role[];
  may(principal: Principal, row: Owned | undefined): boolean;
  /** The FORBIDDEN message. */
  readonly refusal: string;
}

/** An organisation's offers, places and contacts: its own editors (scope checked on the row) and platform admins. */
export const OWN_EDITORS: EditRule = {
  roles: ['ORG_EDITOR', 'PLATFORM_ADMIN'],
  may: (principal, row) => row !== undefined && mayEdit(principal, row.organisation.id),
  refusal: "Only the organisation's own editors and platform admins may change its data",
};

/** The organisations themselves (registering, correcting, vetting): platform admins alone. */
export const PLATFORM_ADMINS: EditRule = {
  roles: ['PLATFORM_ADMIN'],
  may: (principal) => isAdmin(principal),
  refusal: 'Only platform admins register, correct and vet organisations',
};

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
  /** `row` may be left out only where the edit rule reads none (a new organisation, for PLATFORM_ADMINS). `time`: the request's policy time, for a `see` rule that depends on it. */
  may(principal: Principal, action: Action<N>, row?: R | Owned, time?: PolicyTime): boolean;
  /**
   * Throws unless `may`: for `see`, NOT_FOUND (existence is not revealed); for `edit`,
   * UNAUTHENTICATED or FORBIDDEN.
   */
  assert(principal: Principal, action: Action<N>, row?: R | Owned, time?: PolicyTime): void;
  /** The role gate in front of an edit, for `@Allow` (the field-level check before the row's). */
  access(action: `${N}:edit`): AccessRule;
}

export function featurePolicy<N extends string, R, E = R>(name: N, label: string, see: Policy<R, E>, edit: EditRule = OWN_EDITORS): FeaturePolicy<N, R, E> {
  const verbOf = (action: Action<N>): Verb => action.slice(name.length + 1) as Verb;
  const may = (principal: Principal, action: Action<N>, row: R | Owned | undefined, time?: PolicyTime): boolean =>
    verbOf(action) === 'see' ? row !== undefined && see.allows(principal, row as R, time) : edit.may(principal, row as Owned | undefined);
  const editors = Access.roles(...edit.roles);
  return {
    ...see,
    name,
    label,
    may,
    assert(principal, action, row, time) {
      if (may(principal, action, row, time)) return;
      if (verbOf(action) === 'see') throw new NotFoundError(label, (row as Owned | undefined)?.id ?? '');
      if (!isAuthenticated(principal)) throw new UnauthenticatedError();
      throw new ForbiddenError(edit.refusal);
    },
    access: () => editors,
  };
}
