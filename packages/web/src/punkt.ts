/**
 * Punkt's React components, always imported from here: the globals that keep Punkt off Oslo's CDN
 * (src/punkt-offline.ts) are then set before Punkt's own modules run, in whatever chunk they land.
 */
import './punkt-offline';

export { PktAlert } from '@oslokommune/punkt-react';
