import path from 'node:path';

import { runMigrationGenerator } from '@samspill/core';

import { referralsOrmSettings } from '../orm.js';

runMigrationGenerator((url) => referralsOrmSettings(url), path.resolve(__dirname, '../../src/migrations'));
