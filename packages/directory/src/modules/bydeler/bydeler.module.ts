import { directoryModule } from '../directory-module.js';
import { BydelEntity } from './bydel.entity.js';
import { BydelResolver, resolveBydelReference } from './bydel.resolver.js';
import { BydelCooperationContactEntity } from './bydel-cooperation.entity.js';
import { BydelCooperationResolver, cooperationContactsByBydel } from './bydel-cooperation.resolver.js';

export const bydelerModule = directoryModule({
  id: 'bydeler',
  entities: [BydelEntity, BydelCooperationContactEntity],
  resolvers: [BydelResolver, BydelCooperationResolver],
  references: { Bydel: { __resolveReference: resolveBydelReference } },
  loaders: (kit) => ({ cooperationContactByBydel: cooperationContactsByBydel(kit.em) }),
});
