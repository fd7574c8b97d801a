import { directoryModule } from '../directory-module.js';
import { hsdsRoute } from './hsds.routes.js';

/** The directory as HSDS 3.1 (Open Referral): the export API under `/hsds/`. No entities or GraphQL of its own. */
export const hsdsModule = directoryModule({ id: 'hsds', entities: [], resolvers: [], routes: [hsdsRoute] });
