import type { OrmSettings } from '@samspill/core';

import { migrations } from './migrations/index.js';
import { WebSessionEntity } from './sessions/web-session.entity.js';
import { WEB_SCHEMA } from './web-schema.js';

export function webOrmSettings(clientUrl: string, extra: Partial<OrmSettings> = {}): OrmSettings {
  return { clientUrl, schema: WEB_SCHEMA, entities: [WebSessionEntity], migrations, poolMax: 5, ...extra };
}
