import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, NotFoundError, type Principal, ValidationError } from '@samspill/core';

import type { ProjectedLoader } from '../read-path.js';
import type { FeaturePolicy } from './authorization.js';

/**
 * Loads a record the caller wants to change. One the caller cannot even see is NOT_FOUND (its
 * existence is not revealed); one they can see but not change is FORBIDDEN.
 */
export async function loadForEdit<T extends { id: string; organisation: { id: string } }, N extends string, R>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  policy: FeaturePolicy<N, R, T>,
  id: string,
  principal: Principal,
  expectedVersion?: number | null,
): Promise<T> {
  const found = isUuid(id) ? await em.findOne(entity, { id } as never) : null;
  const see = `${policy.name}:see` as const;
  const edit = `${policy.name}:edit` as const;
  // The entity holds every column a rule reads, so the policy reads it as it reads a row.
  if (!found || (!policy.may(principal, see, found as unknown as R) && !policy.may(principal, edit, found))) throw new NotFoundError(policy.label, id);
  policy.assert(principal, edit, found);
  // Optimistic locking: a stale version is refused now, and a concurrent flush is refused by
  // the `where version = ?` of the update itself.
  if (expectedVersion !== undefined && expectedVersion !== null) await em.lock(found, LockMode.OPTIMISTIC, expectedVersion);
  return found;
}

/** Copies the fields present in `input` (undefined = unchanged), refusing null for required ones. */
export function applyChanges<T extends object>(
  target: T,
  input: object,
  keys: ReadonlyArray<keyof T & string>,
  required: ReadonlyArray<keyof T & string>,
): void {
  const values = input as Record<string, unknown>;
  for (const key of keys) {
    const value = values[key];
    if (value === undefined) continue;
    if (value === null && required.includes(key)) throw ValidationError.field(`input.${key}`, 'cannot be cleared');
    (target as Record<string, unknown>)[key] = value;
  }
}

/**
 * What a write left behind, as the feature's row: read back through the request's loader after
 * it forgets what it held, so a mutation's result is the same kind of object as a list's rows.
 */
export async function readBack<R>(rows: ProjectedLoader<string, R | null>, label: string, id: string): Promise<R> {
  rows.forget();
  const row = await rows.load(id);
  if (!row) throw new NotFoundError(label, id);
  return row;
}
