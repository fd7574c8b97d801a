import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Page, type PageArgs, ValidationError } from '@samspill/core';

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
  if (page.after !== undefined && page.after !== null) {
    let decoded: unknown;
    try {
      decoded = Cursor.decode(page.after);
    } catch {
      decoded = undefined;
    }
    if (!Array.isArray(decoded) || decoded.length !== Object.keys(orderBy).length) {
      throw ValidationError.field('after', 'is not a cursor from this list: pass a pageInfo.endCursor you received');
    }
  }
  const cursor = await em.findByCursor(entity, where, {
    first: page.first,
    after: page.after ?? undefined,
    orderBy: orderBy as never,
    includeCount: true,
  });
  return {
    nodes: cursor.items as T[],
    totalCount: cursor.totalCount,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  };
}

/** `%` and `_` in user text match literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
