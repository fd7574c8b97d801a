import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ensureDatabase, openOrm, startEmbeddedPostgres, temporaryDataDir } from '@samspill/core';

import { directoryOrmSettings } from '../orm.js';

/**
 * Generates a migration from the difference between the committed migrations and the entities:
 * applies the committed ones to a throw-away embedded PostgreSQL, diffs, writes the new file
 * into src/migrations and lists it in src/migrations/index.ts. Review it before committing.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const sourceDir = path.resolve(__dirname, '../../src/migrations');
  const dataDir = await temporaryDataDir('samspill-migration-');
  const server = await startEmbeddedPostgres({ dataDir, port: 54399, persistent: false });
  try {
    await ensureDatabase(server.serverUrl, 'migration');
    const orm = await openOrm(directoryOrmSettings(server.urlFor('migration')));
    try {
      const result = await orm.getMigrator().createMigration(sourceDir, false, false, name);
      if (!result.fileName) {
        console.log('The entities match the committed migrations: nothing to generate.');
        return;
      }
      const className = result.fileName.replace(/\.ts$/, '');
      const indexPath = path.join(sourceDir, 'index.ts');
      const index = await readFile(indexPath, 'utf8');
      const files = (await readdir(sourceDir)).filter((f) => f.startsWith('Migration') && f.endsWith('.ts')).sort();
      const imports = files.map((f) => `import { ${f.replace(/\.ts$/, '')} } from './${f.replace(/\.ts$/, '.js')}';`).join('\n');
      const list = files.map((f) => `  { name: '${f.replace(/\.ts$/, '')}', class: ${f.replace(/\.ts$/, '')} },`).join('\n');
      const header = index.slice(index.indexOf('/**'), index.indexOf('export const'));
      await writeFile(
        indexPath,
        `import type { MigrationObject } from '@mikro-orm/core';\n\n${imports}\n\n${header}export const migrations: MigrationObject[] = [\n${list}\n];\n`,
      );
      console.log(`Wrote src/migrations/${result.fileName} (${className}); review it before committing.`);
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
