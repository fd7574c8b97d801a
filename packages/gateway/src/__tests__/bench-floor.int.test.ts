import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { fixedOperations } from '../testing/operations.js';
import { seedScaleDataset } from '../testing/scale-dataset.js';
import { PlatformTestApp } from './support/platform.js';

const FLOOR = path.resolve(__dirname, '../../../../scripts/bench/floor-server.mjs');

/** The floor's route for each read operation (scripts/bench/run.mjs, FLOOR_ROUTES). */
const ROUTES: Record<string, string> = {
  bydeler: '/bydeler',
  page: '/page',
  'activity search': '/activity-search',
  'activity list': '/activity-search',
  'pet-care availability': '/pet-care-availability',
  'activity by id': '/activity-by-id',
  'referral inbox': '/referral-inbox',
};

function startFloor(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [FLOOR], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`floor-server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const ready = String(chunk).match(/ready (\S+)/);
      if (ready) resolve({ child, url: ready[1]! });
    });
  });
}

/**
 * The benchmark compares the platform with a hand-written floor: the comparison is only fair if
 * the floor does the same work, so it must give the same answers.
 */
describe("the benchmark's floor", () => {
  let app: PlatformTestApp;
  let floor: { child: ChildProcess; url: string };

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    floor = await startFloor(app.databaseUrl);
  });
  afterAll(async () => {
    floor?.child.kill('SIGTERM');
    await app?.close();
  });

  it('answers every read operation as the platform does', async () => {
    const dataset = await seedScaleDataset(app.directoryEm(), app.referralsEm(), 3);
    const reads = fixedOperations(dataset.sample).filter((operation) => operation.read);
    expect(reads.map((operation) => operation.name).sort()).toEqual(Object.keys(ROUTES).sort());
    for (const operation of reads) {
      const platform = (await app.query(operation.query, { variables: operation.variables, as: operation.as })).body;
      const response = await fetch(floor.url + ROUTES[operation.name], {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: { ...dataset.sample, ...operation.variables } }),
      });
      const answer = (await response.json()) as { data?: Record<string, any> };
      // Left out of the floor on purpose: occurrences are computed from the schedule, without SQL.
      if (operation.name === 'activity by id') delete platform.data?.activity?.nextOccurrences;
      expect({ operation: operation.name, status: response.status, ...answer }).toEqual({ operation: operation.name, status: 200, ...platform });
    }
  });
});
