import type { Row } from '../../lean-rows.js';
import type { LocationEntity } from './location.entity.js';

/** What Location's field resolvers and its policy receive. */
export type LocationRow = Row<LocationEntity, 'organisation' | 'bydel'>;
