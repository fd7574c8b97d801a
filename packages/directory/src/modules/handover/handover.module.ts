import { directoryModule } from '../directory-module.js';
import { HandoverResolver } from './handover.resolver.js';

/** The handover to the bydel after a move: reads the bydeler, organisations and activities modules. */
export const handoverModule = directoryModule({
  id: 'handover',
  entities: [],
  resolvers: [HandoverResolver],
});
