import { parseArgs } from 'node:util';

import { loadConfigOrExit } from '@samspill/core';
import pg from 'pg';

import { loadDemoData } from '../demo-data.js';
import { migrate } from '../migrations.js';

/** Applies the subgraph's migrations to DATABASE_URL; `--demo` also loads the walkthrough's demo data. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const config = loadConfigOrExit();
  if (!config.database.url) throw new Error('DATABASE_URL: is required');
  const pool = new pg.Pool({ connectionString: config.database.url, max: 1 });
  try {
    const applied = await migrate(pool);
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations');
    if (values.demo) console.log((await loadDemoData(pool, new Date().getFullYear())) ? 'loaded the demo data' : 'demo data already present');
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
