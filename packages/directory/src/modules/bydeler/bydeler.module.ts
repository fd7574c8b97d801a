import { directoryModule } from '../directory-module.js';
import { BydelEntity } from './bydel.entity.js';
import { BydelResolver, resolveBydelReference } from './bydel.resolver.js';

export const bydelerModule = directoryModule({
  id: 'bydeler',
  entities: [BydelEntity],
  resolvers: [BydelResolver],
  references: { Bydel: { __resolveReference: resolveBydelReference } },
});
