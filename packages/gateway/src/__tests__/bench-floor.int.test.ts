import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { fixedOperations, floorVariables, postgraphileDifference } from '../testing/operations.js';
import { type ScaleDataset, seedScaleDataset } from '../testing/scale-dataset.js';
import { PlatformTestApp } from './support/platform.js';

const BENCH = path.resolve(__dirname, '../../../../scripts/bench');

/** Starts one of the benchmark's peers (floor-server.mjs, postgraphile-server.mjs) on the database; resolves to its URL. */
function startPeer(script: string, databaseUrl: string, started: ChildProcess[]): Promise<string> {
  const child = spawn(process.execPath, [path.join(BENCH, script)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  started.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = String(chunk).match(/ready (\S+)/);
      if (ready) resolve(ready[1]!);
    });
  });
}

/** Stops a peer before its database goes. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The benchmark compares the platform with a hand-written floor and with PostGraphile v5: the
 * comparison is only fair if they do the same work, so they must give the same answers.
 */
describe("the benchmark's floor and PostGraphile", () => {
  let app: PlatformTestApp;
  let floorUrl: string;
  let postgraphileUrl: string;
  let dataset: ScaleDataset;
  const started: ChildProcess[] = [];

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    [floorUrl, postgraphileUrl] = await Promise.all([
      startPeer('floor-server.mjs', app.databaseUrl, started),
      startPeer('postgraphile-server.mjs', app.databaseUrl, started),
    ]);
    dataset = await seedScaleDataset(app.directoryEm(), app.referralsEm(), 3);
    // Every seeded activity is published, and ties are rare: make ties (which the
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
  }, 60_000);
  afterAll(async () => {
    await Promise.all(started.map(stop));
    await app?.close();
  });

  it('answers every read operation as the platform does', async () => {
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

  it("gets the platform's answers from PostGraphile where it can express the operation", async () => {
    const compared: string[] = [];
    for (const operation of fixedOperations(dataset.sample).filter((o) => o.read)) {
      if (!('query' in operation.postgraphile)) continue;
      const platform = (await app.query(operation.query, { variables: operation.variables, as: operation.as })).body;
      const response = await fetch(postgraphileUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: operation.postgraphile.query, variables: operation.postgraphile.variables }),
      });
      const answer = (await response.json()) as { data?: unknown; errors?: unknown };
      expect({ operation: operation.name, errors: answer.errors, platformErrors: platform.errors }).toEqual({
        operation: operation.name,
        errors: undefined,
        platformErrors: undefined,
      });
      expect({ operation: operation.name, difference: postgraphileDifference(operation, platform.data, answer.data) }).toEqual({
        operation: operation.name,
        difference: undefined,
      });
      compared.push(operation.name);
    }
    expect(compared).toEqual(['bydeler', 'page', 'activity list', 'pet-care availability', 'activity by id']);
  });
});
