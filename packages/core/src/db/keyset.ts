import { createHash } from 'node:crypto';

import { ValidationError } from '../errors/domain-errors.js';

/**
 * The one cursor format of the supergraph, for every keyset-paginated list of both subgraphs:
 * `<signature>~<value>~<id>`. The signature (6 characters of sha256 of the order's name) keeps one
 * list's cursors out of another's; the value is the row's sort value (a number as written, text and
 * date-times as base64url of their text); the id breaks ties. Cursors are opaque to clients: only
 * what this module encodes decodes, and anything else is BAD_USER_INPUT on `after`.
 */
export type KeysetValueType = 'numeric' | 'text' | 'timestamptz';

export function keysetSignature(orderName: string): string {
  return createHash('sha256').update(orderName).digest('base64url').slice(0, 6);
}

export function encodeKeysetCursor(signature: string, type: KeysetValueType, value: string | number, id: string): string {
  return `${signature}~${type === 'numeric' ? String(value) : Buffer.from(String(value), 'utf8').toString('base64url')}~${id}`;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const UUID = /^[0-9a-f-]{36}$/i;

/**
 * A cursor's value and id, checked against the list's signature, the value's type and the form of
 * its ids (uuids unless told); BAD_USER_INPUT when it is not one this list gave out. Never a NUL.
 */
export function decodeKeysetCursor(
  cursor: string,
  signature: string,
  type: KeysetValueType,
  idPattern: RegExp = UUID,
): { readonly value: string; readonly id: string } {
  const [prefix, encoded, id, ...rest] = cursor.split('~');
  const value = encoded === undefined ? undefined : cursorValue(type, encoded);
  if (prefix !== signature || value === undefined || !id || rest.length || !idPattern.test(id)) throw badCursor();
  return { value, id };
}

function cursorValue(type: KeysetValueType, encoded: string): string | undefined {
  if (type === 'numeric') return /^-?\d+(\.\d+)?$/.test(encoded) ? encoded : undefined;
  if (!BASE64URL.test(encoded)) return undefined;
  const value = Buffer.from(encoded, 'base64url').toString('utf8');
  if (value.includes('\u0000') || Buffer.from(value, 'utf8').toString('base64url') !== encoded) return undefined;
  if (type === 'timestamptz' && !TIMESTAMP.test(value)) return undefined;
  return value;
}

export function badCursor(): ValidationError {
  return ValidationError.field('after', 'is not a cursor from this list: pass a pageInfo.endCursor you received');
}
