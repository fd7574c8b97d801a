import { raw } from '@mikro-orm/core';

import { DIRECTORY_SCHEMA } from '../directory-schema.js';
import type { NearInput } from './near.input.js';

const EARTH_POINT = 'll_to_earth(?, ?)';

/**
 * A filter condition: the row's location (column `locationColumn`) lies within the radius, and is
 * one of `places` (SQL over the location alias `l`: the places the caller's search may measure from).
 */
export function nearCondition(locationColumn: string, near: NearInput, places: { readonly sql: string; readonly params: unknown[] }) {
  return {
    [raw(
      (alias: string) =>
        `${alias}.${locationColumn} in (select l.id from ${DIRECTORY_SCHEMA}.location l where ${places.sql} and l.latitude is not null and l.longitude is not null and earth_box(${EARTH_POINT}, ?) @> ll_to_earth(l.latitude, l.longitude) and earth_distance(${EARTH_POINT}, ll_to_earth(l.latitude, l.longitude)) <= ?)`,
      [...places.params, near.latitude, near.longitude, near.radiusMeters, near.latitude, near.longitude, near.radiusMeters],
    )]: true,
  };
}

/** Metres from the point to the row's location, for ordering and for `distanceMeters`. */
export function distanceSql(alias: string, locationColumn: string, near: NearInput): { sql: string; params: unknown[] } {
  return {
    sql: `(select round(earth_distance(${EARTH_POINT}, ll_to_earth(l.latitude, l.longitude))::numeric, 1) from ${DIRECTORY_SCHEMA}.location l where l.id = ${alias}.${locationColumn})`,
    params: [near.latitude, near.longitude],
  };
}

/**
 * A filter condition: the row serves one of `codes`, through a pivot table. A sub-select rather
 * than a join, so that a page of rows is never multiplied by its bydeler.
 */
export function servesBydeler(pivotTable: string, ownerColumn: string, codes: readonly string[]) {
  return {
    [raw(
      (alias: string) =>
        `${alias}.id in (select p.${ownerColumn} from ${DIRECTORY_SCHEMA}.${pivotTable} p where p.bydel_code in (${codes.map(() => '?').join(', ')}))`,
      [...codes],
    )]: true,
  };
}
