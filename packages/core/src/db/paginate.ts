import { createHash } from 'node:crypto';

import { Cursor, CursorError, DriverException, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import { ValidationError } from '../errors/domain-errors.js';
import type { Page, PageArgs } from '../graphql/pagination.js';

/**
 * Keyset pagination with MikroORM's `findByCursor`: `orderBy` must end with a unique key (id) so
 * that pages never skip or repeat rows. A malformed `after` is a BAD_USER_INPUT, not a 500.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  page: PageArgs,
): Promise<Page<T>> {
  // Our cursors carry the sort they belong to, so one from another list or order is refused
  // here instead of being compared with columns of another type.
  const signature = createHash('sha256').update(JSON.stringify(orderBy)).digest('base64url').slice(0, 8);
  let after: string | undefined;
  if (page.after !== undefined && page.after !== null) {
    const [prefix, inner] = page.after.split('.', 2);
    let decoded: unknown;
    try {
      decoded = prefix === signature && inner ? Cursor.decode(inner) : undefined;
    } catch {
      decoded = undefined;
    }
    if (!Array.isArray(decoded) || decoded.length !== Object.keys(orderBy).length) throw badCursor();
    after = inner;
  }
  let cursor;
  try {
    cursor = await em.findByCursor(entity, where, { first: page.first, after, orderBy: orderBy as never, includeCount: true });
  } catch (error) {
    // A hand-made cursor: values missing (MikroORM refuses it) or ones PostgreSQL cannot compare
    // (invalid uuid, timestamp …).
    if (after && error instanceof CursorError) throw badCursor();
    if (after && error instanceof DriverException && /^22/.test(String((error as { code?: string }).code))) throw badCursor();
    throw error;
  }
  const wrap = (inner: string | null) => (inner === null ? null : `${signature}.${inner}`);
  return {
    nodes: cursor.items as T[],
    totalCount: cursor.totalCount,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: wrap(cursor.startCursor),
      endCursor: wrap(cursor.endCursor),
    },
  };
}

function badCursor(): ValidationError {
  return ValidationError.field('after', 'is not a cursor from this list: pass a pageInfo.endCursor you received');
}
