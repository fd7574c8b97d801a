import { DriverException, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { Page, PageArgs } from '../graphql/pagination.js';
import { badCursor, decodeKeysetCursor, encodeKeysetCursor, keysetSignature, type KeysetValueType } from './keyset.js';

const TYPES: Record<string, KeysetValueType> = { string: 'text', Date: 'timestamptz', number: 'numeric' };

/**
 * Keyset pagination over managed entities, in the supergraph's one cursor format (keyset.ts):
 * `orderBy` is one non-null column, then `id` (or `id` alone), so that pages never skip or repeat
 * rows. Two statements: the page (one row more than asked, to tell whether there is a next) and the
 * count. A cursor from another list or order, or one made by hand, is BAD_USER_INPUT, not a 500.
 */
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  orderBy: QueryOrderMap<T>,
  page: PageArgs,
): Promise<Page<T>> {
  const meta = em.getMetadata().find(entity as never)!;
  const entries = Object.entries(orderBy as Record<string, string>) as Array<[string, string]>;
  const [property, direction] = entries[0]!;
  const tie = entries.length === 1 ? direction : entries[1]![1];
  const prop = meta.properties[property as never] as { runtimeType?: string; nullable?: boolean } | undefined;
  const type = prop?.runtimeType ? TYPES[prop.runtimeType] : undefined;
  if ((entries.length === 2 && entries[1]![0] !== 'id') || entries.length > 2 || (entries.length === 1 && property !== 'id') || prop?.nullable || !type) {
    throw new Error(`${meta.className}: a keyset order is one non-null text, date-time or number column, then id (got ${JSON.stringify(orderBy)})`);
  }
  const signature = keysetSignature(`${meta.className}-${entries.map(([key, way]) => `${key}-${way}`).join('-')}`);
  // Ids are uuids, or whole numbers where the key is an integer column (the audit log's bigint).
  const idColumn = (meta.properties['id' as never] as { columnTypes?: string[] } | undefined)?.columnTypes?.[0];
  const idPattern = /int|serial/i.test(String(idColumn)) ? /^\d+$/ : undefined;
  const conditions: FilterQuery<T>[] = [where];
  if (page.after !== undefined && page.after !== null) {
    const after = decodeKeysetCursor(page.after, signature, type, idPattern);
    const value = type === 'timestamptz' ? new Date(after.value) : type === 'numeric' ? Number(after.value) : after.value;
    if (value instanceof Date && Number.isNaN(value.getTime())) throw badCursor();
    const beyond = (way: string) => (way === 'desc' ? '$lt' : '$gt');
    conditions.push(
      (property === 'id'
        ? { id: { [beyond(tie)]: after.id } }
        : { $or: [{ [property]: { [beyond(direction)]: value } }, { [property]: value, id: { [beyond(tie)]: after.id } }] }) as FilterQuery<T>,
    );
  }
  let rows: T[];
  let totalCount: number;
  try {
    [rows, totalCount] = await Promise.all([
      em.find(entity, { $and: conditions } as FilterQuery<T>, { orderBy: orderBy as never, limit: page.first + 1 }),
      em.count(entity, where),
    ]);
  } catch (error) {
    // A hand-made cursor with a value PostgreSQL cannot compare (an id out of range …).
    if (page.after && error instanceof DriverException && /^22/.test(String((error as { code?: string }).code))) throw badCursor();
    throw error;
  }
  const nodes = rows.slice(0, page.first);
  const cursorOf = (row: T) => {
    const record = row as Record<string, unknown>;
    const value = record[property];
    return encodeKeysetCursor(signature, type, value instanceof Date ? value.toISOString() : (value as string | number), String(record.id));
  };
  return {
    nodes,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: !!page.after,
      startCursor: nodes.length ? cursorOf(nodes[0]!) : null,
      endCursor: nodes.length ? cursorOf(nodes.at(-1)!) : null,
    },
  };
}
