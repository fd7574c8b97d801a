import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { fixedOperations, floorVariables } from '../testing/operations.js';
import { seedScaleDataset } from '../testing/scale-dataset.js';
import { PlatformTestApp } from './support/platform.js';

const FLOOR = path.resolve(__dirname, '../../../../scripts/bench/floor-server.mjs');

function startFloor(databaseUrl: string, started: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, [FLOOR], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`floor-server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = String(chunk).match(/ready (\S+)/);
      if (ready) resolve(ready[1]!);
    });
  });
}

/** Stops the floor before its database goes. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The benchmark compares the platform with a hand-written floor: the comparison is only fair if
 * the floor does the same work, so it must give the same answers.
 */
describe("the benchmark's floor", () => {
  let app: PlatformTestApp;
  let floorUrl: string;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    floorUrl = await startFloor(app.databaseUrl, started);
  });
  afterAll(async () => {
    await Promise.all(started.map(stop));
    await app?.close();
  });

  it('answers every read operation as the platform does', async () => {
    const dataset = await seedScaleDataset(app.directoryEm(), app.referralsEm(), 3);
    // The seeded titles are all different and every activity is published: make ties (which the
    // id must break, in the list and in the ranking) and drafts (which staff do not see).
    const sql = app.directoryEm().getConnection();
    await sql.execute(
      `update directory.activity set title = 'Leksehjelp' where id in (select id from directory.activity where bydel_code = ? order by id limit 4)`,
      [dataset.sample.bydel],
    );
    await sql.execute(
      `update directory.activity set status = 'DRAFT' where id in (select id from directory.activity where bydel_code = ? order by id desc limit 2)`,
      [dataset.sample.bydel],
    );
    // And a referral to the sample organisation that was cancelled before it was sent: the
    // shelter's alone, in no inbox.
    await app
      .referralsEm()
      .getConnection()
      .execute(
        `insert into referrals.referral
         select (jsonb_populate_record(r, jsonb_build_object('id', gen_random_uuid(), 'status', 'CANCELLED', 'sent_at', null, 'created_at', now()))).*
           from referrals.referral r where r.receiving_organisation_id = ? limit 1`,
        [dataset.sample.organisationId],
      );
    const reads = fixedOperations(dataset.sample).filter((operation) => operation.read);
    for (const operation of reads) {
      const platform = (await app.query(operation.query, { variables: operation.variables, as: operation.as })).body;
      // As the benchmark sends it (scripts/bench/run.mjs).
      const response = await fetch(floorUrl + operation.floorRoute, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: floorVariables(operation, dataset.sample) }),
      });
      const answer = (await response.json()) as { data?: Record<string, any> };
      // Left out of the floor on purpose: occurrences are computed from the schedule, without SQL.
      if (operation.name === 'activity by id') delete platform.data?.activity?.nextOccurrences;
      expect({ operation: operation.name, status: response.status, ...answer }).toEqual({ operation: operation.name, status: 200, ...platform });
    }
  });
});
