import { DAY_MS } from '@samspill/core';

import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, PlatformTestApp, type Response } from './support/platform.js';

/*
 * Safe retries: every create takes an `Idempotency-Key` header, through the gateway. The same key
 * and arguments within 24 hours answer with the first result and create nothing; other arguments
 * get CONFLICT; keys are per caller; a malformed key is refused before anything runs.
 */

const NEED = 'Ønsker å bli kjent med folk i nærmiljøet.';
const errorOf = (res: Response) => {
  const e = res.body.errors?.[0];
  return e && { code: e.extensions?.code, field: e.extensions?.field };
};

describe('Idempotency-Key on creates, through the gateway', () => {
  let app: PlatformTestApp;
  let shelterId: string;
  let orgId: string;
  let activityId: string;
  let otherActivityId: string;
  let staff: Caller;
  let colleague: Caller;
  let editor: Caller;
  let admin: Caller;
  let keys = 0;
  /** A key no other test used. */
  const newKey = () => `test-key-${++keys}-${Date.now()}`;

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    shelterId = (await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER })).id;
    const org = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030102'] });
    orgId = org.id;
    const place = await makeLocation(em, org, { name: 'Frivillighetshuset', bydel: '030102' });
    activityId = (await makeActivity(em, org, { title: 'Språkkafé', venueKind: 'LOCATION' as never, location: place, bydel: place.bydel })).id;
    otherActivityId = (await makeActivity(em, org, { title: 'Strikkekafé' })).id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelterId, subject: 'staff-1' };
    colleague = { role: 'SHELTER_STAFF', organisationId: shelterId, subject: 'staff-2' };
    editor = { role: 'ORG_EDITOR', organisationId: orgId, subject: 'editor-1' };
    admin = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };
  });
  afterAll(() => app.close());

  const count = async (table: string, where = 'true', params: unknown[] = []): Promise<number> => {
    const em = table.startsWith('referrals.') ? app.referralsEm() : app.directoryEm();
    const [row] = await em.execute(`select count(*)::int as count from ${table} where ${where}`, params);
    return row.count;
  };
  const referralRows = () => count('referrals.referral');

  /** Fixed once, so that a retry sends the very same body even when the clock has moved. */
  let fixedConsent: object;
  const consent = () => (fixedConsent ??= { scope: ['AGE_GROUP', 'NEED_DESCRIPTION'], expiresOn: app.clock.osloDate(100) });
  const CREATE_REFERRAL = `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status version needDescription } }`;
  const createReferral = (key: string | undefined, input: object = {}, as: Caller = staff) =>
    app.query(CREATE_REFERRAL, {
      as,
      headers: key === undefined ? {} : { 'idempotency-key': key },
      variables: { input: { activityId, ageGroup: 'ADULT', needDescription: NEED, consent: consent(), ...input } },
    });

  describe('createReferral', () => {
    it('the same key and body return the first result and create nothing new; the key is stored beside the referrals, without their fields', async () => {
      const key = newKey();
      const before = await referralRows();
      const first = await createReferral(key);
      expect(first.status).toBe(200);
      const created = first.body.data.createReferral;
      expect(created).toEqual({ id: expect.any(String), status: 'DRAFT', version: 1, needDescription: NEED });
      const again = await createReferral(key);
      expect(again.body).toEqual(first.body);
      // A retry may ask for other fields: it is the same referral, read again.
      const other = await app.query(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id statusHistory { to } } }`, {
        as: staff,
        headers: { 'idempotency-key': key },
        variables: { input: { activityId, ageGroup: 'ADULT', needDescription: NEED, consent: consent() } },
      });
      expect(other.body).toEqual({ data: { createReferral: { id: created.id, statusHistory: [{ to: 'DRAFT' }] } } });
      expect(await referralRows()).toBe(before + 1);
      const records = await app.referralsEm().execute('select * from referrals.idempotency_record where key = ?', [key]);
      expect(records).toEqual([
        {
          subject: 'staff-1',
          key,
          operation: 'createReferral',
          request_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
          result_id: created.id,
          created_at: expect.any(String),
        },
      ]);
      expect(await count('directory.idempotency_record', 'key = ?', [key])).toBe(0);
    });

    it('a retry after consent was withdrawn returns the erased referral, creates nothing, and the record keeps no digest of the erased fields', async () => {
      const key = newKey();
      const created = (await createReferral(key)).body.data.createReferral;
      const hashOf = async () =>
        (await app.referralsEm().execute('select request_hash from referrals.idempotency_record where key = ?', [key]))[0]?.request_hash;
      expect(await hashOf()).toMatch(/^[0-9a-f]{64}$/);
      await app.ok('mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { id } }', {
        as: staff,
        variables: { id: created.id, v: created.version },
      });
      expect(await hashOf()).toBe('');
      const before = await referralRows();
      const retry = await createReferral(key);
      expect(retry.body).toEqual({ data: { createReferral: { id: created.id, status: 'CANCELLED', version: expect.any(Number), needDescription: null } } });
      expect(await referralRows()).toBe(before);
    });

    it('the directory is asked about the offer before the transaction opens, not while it holds a connection', async () => {
      const statements = await app.recordStatements(() => createReferral(newKey()));
      const lookup = statements.findIndex((sql) => /from "directory"\."?activity"?\s/i.test(sql));
      const begin = statements.findIndex((sql) => /^begin/i.test(sql.trim()));
      expect(lookup).toBeGreaterThanOrEqual(0);
      expect(begin).toBeGreaterThan(lookup);
    });

    it('the key may be sent as a Structured Field string ("…"), as the IETF draft writes it: the same key as without quotes', async () => {
      const key = newKey();
      const first = await createReferral(key);
      const quoted = await createReferral(`"${key}"`);
      expect(quoted.body.data.createReferral.id).toBe(first.body.data.createReferral.id);
    });

    it('without a key, every request creates', async () => {
      const before = await referralRows();
      const a = await createReferral(undefined);
      const b = await createReferral(undefined);
      expect(a.body.data.createReferral.id).not.toBe(b.body.data.createReferral.id);
      expect(await referralRows()).toBe(before + 2);
    });

    it('the same key with another body is CONFLICT and creates nothing', async () => {
      const key = newKey();
      await createReferral(key);
      const before = await referralRows();
      const audits = await count('referrals.audit_log');
      const res = await createReferral(key, { activityId: otherActivityId });
      expect(errorOf(res)).toEqual({ code: 'CONFLICT', field: undefined });
      expect(res.body.data).toBeNull();
      expect(await referralRows()).toBe(before);
      expect(await count('referrals.audit_log')).toBe(audits);
    });

    it("another caller's same key is their own: it creates", async () => {
      const key = newKey();
      const mine = await createReferral(key);
      const theirs = await createReferral(key, {}, colleague);
      expect(theirs.body.errors).toBeUndefined();
      expect(theirs.body.data.createReferral.id).not.toBe(mine.body.data.createReferral.id);
      expect(await count('referrals.idempotency_record', 'key = ?', [key])).toBe(2);
    });

    it('a refused create leaves no key behind: the same key with a corrected body then creates', async () => {
      const key = newKey();
      const before = await referralRows();
      const refused = await createReferral(key, { needDescription: 'Ring meg på 912 34 567.' });
      expect(errorOf(refused)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.needDescription' });
      expect(await count('referrals.idempotency_record', 'key = ?', [key])).toBe(0);
      const created = await createReferral(key);
      expect(created.body.errors).toBeUndefined();
      expect(await referralRows()).toBe(before + 1);
    });

    it('two requests racing with one key create one referral: the other gets its result or CONFLICT', async () => {
      const key = newKey();
      const before = await referralRows();
      const answers = await Promise.all([createReferral(key), createReferral(key), createReferral(key)]);
      expect(await referralRows()).toBe(before + 1);
      const ids = new Set(answers.filter((a) => !a.body.errors).map((a) => a.body.data.createReferral.id));
      expect(ids.size).toBe(1);
      for (const answer of answers.filter((a) => a.body.errors)) expect(errorOf(answer)).toEqual({ code: 'CONFLICT', field: undefined });
      // Retried, every one of them gets the one result.
      expect((await createReferral(key)).body.data.createReferral.id).toBe([...ids][0]);
    });

    it.each([
      ['empty', ''],
      ['too long (256 characters)', 'k'.repeat(256)],
      ['with a space', 'my key'],
      ['with a comma (two keys)', 'key-1,key-2'],
      ['with a letter outside ASCII', 'nøkkel-1'],
      ['empty quotes', '""'],
    ])('a key that is %s is refused with 400 BAD_USER_INPUT, and nothing is created', async (_what, key) => {
      const before = await referralRows();
      const res = await createReferral(key);
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
      expect(await referralRows()).toBe(before);
    });

    it('a key of 255 characters is taken', async () => {
      const res = await createReferral('k'.repeat(254) + String(++keys % 10));
      expect(res.body.errors).toBeUndefined();
    });

    it('a key on an operation with more than one mutation field is refused with 400 BAD_USER_INPUT, and nothing is created', async () => {
      const before = await referralRows();
      const input = { activityId, ageGroup: 'ADULT', consent: consent() };
      const res = await app.query(
        `mutation($input: CreateReferralInput!) { a: createReferral(input: $input) { id } b: createReferral(input: $input) { id } }`,
        { as: staff, headers: { 'idempotency-key': newKey() }, variables: { input } },
      );
      expect(res.status).toBe(400);
      expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
      expect(await referralRows()).toBe(before);
    });
  });

  describe('redirectReferral', () => {
    it('a retried redirect returns the same new draft instead of failing (the first one is no longer DECLINED)', async () => {
      const created = (await createReferral(undefined)).body.data.createReferral;
      let ref = created;
      const step = async (action: string, as: Caller, reason?: string) => {
        const res = await app.query(
          `mutation($id: ID!, $v: Int!, $a: ReferralAction!, $r: ReasonCode) { transitionReferral(id: $id, version: $v, action: $a, reason: $r) { id version } }`,
          { as, variables: { id: ref.id, v: ref.version, a: action, r: reason ?? null } },
        );
        ref = res.body.data.transitionReferral;
      };
      await step('SEND', staff);
      await step('RECEIVE', editor);
      await step('DECLINE', editor, 'NO_CAPACITY');
      const redirect = (key?: string) =>
        app.query(`mutation($id: ID!, $input: RedirectReferralInput!) { redirectReferral(id: $id, input: $input) { id status redirectedFromId } }`, {
          as: staff,
          headers: key ? { 'idempotency-key': key } : {},
          variables: { id: ref.id, input: { activityId: otherActivityId, version: ref.version } },
        });
      const key = newKey();
      const before = await referralRows();
      const first = await redirect(key);
      expect(first.body.data.redirectReferral).toEqual({ id: expect.any(String), status: 'DRAFT', redirectedFromId: ref.id });
      expect((await redirect(key)).body).toEqual(first.body);
      expect(await referralRows()).toBe(before + 1);
      // Without the key the retry is refused: that is what the key is for.
      expect(errorOf(await redirect())).toEqual({ code: 'CONFLICT', field: undefined });
    });
  });

  describe('the directory creates', () => {
    const confirmedOn = () => app.clock.osloDate(-1);
    const cases: { mutation: string; inputType: string; table: string; as: () => Caller; input: () => object; other: () => object }[] = [
      {
        mutation: 'createActivity',
        inputType: 'CreateActivityInput',
        table: 'directory.activity',
        as: () => editor,
        input: () => ({
          organisationId: orgId,
          title: 'Strikkekafé',
          description: 'Vi strikker sammen.',
          category: 'SOCIAL',
          venueKind: 'ONLINE',
          joinMode: 'OPEN',
        }),
        other: () => ({ organisationId: orgId, title: 'Sykafé', description: 'Vi syr sammen.', category: 'SOCIAL', venueKind: 'ONLINE', joinMode: 'OPEN' }),
      },
      {
        mutation: 'createPetCareOffer',
        inputType: 'CreatePetCareOfferInput',
        table: 'directory.pet_care_offer',
        as: () => editor,
        input: () => ({ organisationId: orgId, title: 'Fosterhjem for katt', description: 'Vi passer katten.', careModel: 'FOSTER_HOME', species: ['CAT'] }),
        other: () => ({ organisationId: orgId, title: 'Fosterhjem for hund', description: 'Vi passer hunden.', careModel: 'FOSTER_HOME', species: ['DOG'] }),
      },
      {
        mutation: 'createLocation',
        inputType: 'CreateLocationInput',
        table: 'directory.location',
        as: () => editor,
        input: () => ({ organisationId: orgId, name: 'Møterom 2', visibility: 'PUBLIC' }),
        other: () => ({ organisationId: orgId, name: 'Møterom 3', visibility: 'PUBLIC' }),
      },
      {
        mutation: 'addContactPerson',
        inputType: 'AddContactPersonInput',
        table: 'directory.contact_person',
        as: () => editor,
        input: () => ({ organisationId: orgId, name: 'Kari Nordmann' }),
        other: () => ({ organisationId: orgId, name: 'Ola Nordmann' }),
      },
      {
        mutation: 'createOrganisation',
        inputType: 'CreateOrganisationInput',
        table: 'directory.organisation',
        as: () => admin,
        input: () => ({ kind: 'VOLUNTARY_ORGANISATION', name: 'Sanitetsforeningen Sagene' }),
        other: () => ({ kind: 'VOLUNTARY_ORGANISATION', name: 'Sanitetsforeningen Alna' }),
      },
      {
        mutation: 'recordVolunteerRoutine',
        inputType: 'RecordVolunteerRoutineInput',
        table: 'directory.volunteer_routine',
        as: () => admin,
        input: () => ({ organisationId: orgId, requirement: 'BASIC_TRAINING', confirmedOn: confirmedOn() }),
        other: () => ({ organisationId: orgId, requirement: 'POLICE_CERTIFICATE', confirmedOn: confirmedOn() }),
      },
    ];

    describe.each(cases)('$mutation', ({ mutation, inputType, table, as, input, other }) => {
      const send = (key: string, variables: object) =>
        app.query(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, {
          as: as(),
          headers: { 'idempotency-key': key },
          variables: { input: variables },
        });

      it('the same key and body return the first result and create nothing new; another body is CONFLICT and creates nothing', async () => {
        const key = newKey();
        const before = await count(table);
        const first = await send(key, input());
        expect(first.body.errors).toBeUndefined();
        expect(await count(table)).toBe(before + 1);
        expect((await send(key, input())).body).toEqual(first.body);
        expect(await count(table)).toBe(before + 1);
        const conflict = await send(key, other());
        expect(errorOf(conflict)).toEqual({ code: 'CONFLICT', field: undefined });
        expect(await count(table)).toBe(before + 1);
        expect(await count('directory.idempotency_record', 'key = ? and operation = ?', [key, mutation])).toBe(1);
        expect(await count('referrals.idempotency_record', 'key = ?', [key])).toBe(0);
      });
    });
  });

  // Last: it moves the clock for the rest of the file.
  describe('after 24 hours', () => {
    it('a key is free again: the same key and body create anew, and the old record is cleaned up', async () => {
      const key = newKey();
      const first = (await createReferral(key)).body.data.createReferral;
      app.advanceDays(0.99);
      expect((await createReferral(key)).body.data.createReferral.id).toBe(first.id);
      const before = await referralRows();
      app.advanceDays(0.02);
      const later = await createReferral(key);
      expect(later.body.errors).toBeUndefined();
      expect(later.body.data.createReferral.id).not.toBe(first.id);
      expect(await referralRows()).toBe(before + 1);
      const records = await app.referralsEm().execute('select result_id from referrals.idempotency_record where subject = ? and key = ?', ['staff-1', key]);
      expect(records).toEqual([{ result_id: later.body.data.createReferral.id }]);
      // Every record from before the window went with it, whoever made it.
      expect(await count('referrals.idempotency_record', 'created_at < ?', [new Date(app.now().getTime() - DAY_MS)])).toBe(0);
    });

    it('the referral jobs purge records past their window, even when no one sends a key', async () => {
      const key = newKey();
      await createReferral(key);
      app.advanceDays(1.01);
      const { purgedKeys } = await app.runJobs();
      expect(purgedKeys).toBeGreaterThanOrEqual(1);
      expect(await count('referrals.idempotency_record', 'key = ?', [key])).toBe(0);
    });

    it('in the directory too', async () => {
      const key = newKey();
      const send = () =>
        app.query(`mutation($input: AddContactPersonInput!) { addContactPerson(input: $input) { id } }`, {
          as: editor,
          headers: { 'idempotency-key': key },
          variables: { input: { organisationId: orgId, name: 'Per Hansen' } },
        });
      const first = (await send()).body.data.addContactPerson.id;
      expect((await send()).body.data.addContactPerson.id).toBe(first);
      app.advanceDays(1.01);
      const later = (await send()).body.data.addContactPerson.id;
      expect(later).not.toBe(first);
      expect(await count('directory.contact_person', 'name = ?', ['Per Hansen'])).toBe(2);
    });
  });
});
