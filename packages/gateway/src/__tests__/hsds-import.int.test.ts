import type { Principal } from '@samspill/core';
import { DEMO_IDS, type HsdsDataset, importHsds, OrganisationEntity, seedDemoData } from '@samspill/directory';

import { type Caller, PlatformTestApp } from './support/platform.js';

/*
 * HSDS import for platform admins: a dry run first (new, changed, unchanged, errors by record),
 * then one transaction; and the round trip export → import into an empty database → export.
 */

const ADMIN: Caller = { role: 'PLATFORM_ADMIN' };
const ADMIN_PRINCIPAL = { kind: 'user', subject: 'test-admin', role: 'PLATFORM_ADMIN' } as Principal;

/**
 * What cannot round-trip by design, left out of the comparison: `modified_date` is when the
 * importing database last changed the record (its own clock), not when the source did.
 */
const NOT_ROUND_TRIPPED = ['modified_date'];

let source: PlatformTestApp;
let target: PlatformTestApp;

beforeAll(async () => {
  [source, target] = await Promise.all([PlatformTestApp.start(), PlatformTestApp.start()]);
  await seedDemoData(source.directoryEm(), source.now);
});
afterAll(() => Promise.all([source?.close(), target?.close()]));

async function all(app: PlatformTestApp, resource: string, as?: Caller): Promise<any[]> {
  const items: any[] = [];
  const headers: Record<string, string> = as ? { authorization: `Bearer ${await app.token(as)}` } : {};
  for (let page = 1; ; page++) {
    const response = await fetch(`${app.urls.gateway.replace('/graphql', '')}/hsds/${resource}?page=${page}&per_page=25`, { headers });
    const body = (await response.json()) as any;
    items.push(...body.contents);
    if (body.last_page) return items;
  }
}

async function exportOf(app: PlatformTestApp, as?: Caller): Promise<HsdsDataset> {
  return { organizations: await all(app, 'organizations', as), services: await all(app, 'services', as) };
}

/** The document without the fields that cannot round-trip, records by id. */
function comparable(dataset: HsdsDataset): unknown {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => !NOT_ROUND_TRIPPED.includes(key))
              .map(([key, v]) => [key, strip(v)]),
          )
        : value;
  const byId = (items: readonly any[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { organizations: strip(byId(dataset.organizations)), services: strip(byId(dataset.services)) };
}

const importInto = (app: PlatformTestApp, dataset: HsdsDataset, dryRun: boolean) =>
  importHsds(app.directoryEm(), ADMIN_PRINCIPAL, dataset, { dryRun, now: app.now });

describe('HSDS import', () => {
  let exported: HsdsDataset;

  beforeAll(async () => {
    exported = await exportOf(source, ADMIN);
  });

  it('runs dry first: a diff of new records and nothing written', async () => {
    const lines: string[] = [];
    const report = await importHsds(target.directoryEm(), ADMIN_PRINCIPAL, exported, { dryRun: true, now: target.now, progress: (l) => lines.push(l) });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ dryRun: true, applied: false });
    expect(report.organizations.new.sort()).toEqual(exported.organizations.map((o) => o.id).sort());
    expect(report.services.new.sort()).toEqual(exported.services.map((s) => s.id).sort());
    expect(report.services.changed).toEqual([]);
    expect(lines.some((l) => l.startsWith('services:'))).toBe(true);
    expect(await target.directoryEm().count(OrganisationEntity, {})).toBe(0);
  });

  it('round-trips: export, import into an empty database, export gives the same document', async () => {
    // The demo's every-other-week and monthly ("the 2nd Thursday") rules are among what goes round.
    const rules = exported.services.flatMap((s: any) => (s.schedules ?? []) as any[]);
    expect(rules).toContainEqual(expect.objectContaining({ freq: 'WEEKLY', interval: 2, byday: 'TH' }));
    expect(rules).toContainEqual(expect.objectContaining({ freq: 'MONTHLY', byday: '2TH' }));
    const report = await importInto(target, exported, false);
    expect(report.errors).toEqual([]);
    expect(report.applied).toBe(true);
    for (const as of [undefined, ADMIN, { role: 'SHELTER_STAFF', organisationId: DEMO_IDS.osloKrisesenter } as Caller]) {
      expect(comparable(await exportOf(target, as))).toEqual(comparable(await exportOf(source, as)));
    }
  });

  it('shows records it already holds as unchanged, and a changed one with the fields that changed', async () => {
    const again = await importInto(target, exported, true);
    expect(again.errors).toEqual([]);
    expect(again.services.new).toEqual([]);
    expect(again.services.changed).toEqual([]);
    expect(again.services.unchanged).toHaveLength(exported.services.length);
    expect(again.organizations.unchanged).toHaveLength(exported.organizations.length);

    const renamed = { ...exported, services: exported.services.map((s, i) => (i === 0 ? { ...s, name: `${s.name} (ny)` } : s)) };
    const diff = await importInto(target, renamed, true);
    expect(diff.services.changed).toEqual([{ id: exported.services[0].id, fields: ['title'] }]);
  });

  it('matches an organisation on its organisasjonsnummer, whatever its id', async () => {
    const withNumber = exported.organizations.find((o: any) => o.organization_identifiers?.length)!;
    expect(withNumber).toBeDefined();
    const other = { ...withNumber, id: '11111111-1111-4111-8111-111111111111' };
    const report = await importInto(target, { organizations: [other], services: [] }, true);
    expect(report.errors).toEqual([]);
    expect(report.organizations.new).toEqual([]);
    expect(report.organizations.unchanged).toEqual([withNumber.id]);
  });

  it('refuses a dataset with a bad record as a whole, naming the record, the field and why', async () => {
    const before = await target.directoryEm().count(OrganisationEntity, {});
    const [one, two] = exported.services.filter((s: any) => s.schedules?.length) as any[];
    const bad: HsdsDataset = {
      organizations: [{ id: '22222222-2222-4222-8222-222222222222', name: 'Ny forening', description: 'Ny', attributes: [] }],
      services: [
        { ...one, status: 'open' },
        { ...two, schedules: [{ id: '33333333-3333-4333-8333-333333333333', freq: 'WEEKLY', byday: 'XX', opens_at: '10:00', closes_at: '12:00' }] },
      ],
    };
    const first = await importInto(target, bad, false);
    expect(first.applied).toBe(false);
    expect(first.errors).toContainEqual(expect.objectContaining({ kind: 'service', id: one.id, field: '/status' }));

    const second = await importInto(target, { ...bad, services: [bad.services[1]!] }, false);
    expect(second.applied).toBe(false);
    expect(second.errors).toEqual([{ kind: 'service', id: two.id, field: '/schedules/0/byday', message: expect.stringContaining('weekdays') }]);
    expect(await target.directoryEm().count(OrganisationEntity, {})).toBe(before);
  });

  it('is for platform admins only', async () => {
    const staff = { kind: 'user', subject: 's', role: 'SHELTER_STAFF', organisationId: DEMO_IDS.osloKrisesenter } as Principal;
    await expect(importHsds(target.directoryEm(), staff, exported, { dryRun: true, now: target.now })).rejects.toThrow('platform admins');
  });
});
