import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ensureDatabase, startEmbeddedPostgres, temporaryDataDir } from './database.js';
import { openOrm, type OrmSettings } from './orm.js';

/**
 * Generates a migration from the difference between the committed migrations and the entities:
 * applies the committed ones to a throw-away embedded PostgreSQL, diffs, writes the new file into
 * `sourceDir` and lists it in `sourceDir/index.ts`. Review the file before committing it.
 */
export async function generateMigration(options: {
  settings: (url: string) => OrmSettings;
  sourceDir: string;
  name?: string;
  port?: number;
}): Promise<string | null> {
  const server = await startEmbeddedPostgres({ dataDir: await temporaryDataDir('samspill-migration-'), port: options.port ?? 54399, persistent: false });
  try {
    await ensureDatabase(server.serverUrl, 'migration');
    const orm = await openOrm(options.settings(server.urlFor('migration')));
    try {
      const result = await orm.getMigrator().createMigration(options.sourceDir, false, false, options.name);
      if (!result.fileName) return null;
      await writeMigrationIndex(options.sourceDir);
      return result.fileName;
    } finally {
      await orm.close();
    }
  } finally {
    await server.stop();
  }
}

async function writeMigrationIndex(sourceDir: string): Promise<void> {
  const classes = (await readdir(sourceDir))
    .filter((file) => file.startsWith('Migration') && file.endsWith('.ts'))
    .sort()
    .map((file) => file.replace(/\.ts$/, ''));
  const imports = classes.map((c) => `import { ${c} } from './${c}.js';`).join('\n');
  const list = classes.map((c) => `  { name: '${c}', class: ${c} },`).join('\n');
  const indexPath = path.join(sourceDir, 'index.ts');
  const previous = await readFile(indexPath, 'utf8').catch(() => '');
  const doc = previous.includes('/**')
    ? previous.slice(previous.indexOf('/**'), previous.indexOf('export const'))
    : '/** Committed migrations in the order they apply. */\n';
  await writeFile(
    indexPath,
    `import type { MigrationObject } from '@mikro-orm/core';\n\n${imports}\n\n${doc}export const migrations: MigrationObject[] = [\n${list}\n];\n`,
  );
}

/** The body of a package's `migration:create` script. */
export function runMigrationGenerator(settings: (url: string) => OrmSettings, sourceDir: string): void {
  generateMigration({ settings, sourceDir, name: process.argv[2] })
    .then((file) =>
      console.log(
        file
          ? `Wrote ${path.relative(process.cwd(), path.join(sourceDir, file))}; review it before committing.`
          : 'The entities match the committed migrations: nothing to generate.',
      ),
    )
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
