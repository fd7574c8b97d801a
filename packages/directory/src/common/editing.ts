import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, isAuthenticated, isUuid, mayEdit, NotFoundError, type Principal, UnauthenticatedError, ValidationError } from '@samspill/core';

import type { ProjectedLoader } from '../read-path.js';

/** Only the organisation's own editors and platform admins change its offers, contacts and places. */
export function assertMayEdit(principal: Principal, organisationId: string): void {
  if (!isAuthenticated(principal)) throw new UnauthenticatedError();
  if (!mayEdit(principal, organisationId)) {
    throw new ForbiddenError("Only the organisation's own editors and platform admins may change its data");
  }
}

/**
 * Loads a record the caller wants to change. One the caller cannot even see is NOT_FOUND (its
 * existence is not revealed); one they can see but not change is FORBIDDEN.
 */
export async function loadForEdit<T extends { id: string; organisation: { id: string } }>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  label: string,
  id: string,
  principal: Principal,
  canSee: (entity: T) => boolean,
  expectedVersion?: number | null,
): Promise<T> {
  const found = isUuid(id) ? await em.findOne(entity, { id } as never) : null;
  if (!found || (!canSee(found) && !mayEdit(principal, found.organisation.id))) throw new NotFoundError(label, id);
  assertMayEdit(principal, found.organisation.id);
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
