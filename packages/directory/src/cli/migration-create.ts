import path from 'node:path';

import { runMigrationGenerator } from '@samspill/core';

import { directoryOrmSettings } from '../orm.js';

runMigrationGenerator((url) => directoryOrmSettings(url), path.resolve(__dirname, '../../src/migrations'));
