import type { EntityManager } from '@mikro-orm/postgresql';
import { loadConfigOrExit, openOrm, type Principal } from '@samspill/core';

import { importHsds } from '../modules/hsds/hsds.import.js';
import { readHsdsDataset } from '../modules/hsds/hsds-source.js';
import { directoryOrmSettings } from '../orm.js';

const USAGE = `Usage: node packages/directory/dist/cli/hsds-import.js <file.json | https://…/hsds> [--apply] [--token T]

Loads an HSDS 3.1 dataset into the directory (DATABASE_URL). Without --apply it is a dry run: it
prints what would be new, changed and unchanged, and every refused record with the field and why.
With --apply it writes everything in one transaction, or nothing when any record is refused.
--token is sent as a bearer token when reading from an HSDS API.`;

/** The CLI runs as the operator with database access: a platform admin. */
const OPERATOR: Principal = { kind: 'user', subject: 'hsds-import-cli', role: 'PLATFORM_ADMIN' } as Principal;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const source = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--token');
  if (!source || args.includes('--help')) {
    console.log(USAGE);
    process.exit(source ? 0 : 2);
  }
  const apply = args.includes('--apply');
  const token = args.includes('--token') ? args[args.indexOf('--token') + 1] : undefined;
  const config = loadConfigOrExit();
  if (!config.database.url) throw new Error('DATABASE_URL is required');
  const progress = (line: string) => console.error(`hsds-import: ${line}`);
  const dataset = await readHsdsDataset(source, { token, progress });
  progress(`${dataset.organizations.length} organisations and ${dataset.services.length} services read from ${source}`);
  const orm = await openOrm(directoryOrmSettings(config.database.url));
  try {
    const report = await importHsds(orm.em.fork() as EntityManager, OPERATOR, dataset, { dryRun: !apply, now: () => new Date(), progress });
    console.log(JSON.stringify(report, null, 2));
    for (const kind of ['organizations', 'locations', 'services'] as const) {
      progress(`${kind}: ${report[kind].new.length} new, ${report[kind].changed.length} changed, ${report[kind].unchanged.length} unchanged`);
    }
    if (report.errors.length) {
      progress(`${report.errors.length} record(s) refused; nothing was written`);
      process.exitCode = 1;
    } else progress(report.applied ? 'written' : 'dry run: nothing written (add --apply)');
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
