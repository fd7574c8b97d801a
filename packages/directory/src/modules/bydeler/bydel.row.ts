import type { Row } from '../../lean-rows.js';
import type { BydelEntity } from './bydel.entity.js';

/** What Bydel's field resolvers receive: a row of the catalogue, read once per server. */
export type BydelRow = Row<BydelEntity>;
