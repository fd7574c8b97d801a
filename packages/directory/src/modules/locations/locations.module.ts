import { directoryModule } from '../directory-module.js';
import { LocationEntity } from './location.entity.js';
import { LocationResolver } from './location.resolver.js';

export const locationsModule = directoryModule({
  id: 'locations',
  entities: [LocationEntity],
  resolvers: [LocationResolver],
  loaders: (kit) => ({ location: kit.byId(LocationEntity) }),
});
