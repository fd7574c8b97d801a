import type { MigrationObject } from '@mikro-orm/core';

import { Migration20261201100000_sessions } from './Migration20261201100000_sessions.js';

/** Committed migrations in the order they apply. */
export const migrations: MigrationObject[] = [{ name: 'Migration20261201100000_sessions', class: Migration20261201100000_sessions }];
