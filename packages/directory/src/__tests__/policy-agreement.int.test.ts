import type { EntityManager } from '@mikro-orm/postgresql';
import { type Principal, ROLES } from '@samspill/core';

import { type Policy, type PolicyTime, policyTimeOf } from '../common/policy.js';
import { DIRECTORY_SCHEMA } from '../directory-schema.js';
import { LeanRows } from '../lean-rows.js';
import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { activityPolicy } from '../modules/activities/activity.policy.js';
import { contactPersonPolicy } from '../modules/contact-persons/contact-person.policy.js';
import { LocationEntity } from '../modules/locations/location.entity.js';
import { locationPolicy, nearSearchPolicy } from '../modules/locations/location.policy.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import type { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { organisationPolicy } from '../modules/organisations/organisation.policy.js';
import { PetCareOfferEntity } from '../modules/pet-care/pet-care-offer.entity.js';
import { petCareOfferPolicy } from '../modules/pet-care/pet-care-offer.policy.js';
import { makeActivity, makeLocation, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

/**
 * Each policy is one rule read three ways (common/policy.ts): a MikroORM filter for lists, SQL for
 * hand-written loader statements, and a predicate for rows in memory. On every combination of the
 * columns the rules read, and every kind of caller, all three must pick the same rows.
 */
describe('policies: the SQL, ORM and in-memory forms agree', () => {
  let app: DirectoryTestApp;
  let a: OrganisationEntity;
  let b: OrganisationEntity;
  /** The moment every form reads the rules at: offers verified before its `staleBefore` are stale. */
  let time: PolicyTime;
  const ids: Record<'activity' | 'pet_care_offer' | 'location', string[]> = { activity: [], pet_care_offer: [], location: [] };

  /** Anonymous, and every role scoped to A, to B and to no organisation. */
  const principals = (): Principal[] => [
    { kind: 'anonymous' },
    ...ROLES.flatMap((role) =>
      [a.id, b.id, undefined].map((organisationId): Principal => ({ kind: 'user', subject: `${role}-${organisationId ?? 'none'}`, role, organisationId })),
    ),
  ];

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    a = await makeOrganisation(em, { name: 'A' });
    b = await makeOrganisation(em, { name: 'B' });
    time = policyTimeOf(app.now(), app.config.freshness);
    // Verified now, exactly at the stale cut-off (still shown), and a second before it (stale).
    const verified = [time.now, time.staleBefore, new Date(time.staleBefore.getTime() - 1000)];
    for (const organisation of [a, b]) {
      for (const status of Object.values(OfferStatus)) {
        for (const lastVerifiedAt of verified) {
          for (const audience of Object.values(OfferAudience))
            ids.activity.push((await makeActivity(em, organisation, { status, audience, lastVerifiedAt })).id);
          ids.pet_care_offer.push((await makePetCareOffer(em, organisation, { status, lastVerifiedAt })).id);
        }
      }
      for (const visibility of Object.values(LocationVisibility)) ids.location.push((await makeLocation(em, organisation, { visibility })).id);
    }
  });
  afterAll(() => app.close());

  /** The ids each form picks, for one caller: [ORM filter, SQL, predicate on entities, predicate on lean rows]. */
  async function picked<R extends { id: string }, E extends { id: string }>(
    em: EntityManager,
    entity: new (...args: never[]) => E,
    table: keyof typeof ids,
    rule: Policy<R, E>,
    principal: Principal,
  ): Promise<string[][]> {
    const where = rule.where(principal, time);
    const byOrm = where === null ? [] : await em.find(entity, { $and: [{ id: { $in: ids[table] } }, where] } as never);
    const sql = rule.sql(principal, 't', time);
    const bySql = await em.execute<Array<{ id: string }>>(`select t.id from "${DIRECTORY_SCHEMA}".${table} t where t.id in (?) and ${sql.sql}`, [
      ids[table],
      ...sql.params,
    ]);
    const entities = await em.find(entity, { id: { $in: ids[table] } } as never);
    const lean = new LeanRows(em, entity, false).view('all');
    const rows = await em.execute<Array<Record<string, unknown>>>(`select ${lean.columns('t')} from "${DIRECTORY_SCHEMA}".${table} t where t.id in (?)`, [
      ids[table],
    ]);
    const sorted = (found: Array<{ id: string }>) => found.map((row) => row.id).sort();
    return [
      sorted(byOrm),
      sorted(bySql),
      sorted(entities.filter((row) => rule.allows(principal, row as unknown as R, time))),
      sorted(rows.map((row) => lean.map(row)).filter((row) => rule.allows(principal, row as unknown as R, time))),
    ];
  }

  const cases = [
    ['activities', ActivityEntity, 'activity', activityPolicy],
    ['pet-care offers', PetCareOfferEntity, 'pet_care_offer', petCareOfferPolicy],
    ['locations', LocationEntity, 'location', locationPolicy],
    ['places a near search measures from', LocationEntity, 'location', nearSearchPolicy],
  ] as const;

  it.each(cases)('%s', async (_name, entity, table, rule) => {
    const em = app.em();
    const sizes = new Set<number>();
    for (const principal of principals()) {
      const [byOrm, ...others] = await picked(em, entity as never, table, rule as Policy<never, never>, principal);
      for (const other of others) expect({ principal, ids: other }).toEqual({ principal, ids: byOrm });
      sizes.add(byOrm!.length);
    }
    // The callers do not all see the same: the rows tell them apart (no form trivially agrees on "all" or "none").
    expect(sizes.size).toBeGreaterThan(1);
  });

  it("each feature's edit rule and its role gate agree: whom the row rule lets edit, the gate lets through, and no one else edits", () => {
    const admins = [a.id, b.id, 'none'].flatMap((scope) => [`PLATFORM_ADMIN-${scope}@A`, `PLATFORM_ADMIN-${scope}@B`]);
    // Editors of A for A, of B for B, and admins for both: scope, not only role, decides.
    const ownEditors = [`ORG_EDITOR-${a.id}@A`, `ORG_EDITOR-${b.id}@B`, ...admins].sort();
    const features = [
      [activityPolicy, ownEditors],
      [petCareOfferPolicy, ownEditors],
      [locationPolicy, ownEditors],
      [contactPersonPolicy, ownEditors],
      // The organisations themselves (register, correct, confirm volunteer routines): admins alone, whatever their scope.
      [organisationPolicy, admins.sort()],
    ] as const;
    for (const [feature, expected] of features) {
      const action = `${feature.name}:edit` as never;
      const gate = feature.access(action);
      const editors = new Set<string>();
      for (const principal of principals()) {
        let gated = true;
        try {
          gate.check!(undefined, { principal } as never);
        } catch {
          gated = false;
        }
        for (const organisation of [a, b]) {
          const owned = { organisation: { id: organisation.id } };
          const may = feature.may(principal, action, owned);
          // Nobody gets past the row rule whom the gate in front of the mutation stops.
          if (may) expect({ feature: feature.name, principal, gated }).toEqual({ feature: feature.name, principal, gated: true });
          if (may) editors.add(`${principal.kind === 'user' ? principal.subject : 'anonymous'}@${organisation.name}`);
          if (!may) expect(() => feature.assert(principal, action, owned)).toThrow();
        }
      }
      expect({ feature: feature.name, editors: [...editors].sort() }).toEqual({ feature: feature.name, editors: expected });
    }
  });

  it('a new organisation (no row yet): admins alone may register it, and everyone else is refused', () => {
    for (const principal of principals()) {
      const admin = principal.kind === 'user' && principal.role === 'PLATFORM_ADMIN';
      expect({ principal, may: organisationPolicy.may(principal, 'organisation:edit') }).toEqual({ principal, may: admin });
      if (!admin)
        expect(() => organisationPolicy.assert(principal, 'organisation:edit')).toThrow(
          principal.kind === 'user' ? 'platform admins' : 'Authentication required',
        );
    }
  });

  it('picks what the rules say, for a few callers', async () => {
    const em = app.em();
    const anonymous: Principal = { kind: 'anonymous' };
    const staffOfA: Principal = { kind: 'user', subject: 's', role: 'SHELTER_STAFF', organisationId: a.id };
    const [activitiesForAnonymous] = await picked(em, ActivityEntity, 'activity', activityPolicy as never, anonymous);
    // Published and public, of A and of B, verified now or at the cut-off: never a stale one.
    expect(activitiesForAnonymous).toHaveLength(4);
    expect((await picked(em, PetCareOfferEntity, 'pet_care_offer', petCareOfferPolicy as never, anonymous))[0]).toEqual([]);
    // Staff of A: everything published, and A's drafts and archived ones (2 orgs × 2 audiences + 2 × 2 of A), stale ones too.
    expect((await picked(em, ActivityEntity, 'activity', activityPolicy as never, staffOfA))[0]).toHaveLength(8 * 3);
    // A rule that reads the time refuses to be read without it (it fails closed, never open).
    expect(() => activityPolicy.where(anonymous)).toThrow(/time/);
    // Places: public and network ones of both, and A's confidential one; never B's.
    expect((await picked(em, LocationEntity, 'location', locationPolicy as never, staffOfA))[0]).toHaveLength(5);
    // A near search never measures from a confidential place, not even the caller's own.
    expect((await picked(em, LocationEntity, 'location', nearSearchPolicy as never, staffOfA))[0]).toHaveLength(4);
  });
});
