import { raw } from '@mikro-orm/core';
import { isAuthenticated, type Principal } from '@samspill/core';

import { DIRECTORY_SCHEMA } from '../directory-schema.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import type { NearInput } from './near.input.js';

/**
 * Location visibilities a caller's "near" search may use. Never CONFIDENTIAL, not even for a
 * shelter's own staff: a distance is enough to locate a place.
 */
export function nearVisibilities(principal: Principal): LocationVisibility[] {
  return isAuthenticated(principal) ? [LocationVisibility.PUBLIC, LocationVisibility.NETWORK] : [LocationVisibility.PUBLIC];
}

const EARTH_POINT = 'll_to_earth(?, ?)';

/** A filter condition: the row's location (column `locationColumn`) lies within the radius. */
export function nearCondition(locationColumn: string, near: NearInput, principal: Principal) {
  const visibilities = nearVisibilities(principal);
  return {
    [raw(
      (alias: string) =>
        `${alias}.${locationColumn} in (select l.id from ${DIRECTORY_SCHEMA}.location l where l.visibility in (${visibilities.map(() => '?').join(', ')}) and l.latitude is not null and l.longitude is not null and earth_box(${EARTH_POINT}, ?) @> ll_to_earth(l.latitude, l.longitude) and earth_distance(${EARTH_POINT}, ll_to_earth(l.latitude, l.longitude)) <= ?)`,
      [...visibilities, near.latitude, near.longitude, near.radiusMeters, near.latitude, near.longitude, near.radiusMeters],
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
