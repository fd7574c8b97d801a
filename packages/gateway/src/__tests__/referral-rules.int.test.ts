import { randomUUID } from 'node:crypto';

import { DAY_MS } from '@samspill/core';
import { createLogger } from '@samspill/core';
import { buildReferralsSchema } from '@samspill/referrals';

import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { ActivityCategory } from '../../../directory/src/modules/activities/activity-enums.js';
import type { OrganisationEntity } from '../../../directory/src/modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { createGatewayServer } from '../gateway.js';
import { type Caller, GATEWAY_SECRET, PlatformTestApp, type Response } from './support/platform.js';

/*
 * The rules of design.md's "Referrals: the closed loop", through the gateway: the workflow,
 * consent, free-text checks, optimistic locking, confidentiality, expiry, redirects, and who may call what (statistics: referral-statistics.int.test.ts).
 */

const FIELDS = `id status version pseudonymousReference ageGroup languages interpreterNeeded childrenCount childrenAges pets { species count }
  needDescription personalDataErased consent { scope expiresAt withdrawnAt recordedBy } sentAt answerDeadline closedAt closeReason
  redirectedFromId redirectedToId allowedActions statusHistory { from to actor reason }`;

const ALL_SCOPE = ['PSEUDONYMOUS_REFERENCE', 'AGE_GROUP', 'LANGUAGES', 'CHILDREN', 'PETS', 'NEED_DESCRIPTION'];
const NEED = 'Ønsker å øve på norsk og bli kjent med folk i nærmiljøet. 2 barn på 6 og 9 år, helst etter kl. 17.00.';
const PERSONAL_INPUT = {
  pseudonymousReference: 'OK-2026-042',
  ageGroup: 'ADULT',
  languages: ['ar', 'no'],
  interpreterNeeded: true,
  childrenAges: [6, 9],
  pets: [{ species: 'CAT', count: 1 }],
  needDescription: NEED,
};
/** The personal fields as a party who may see all of them reads them. */
const PERSONAL_VIEW = {
  pseudonymousReference: 'OK-2026-042',
  ageGroup: 'ADULT',
  languages: ['ar', 'no'],
  interpreterNeeded: true,
  childrenCount: 2,
  childrenAges: [6, 9],
  pets: [{ species: 'CAT', count: 1 }],
  needDescription: NEED,
};
const NO_PERSONAL_FIELDS = {
  pseudonymousReference: null,
  ageGroup: null,
  languages: null,
  interpreterNeeded: null,
  childrenCount: null,
  childrenAges: null,
  pets: null,
  needDescription: null,
};

interface Ref {
  id: string;
  status: string;
  version: number;
  [field: string]: any;
}

const codeOf = (res: Response): string => (res.body.errors?.length ? String(res.body.errors[0]!.extensions?.code) : 'OK');
/** No data came back: `data` is null, or its one root field is. */
const noData = (res: Response): boolean =>
  res.body.data === null || (res.body.data !== undefined && Object.values(res.body.data as object).every((v) => v === null));
const errorOf = (res: Response) => {
  const e = res.body.errors?.[0];
  return e && { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
};

describe('referral rules through the gateway', () => {
  let app: PlatformTestApp;
  let shelter: OrganisationEntity;
  let otherShelter: OrganisationEntity;
  let orgA: OrganisationEntity;
  let orgB: OrganisationEntity;
  let activityA: string;
  let activityB: string;
  let staff: Caller;
  let otherStaff: Caller;
  let editorA: Caller;
  let editorB: Caller;
  let integrator: Caller;
  let admin: Caller;

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    otherShelter = await makeOrganisation(em, { name: 'Krisesenteret i Asker og Bærum', kind: OrganisationKind.SHELTER });
    orgA = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030102'] });
    orgB = await makeOrganisation(em, { name: 'Redd Barna', bydeler: ['030103'] });
    const placeA = await makeLocation(em, orgA, { name: 'Frivillighetshuset', bydel: '030102' });
    const placeB = await makeLocation(em, orgB, { name: 'Sagene samfunnshus', bydel: '030103' });
    const at = (place: typeof placeA) => ({ venueKind: 'LOCATION' as never, location: place, bydel: place.bydel });
    activityA = (await makeActivity(em, orgA, { title: 'Språkkafé', category: ActivityCategory.LANGUAGE, ...at(placeA) })).id;
    activityB = (await makeActivity(em, orgB, { title: 'Leksehjelp', category: ActivityCategory.CHILDREN, ...at(placeB) })).id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-s' };
    otherStaff = { role: 'SHELTER_STAFF', organisationId: otherShelter.id, subject: 'staff-other' };
    editorA = { role: 'ORG_EDITOR', organisationId: orgA.id, subject: 'editor-a' };
    editorB = { role: 'ORG_EDITOR', organisationId: orgB.id, subject: 'editor-b' };
    integrator = { role: 'BYDEL_INTEGRATOR', bydelCode: '030102', subject: 'bydel-grunerlokka' };
    admin = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };
  });
  afterAll(() => app.close());

  // --- helpers ---------------------------------------------------------------------------

  const consent = (days = 200, scope = ALL_SCOPE) => ({ scope, expiresOn: app.clock.osloDate(days) });
  /** Every month a referral of this file can be in: a year either side of the clock. */
  const allMonths = () => ({ from: app.clock.osloMonth(-366), to: app.clock.osloMonth(366) });

  const create = async (options: { activityId?: string; as?: Caller; consent?: object | null; input?: object } = {}): Promise<Ref> => {
    const data = await app.ok(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${FIELDS} } }`, {
      as: options.as ?? staff,
      variables: {
        input: {
          activityId: options.activityId ?? activityA,
          ...PERSONAL_INPUT,
          consent: options.consent === undefined ? consent() : options.consent,
          ...options.input,
        },
      },
    });
    return data.createReferral;
  };

  const act = (ref: Pick<Ref, 'id' | 'version'>, action: string, as: Caller | undefined, reason?: string) =>
    app.query(
      `mutation($id: ID!, $v: Int!, $a: ReferralAction!, $r: ReasonCode) { transitionReferral(id: $id, version: $v, action: $a, reason: $r) { ${FIELDS} } }`,
      {
        variables: { id: ref.id, v: ref.version, a: action, r: reason ?? null },
        as,
      },
    );

  const step = async (ref: Pick<Ref, 'id' | 'version'>, action: string, as: Caller, reason?: string): Promise<Ref> => {
    const res = await act(ref, action, as, reason);
    if (res.body.errors) throw new Error(`${action} failed: ${JSON.stringify(res.body.errors)}`);
    return res.body.data.transitionReferral;
  };

  const read = (id: string, as: Caller | undefined) => app.query(`query($id: ID!) { referral(id: $id) { ${FIELDS} } }`, { variables: { id }, as });
  const readOk = async (id: string, as: Caller): Promise<Ref> =>
    (await app.ok(`query($id: ID!) { referral(id: $id) { ${FIELDS} } }`, { variables: { id }, as })).referral;

  /** A fresh referral from `staff`'s shelter, walked to `status` by the organisation of `activityId`. */
  const referralIn = async (status: string, options: { activityId?: string; receiver?: Caller } = {}): Promise<Ref> => {
    const receiver = options.receiver ?? editorA;
    let ref = await create({ activityId: options.activityId });
    if (status === 'DRAFT') return ref;
    ref = await step(ref, 'SEND', staff);
    if (status === 'SENT') return ref;
    if (status === 'ON_HOLD') return step(ref, 'HOLD', receiver);
    ref = await step(ref, 'RECEIVE', receiver);
    if (status === 'RECEIVED') return ref;
    if (status === 'DECLINED') return step(ref, 'DECLINE', receiver, 'NO_CAPACITY');
    ref = await step(ref, 'ACCEPT', receiver);
    if (status === 'ACCEPTED') return ref;
    ref = await step(ref, 'START', receiver);
    if (status === 'IN_PROGRESS') return ref;
    throw new Error(`referralIn does not make ${status}`);
  };

  const countRows = async (sql: string, params: unknown[] = []): Promise<number> => {
    const [{ count }] = await app.referralsEm().execute(sql, params);
    return count;
  };
  const referralRows = () => countRows('select count(*)::int as count from referrals.referral');
  const auditRows = (id: string) => countRows('select count(*)::int as count from referrals.audit_log where referral_id = ?', [id]);
  const historyTo = (ref: Ref) => ref.statusHistory.map((s: { to: string }) => s.to);

  // --- the workflow ----------------------------------------------------------------------

  describe('the workflow', () => {
    it('an illegal action (ACCEPT on a SENT referral) is BAD_USER_INPUT naming the allowed actions, and changes nothing', async () => {
      const ref = await referralIn('SENT');
      const before = await readOk(ref.id, staff);
      const audits = await auditRows(ref.id);
      const res = await act(ref, 'ACCEPT', editorA);
      expect(errorOf(res)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'action',
        message: 'action: cannot ACCEPT a referral that is SENT; allowed now: RECEIVE, HOLD',
      });
      expect(res.body.data).toBeNull();
      expect(await auditRows(ref.id)).toBe(audits);
      const after = await readOk(ref.id, staff);
      expect({ status: after.status, version: after.version, history: after.statusHistory }).toEqual({
        status: 'SENT',
        version: before.version,
        history: before.statusHistory,
      });
      expect(after.version).toBe(ref.version);
    });

    it('an action on a closed referral names that nothing is allowed', async () => {
      const ref = await step(await referralIn('SENT'), 'CANCEL', staff, 'GOT_HELP');
      expect(ref).toMatchObject({ status: 'CANCELLED', closeReason: 'GOT_HELP', allowedActions: [] });
      expect(errorOf(await act(ref, 'RECEIVE', editorA))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'action',
        message: 'action: cannot RECEIVE a referral that is CANCELLED; allowed now: nothing',
      });
      expect(errorOf(await act(ref, 'CANCEL', staff, 'GOT_HELP'))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'action',
        message: 'action: cannot CANCEL a referral that is CANCELLED; allowed now: nothing',
      });
    });

    it('the organisation cannot CANCEL and the shelter cannot ACCEPT: FORBIDDEN, nothing changes', async () => {
      const ref = await referralIn('RECEIVED');
      expect(errorOf(await act(ref, 'CANCEL', editorA, 'NO_LONGER_INTERESTED'))).toEqual({
        code: 'FORBIDDEN',
        field: undefined,
        message: 'Only the sending shelter can CANCEL a referral',
      });
      expect(errorOf(await act(ref, 'ACCEPT', staff))).toEqual({
        code: 'FORBIDDEN',
        field: undefined,
        message: 'Only the receiving organisation can ACCEPT a referral',
      });
      expect(codeOf(await act(ref, 'HOLD', staff))).toBe('FORBIDDEN');
      const after = await readOk(ref.id, staff);
      expect({ status: after.status, version: after.version }).toEqual({ status: 'RECEIVED', version: ref.version });
    });

    it('DECLINE needs a reason from its own list', async () => {
      const ref = await referralIn('RECEIVED');
      expect(errorOf(await act(ref, 'DECLINE', editorA))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'reason',
        message: 'reason: DECLINE needs a reason: one of NO_CAPACITY, NOT_ELIGIBLE, COULD_NOT_CONTACT, RESIDENT_DECLINED',
      });
      expect(errorOf(await act(ref, 'DECLINE', editorA, 'GOT_HELP'))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'reason',
        message: 'reason: DECLINE takes one of NO_CAPACITY, NOT_ELIGIBLE, COULD_NOT_CONTACT, RESIDENT_DECLINED',
      });
      expect(errorOf(await act(ref, 'DECLINE', editorA, 'NO_ANSWER'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await act(ref, 'ACCEPT', editorA, 'NO_CAPACITY'))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'reason',
        message: 'reason: ACCEPT takes no reason',
      });
      expect((await readOk(ref.id, staff)).version).toBe(ref.version);
      const declined = await step(ref, 'DECLINE', editorA, 'NOT_ELIGIBLE');
      expect(declined).toMatchObject({ status: 'DECLINED', closeReason: 'NOT_ELIGIBLE', version: ref.version + 1, allowedActions: [] });
      expect(declined.closedAt).not.toBeNull();
      expect(declined.statusHistory.at(-1)).toEqual({ from: 'RECEIVED', to: 'DECLINED', actor: 'editor-a', reason: 'NOT_ELIGIBLE' });
    });

    it('COMPLETE needs an outcome; MARK_NOT_COMPLETED a reason', async () => {
      const ref = await referralIn('IN_PROGRESS');
      expect(errorOf(await act(ref, 'COMPLETE', editorA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await act(ref, 'MARK_NOT_COMPLETED', editorA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await act(ref, 'COMPLETE', editorA, 'NO_CAPACITY'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await step(ref, 'MARK_NOT_COMPLETED', editorA, 'COULD_NOT_CONTACT')).toMatchObject({ status: 'NOT_COMPLETED', closeReason: 'COULD_NOT_CONTACT' });
    });

    it('SEND without consent is BAD_USER_INPUT (field consent); after recordReferralConsent it sends, with a 14-day answer deadline', async () => {
      const draft = await create({ consent: null });
      expect(draft).toMatchObject({ status: 'DRAFT', consent: null });
      expect(errorOf(await act(draft, 'SEND', staff))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
      expect(await readOk(draft.id, staff)).toMatchObject({ status: 'DRAFT', version: draft.version, sentAt: null });

      const { recordReferralConsent: withConsent } = await app.ok(
        `mutation($id: ID!, $v: Int!, $c: ConsentInput!) { recordReferralConsent(id: $id, version: $v, consent: $c) { ${FIELDS} } }`,
        { as: staff, variables: { id: draft.id, v: draft.version, c: consent(30, ['AGE_GROUP', 'NEED_DESCRIPTION']) } },
      );
      expect(withConsent).toMatchObject({
        status: 'DRAFT',
        version: draft.version + 1,
        consent: { scope: ['AGE_GROUP', 'NEED_DESCRIPTION'], withdrawnAt: null, recordedBy: 'staff-s' },
      });

      const sent = await step(withConsent, 'SEND', staff);
      expect(sent).toMatchObject({ status: 'SENT', allowedActions: ['CANCEL'] });
      expect(Date.parse(sent.answerDeadline) - Date.parse(sent.sentAt)).toBe(14 * DAY_MS);
      expect(await readOk(draft.id, editorA)).toMatchObject({ ...NO_PERSONAL_FIELDS, ageGroup: 'ADULT', needDescription: NEED, consent: { recordedBy: null } });
    });

    const racingPairs: Array<[string, (r: Ref) => Promise<Response>, (r: Ref) => Promise<Response>]> = [
      ['RECEIVED', (r) => act(r, 'ACCEPT', editorA), (r) => act(r, 'DECLINE', editorA, 'NO_CAPACITY')],
      ['RECEIVED', (r) => act(r, 'ACCEPT', editorA), (r) => act(r, 'CANCEL', staff, 'NO_LONGER_INTERESTED')],
      ['SENT', (r) => act(r, 'RECEIVE', editorA), (r) => act(r, 'RECEIVE', editorA)],
      ['SENT', (r) => act(r, 'HOLD', editorA), (r) => act(r, 'RECEIVE', editorA)],
    ];

    it('two concurrent transitions with the same version: exactly one succeeds, the other gets CONFLICT', async () => {
      for (const [status, first, second] of racingPairs) {
        const ref = await referralIn(status);
        const results = await Promise.all([first(ref), second(ref)]);
        expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'OK']);
        const winner = results.find((r) => !r.body.errors)!.body.data.transitionReferral as Ref;
        const [row] = await app.referralsEm().execute('select status, version from referrals.referral where id = ?', [ref.id]);
        expect(row).toEqual({ status: winner.status, version: ref.version + 1 });
      }
    });

    it('the losing one of two concurrent transitions leaves no trace: one new step in the status history, one new audit entry', async () => {
      const traces: unknown[] = [];
      for (const [status, first, second] of racingPairs) {
        const ref = await referralIn(status);
        const audits = await auditRows(ref.id);
        const results = await Promise.all([first(ref), second(ref)]);
        expect(results.map(codeOf).sort()).toEqual(['CONFLICT', 'OK']);
        const after = await readOk(ref.id, staff);
        const operations = await app
          .referralsEm()
          .execute<Array<{ operation: string }>>('select operation from referrals.audit_log where referral_id = ? order by id', [ref.id]);
        traces.push({
          status: after.status,
          history: after.statusHistory.slice(ref.statusHistory.length).map((s: { from: string; to: string }) => `${s.from}→${s.to}`),
          newAuditEntries: operations
            .slice(audits)
            .map((o) => o.operation)
            .filter((o) => o !== 'READ'),
        });
      }
      // Each race: the referral, its status history and the (append-only) audit log agree on the one step taken.
      type Trace = { status: string; history: string[]; newAuditEntries: string[] };
      const disagreeing = (traces as Trace[]).filter(
        (t) => t.history.length !== 1 || t.newAuditEntries.length !== 1 || !t.history[0]!.endsWith(`→${t.status}`),
      );
      expect(disagreeing).toEqual([]);
      expect(traces).toHaveLength(4);
    });

    it('a stale version is CONFLICT', async () => {
      const ref = await referralIn('RECEIVED');
      expect(codeOf(await act({ id: ref.id, version: ref.version - 1 }, 'ACCEPT', editorA))).toBe('CONFLICT');
      expect((await readOk(ref.id, staff)).status).toBe('RECEIVED');
    });

    it.each(['SENT', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS'])('HOLD then RESUME returns a %s referral to the state it was in', async (status) => {
      const ref = await referralIn(status);
      const held = await step(ref, 'HOLD', editorA);
      expect(held).toMatchObject({ status: 'ON_HOLD', allowedActions: ['RESUME'] });
      expect((await readOk(ref.id, staff)).allowedActions).toEqual(['CANCEL']);
      const resumed = await step(held, 'RESUME', editorA);
      expect(resumed.status).toBe(status);
      expect(resumed.statusHistory.slice(-2)).toEqual([
        { from: status, to: 'ON_HOLD', actor: 'editor-a', reason: null },
        { from: 'ON_HOLD', to: status, actor: 'editor-a', reason: null },
      ]);
      expect(resumed.closedAt).toBeNull();
    });

    it('a resumed referral carries on from where it was', async () => {
      const inProgress = await referralIn('IN_PROGRESS');
      const resumed = await step(await step(inProgress, 'HOLD', editorA), 'RESUME', editorA);
      expect(resumed.allowedActions).toEqual(['COMPLETE', 'MARK_NOT_COMPLETED', 'HOLD']);
      const completed = await step(resumed, 'COMPLETE', editorA, 'GOT_HELP');
      expect(historyTo(completed)).toEqual(['DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD', 'IN_PROGRESS', 'COMPLETED']);
    });
  });

  // --- free text -------------------------------------------------------------------------

  describe('the need description never identifies anyone', () => {
    const WHY = ' (11 digits are refused whatever their check digits: a mistyped number still identifies someone)';
    it.each([
      ['a fødselsnummer', 'Mor til to, fnr 13097248022, trenger hjelp.', '13097248022', 'an identity number (fødselsnummer/d-nummer)', WHY],
      ['a fødselsnummer written with a space', 'Fnr 130972 48022.', '130972 48022', 'an identity number (fødselsnummer/d-nummer)', WHY],
      ['a d-nummer', 'D-nummer 53097248016.', '53097248016', 'an identity number (fødselsnummer/d-nummer)', WHY],
      ['a mistyped fødselsnummer (check digits wrong)', 'Fnr 01017012345', '01017012345', 'an identity number (fødselsnummer/d-nummer)', WHY],
      ['an account number', 'Bidrag til konto 1234.56.78903.', '1234.56.78903', 'an account number', WHY],
      ['a phone number', 'Ring henne på 92 34 56 78 etter kl. 17.', '92 34 56 78', 'a phone number', ''],
      ['an e-mail address', 'Hun nås på kari.nordmann@example.org.', 'kari.nordmann@example.org', 'an e-mail address', ''],
    ])('%s is BAD_USER_INPUT on input.needDescription and no referral is created', async (_what, needDescription, value, kind, why) => {
      const rows = await referralRows();
      const res = await app.query(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`, {
        as: staff,
        variables: { input: { activityId: activityA, ...PERSONAL_INPUT, needDescription, consent: consent() } },
      });
      expect(errorOf(res)).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.needDescription',
        message: `input.needDescription: must not contain ${kind}: describe the need without identifying anyone${why}`,
      });
      expect(JSON.stringify(res.body)).not.toContain(value);
      expect(res.body.data).toBeNull();
      expect(await referralRows()).toBe(rows);
    });

    it('several kinds at once are all named', async () => {
      const res = await app.query(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`, {
        as: staff,
        variables: { input: { activityId: activityA, needDescription: 'Fnr 13097248022, tlf 92345678, kari@example.org' } },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.needDescription' });
      expect(res.body.errors![0]!.message).toContain('an identity number (fødselsnummer/d-nummer) or a phone number or an e-mail address');
    });

    it('a fødselsnummer as the pseudonymous reference is refused too', async () => {
      const rows = await referralRows();
      const res = await app.query(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`, {
        as: staff,
        variables: { input: { activityId: activityA, pseudonymousReference: '13097248022' } },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pseudonymousReference' });
      expect(await referralRows()).toBe(rows);
    });

    it('a name as the pseudonymous reference is refused: a reference has a number in it', async () => {
      const rows = await referralRows();
      const res = await app.query(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`, {
        as: staff,
        variables: { input: { activityId: activityA, pseudonymousReference: 'Fatima Ali' } },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.pseudonymousReference' });
      expect(await referralRows()).toBe(rows);
    });

    it('a draft cannot be changed to contain a phone number either; the draft stays as it was', async () => {
      const draft = await create();
      const res = await app.query(`mutation($id: ID!, $input: UpdateReferralDraftInput!) { updateReferralDraft(id: $id, input: $input) { id } }`, {
        as: staff,
        variables: { id: draft.id, input: { version: draft.version, needDescription: 'Ny beskjed: ring +47 22 12 34 56.' } },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.needDescription' });
      expect(await readOk(draft.id, staff)).toMatchObject({ version: draft.version, needDescription: NEED });
    });

    it.each([
      ['only spaces and NBSP', '  \u00A0 \u00A0', /empty or only spaces/],
      ['only zero-width characters', '\u200B\u200D\uFEFF', /empty or only spaces/],
      ['an ESC sequence', 'Trenger hjelp \u001B[8m skjult', /control characters other than line breaks/],
      ['a bidi override', 'Trenger \u202Ehjelp', /bidirectional/],
      ['a lone surrogate', 'Trenger hjelp \uDC00', /lone surrogate/],
    ])('a need description with %s is BAD_USER_INPUT on input.needDescription and nothing is stored', async (_what, needDescription, message) => {
      const rows = await referralRows();
      const res = await app.query(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`, {
        as: staff,
        variables: { input: { activityId: activityA, needDescription } },
      });
      expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.needDescription', message });
      expect(await referralRows()).toBe(rows);
    });

    it('a need description on several lines is fine', async () => {
      const ref = await create({ input: { needDescription: 'Leksehjelp for 2 barn.\nHelst tirsdager.' } });
      expect(ref.needDescription).toBe('Leksehjelp for 2 barn.\nHelst tirsdager.');
    });

    it('ordinary text with numbers is accepted', async () => {
      const ref = await create({ input: { needDescription: 'Leksehjelp for 2 barn på 6 og 9 år, tirsdager kl. 17.00, postnummer 0557.' } });
      expect(ref.needDescription).toBe('Leksehjelp for 2 barn på 6 og 9 år, tirsdager kl. 17.00, postnummer 0557.');
    });
  });

  it.each(['', 'x', '   '])('auditLog(referralId: %j) is BAD_USER_INPUT naming referralId, not the whole log', async (referralId) => {
    const res = await app.query('query($id: ID) { auditLog(referralId: $id) { totalCount } }', { as: admin, variables: { id: referralId } });
    expect(errorOf(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'referralId', message: 'referralId: must be a referral id (UUID)' });
    expect(res.body.data).toBeNull();
    const whole = await app.query('query($id: ID) { auditLog(referralId: $id) { totalCount } }', { as: admin, variables: { id: null } });
    expect(whole.body.errors).toBeUndefined();
  });

  // --- consent ---------------------------------------------------------------------------

  describe('consent', () => {
    it('withdrawing consent on an open referral cancels it and erases its personal fields; the organisation then sees none', async () => {
      const ref = await referralIn('ACCEPTED');
      expect(await readOk(ref.id, editorA)).toMatchObject({ ...PERSONAL_VIEW, personalDataErased: false });
      const { withdrawReferralConsent: withdrawn } = await app.ok(
        `mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { ${FIELDS} } }`,
        {
          as: staff,
          variables: { id: ref.id, v: ref.version },
        },
      );
      expect(withdrawn).toMatchObject({
        ...NO_PERSONAL_FIELDS,
        status: 'CANCELLED',
        closeReason: 'CONSENT_WITHDRAWN',
        personalDataErased: true,
        allowedActions: [],
      });
      expect(withdrawn.consent.withdrawnAt).not.toBeNull();
      expect(withdrawn.closedAt).not.toBeNull();
      expect(withdrawn.statusHistory.at(-1)).toEqual({ from: 'ACCEPTED', to: 'CANCELLED', actor: 'staff-s', reason: 'CONSENT_WITHDRAWN' });

      expect(await readOk(ref.id, editorA)).toMatchObject({
        ...NO_PERSONAL_FIELDS,
        status: 'CANCELLED',
        closeReason: 'CONSENT_WITHDRAWN',
        personalDataErased: true,
        allowedActions: [],
      });
      const [row] = await app
        .referralsEm()
        .execute(
          'select pseudonymous_reference, age_group, languages, interpreter_needed, children_ages, pets, need_description, status from referrals.referral where id = ?',
          [ref.id],
        );
      expect(row).toEqual({
        pseudonymous_reference: null,
        age_group: null,
        languages: null,
        interpreter_needed: null,
        children_ages: null,
        pets: null,
        need_description: null,
        status: 'CANCELLED',
      });
    });

    it('withdrawing consent on a draft cancels it as well', async () => {
      const draft = await create();
      const { withdrawReferralConsent: withdrawn } = await app.ok(
        `mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { ${FIELDS} } }`,
        {
          as: staff,
          variables: { id: draft.id, v: draft.version },
        },
      );
      expect(withdrawn).toMatchObject({ ...NO_PERSONAL_FIELDS, status: 'CANCELLED', closeReason: 'CONSENT_WITHDRAWN', personalDataErased: true });
    });

    it('the organisation sees only the fields in the consent’s scope', async () => {
      const ref = await step(await create({ consent: consent(30, ['PETS', 'CHILDREN']) }), 'SEND', staff);
      expect(await readOk(ref.id, editorA)).toMatchObject({
        ...NO_PERSONAL_FIELDS,
        childrenCount: 2,
        childrenAges: [6, 9],
        pets: [{ species: 'CAT', count: 1 }],
      });
      expect(await readOk(ref.id, staff)).toMatchObject(PERSONAL_VIEW);
    });
  });

  // --- confidentiality -------------------------------------------------------------------

  it('a gateway the subgraphs refuse (another shared secret) answers INTERNAL_SERVER_ERROR, not a permission error', async () => {
    const misconfigured = await createGatewayServer(
      { ...app.config, federation: { ...app.config.federation, gatewaySharedSecret: 'another-secret-0123456789abcdef0123' } },
      createLogger('silent', 'misconfigured-gateway'),
      { directory: app.urls.directory, referrals: app.urls.referrals },
    );
    const url = await misconfigured.listen(0, '127.0.0.1');
    try {
      const res = await app.query('{ bydeler { code } }', { url });
      expect(res.body.data?.bydeler ?? null).toBeNull();
      expect(res.body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await misconfigured.stop();
    }
  });

  describe('who sees a referral', () => {
    it('a DRAFT is not visible to the receiving organisation: NOT_FOUND, not in its inbox; once sent it is', async () => {
      const draft = await create();
      expect(errorOf(await read(draft.id, editorA))).toMatchObject({ code: 'NOT_FOUND' });
      expect(codeOf(await act(draft, 'RECEIVE', editorA))).toBe('NOT_FOUND');
      const inbox = await app.ok('{ referrals(first: 100) { nodes { id status } } }', { as: editorA });
      expect(inbox.referrals.nodes.map((n: Ref) => n.id)).not.toContain(draft.id);
      expect(inbox.referrals.nodes.filter((n: Ref) => n.status === 'DRAFT')).toEqual([]);
      expect((await app.ok('{ referrals(statuses: [DRAFT]) { totalCount } }', { as: editorA })).referrals.totalCount).toBe(0);
      expect((await app.ok('{ referrals(statuses: [DRAFT], first: 100) { nodes { id } } }', { as: staff })).referrals.nodes.map((n: Ref) => n.id)).toContain(
        draft.id,
      );

      await step(draft, 'SEND', staff);
      expect((await readOk(draft.id, editorA)).status).toBe('SENT');
      expect((await app.ok('{ referrals(statuses: [SENT], first: 100) { nodes { id } } }', { as: editorA })).referrals.nodes.map((n: Ref) => n.id)).toContain(
        draft.id,
      );
    });

    it('a draft cancelled before it was sent never reaches the organisation, neither by id nor in its inbox', async () => {
      const cancelled = await step(await create(), 'CANCEL', staff, 'GOT_HELP');
      expect(cancelled.status).toBe('CANCELLED');
      expect(errorOf(await read(cancelled.id, editorA))).toMatchObject({ code: 'NOT_FOUND' });
      const inbox = await app.ok('{ referrals(statuses: [CANCELLED], first: 100) { nodes { id } } }', { as: editorA });
      expect(inbox.referrals.nodes.map((n: Ref) => n.id)).not.toContain(cancelled.id);
    });

    it('a declined referral the shelter sent on is DECLINED to the organisation in filters and messages too', async () => {
      const declined = await referralIn('DECLINED');
      await app.ok(REDIRECT, { as: staff, variables: { id: declined.id, input: { activityId: activityB, version: declined.version } } });
      const ids = async (statuses: string) =>
        (await app.ok(`{ referrals(statuses: [${statuses}], first: 100) { nodes { id status } } }`, { as: editorA })).referrals.nodes.map((n: Ref) => n.id);
      expect(await ids('REDIRECTED')).not.toContain(declined.id);
      expect(await ids('DECLINED')).toContain(declined.id);
      const seen = await readOk(declined.id, editorA);
      expect(seen.status).toBe('DECLINED');
      expect(errorOf(await act(seen, 'ACCEPT', editorA))).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'action: cannot ACCEPT a referral that is DECLINED; allowed now: nothing',
      });
    });

    it('staff of another shelter and editors of another organisation get NOT_FOUND, and never see it in a list', async () => {
      const ref = await referralIn('RECEIVED');
      for (const as of [otherStaff, editorB]) {
        const res = await read(ref.id, as);
        expect({ as: as.subject, error: errorOf(res), data: res.body.data }).toEqual({
          as: as.subject,
          error: { code: 'NOT_FOUND', field: undefined, message: `Referral ${ref.id} was not found` },
          data: { referral: null },
        });
        const list = await app.ok('{ referrals(first: 100) { nodes { id } } }', { as });
        expect(list.referrals.nodes.map((n: Ref) => n.id)).not.toContain(ref.id);
      }
      expect(codeOf(await act(ref, 'CANCEL', otherStaff, 'GOT_HELP'))).toBe('NOT_FOUND');
      expect(codeOf(await act(ref, 'ACCEPT', editorB))).toBe('NOT_FOUND');
      const withdraw = await app.query('mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { id } }', {
        as: otherStaff,
        variables: { id: ref.id, v: ref.version },
      });
      expect(codeOf(withdraw)).toBe('NOT_FOUND');
      expect(await readOk(ref.id, staff)).toMatchObject({ status: 'RECEIVED', version: ref.version, ...PERSONAL_VIEW });
    });

    it('a refused read or change is answered the same whether the referral exists or not, and both are audited as DENIED', async () => {
      const ref = await referralIn('RECEIVED');
      const ghost = randomUUID();
      const withdraw = (id: string, as: Caller) =>
        app.query('mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { id } }', { as, variables: { id, v: ref.version } });
      const attempts: Array<[string, Caller, (id: string) => Promise<Response>]> = [
        ['READ', otherStaff, (id) => read(id, otherStaff)],
        ['READ', editorB, (id) => read(id, editorB)],
        ['READ', integrator, (id) => read(id, integrator)],
        ['READ', admin, (id) => read(id, admin)],
        ['CANCEL', otherStaff, (id) => act({ id, version: ref.version }, 'CANCEL', otherStaff, 'GOT_HELP')],
        ['ACCEPT', editorB, (id) => act({ id, version: ref.version }, 'ACCEPT', editorB)],
        ['WITHDRAW_CONSENT', otherStaff, (id) => withdraw(id, otherStaff)],
      ];
      const answer = (res: Response, id: string) => JSON.stringify({ error: errorOf(res), data: res.body.data }).replaceAll(id, '<id>');
      const expectedEntries: unknown[] = [];
      for (const [operation, as, attempt] of attempts) {
        const existing = await attempt(ref.id);
        const missing = await attempt(ghost);
        expect({ operation, as: as.subject, code: codeOf(existing) }).toEqual({ operation, as: as.subject, code: 'NOT_FOUND' });
        expect(answer(existing, ref.id)).toBe(answer(missing, ghost));
        expectedEntries.push({ actor: as.subject, operation, referralId: ref.id }, { actor: as.subject, operation, referralId: ghost });
      }
      // A party trying what only the other side may do is refused (FORBIDDEN: it can see the referral) and audited too.
      expect(codeOf(await act(ref, 'CANCEL', editorA, 'GOT_HELP'))).toBe('FORBIDDEN');
      expectedEntries.push({ actor: 'editor-a', operation: 'CANCEL', referralId: ref.id });

      const denied = await app.referralsEm().execute<Array<{ actor: string; operation: string; referralId: string }>>(
        `select actor_subject as actor, operation, referral_id as "referralId" from referrals.audit_log
            where referral_id in (?, ?) and outcome = 'DENIED' order by id`,
        [ref.id, ghost],
      );
      expect(denied).toEqual(expectedEntries);
      expect(await readOk(ref.id, staff)).toMatchObject({ status: 'RECEIVED', version: ref.version, ...PERSONAL_VIEW });
      const { auditLog } = await app.ok('query($id: ID!) { auditLog(referralId: $id, first: 1) { nodes { operation actorSubject outcome } } }', {
        as: admin,
        variables: { id: ghost },
      });
      expect(auditLog.nodes).toEqual([{ operation: 'WITHDRAW_CONSENT', actorSubject: 'staff-other', outcome: 'DENIED' }]);
    });

    it('a refused attempt with an id that is no UUID is audited without it', async () => {
      const deniedWithoutId = () =>
        countRows("select count(*)::int as count from referrals.audit_log where referral_id is null and actor_subject = 'staff-s' and outcome = 'DENIED'");
      const before = await deniedWithoutId();
      expect(codeOf(await read('not-a-uuid', staff))).toBe('NOT_FOUND');
      expect(await deniedWithoutId()).toBe(before + 1);
    });

    it('a non-UUID id is NOT_FOUND too', async () => {
      expect(errorOf(await read('not-a-uuid', staff))).toEqual({ code: 'NOT_FOUND', field: undefined, message: 'Referral was not found' });
    });
  });

  // --- redirect --------------------------------------------------------------------------

  const REDIRECT = `mutation($id: ID!, $input: RedirectReferralInput!) { redirectReferral(id: $id, input: $input) { ${FIELDS} activity { title organisation { name } } } }`;

  describe('once a referral has ended for the organisation, it sees no personal fields', () => {
    it.each([
      ['the shelter cancels', async (ref: Ref) => step(ref, 'CANCEL', staff, 'GOT_HELP')],
      ['it declines', async (ref: Ref) => step(await step(ref, 'RECEIVE', editorA), 'DECLINE', editorA, 'NOT_ELIGIBLE')],
      [
        'it completes',
        async (ref: Ref) =>
          step(await step(await step(await step(ref, 'RECEIVE', editorA), 'ACCEPT', editorA), 'START', editorA), 'COMPLETE', editorA, 'GOT_HELP'),
      ],
    ])('after %s', async (_when, end) => {
      const sent = await referralIn('SENT');
      expect(await readOk(sent.id, editorA)).toMatchObject(PERSONAL_VIEW);
      const ended = await end(sent);
      expect(await readOk(ended.id, editorA)).toMatchObject(NO_PERSONAL_FIELDS);
      expect(await readOk(ended.id, staff)).toMatchObject(PERSONAL_VIEW);
    });
  });

  it('withdrawing consent on a redirected draft erases and withdraws along the whole chain', async () => {
    const declined = await referralIn('DECLINED');
    const { redirectReferral: next } = await app.ok(REDIRECT, {
      as: staff,
      variables: { id: declined.id, input: { activityId: activityB, version: declined.version } },
    });
    await app.ok('mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { id } }', {
      variables: { id: next.id, v: next.version },
      as: staff,
    });
    const [first, second] = [await readOk(declined.id, staff), await readOk(next.id, staff)];
    expect([first.consent?.withdrawnAt ?? null, first.personalDataErased]).toEqual([expect.any(String), true]);
    expect(second).toMatchObject({ ...NO_PERSONAL_FIELDS, status: 'CANCELLED', closeReason: 'CONSENT_WITHDRAWN', personalDataErased: true });
  });

  describe('redirect', () => {
    it('withdrawing consent on a redirected referral withdraws it on the new one too, which carries copies of the same data', async () => {
      const declined = await referralIn('DECLINED');
      const next = (
        await app.ok(`mutation($id: ID!, $input: RedirectReferralInput!) { redirectReferral(id: $id, input: $input) { ${FIELDS} } }`, {
          variables: { id: declined.id, input: { activityId: activityB, version: declined.version } },
          as: staff,
        })
      ).redirectReferral;
      const original = await readOk(declined.id, staff);
      await app.ok('mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { id } }', {
        variables: { id: original.id, v: original.version },
        as: staff,
      });
      expect(await readOk(next.id, staff)).toMatchObject({
        ...NO_PERSONAL_FIELDS,
        status: 'CANCELLED',
        closeReason: 'CONSENT_WITHDRAWN',
        personalDataErased: true,
      });
    });

    it('after DECLINE, the shelter redirects to another organisation’s activity: the personal fields move to a new linked DRAFT, consent is asked again', async () => {
      const original = await referralIn('DECLINED');
      const { redirectReferral: next } = await app.ok(REDIRECT, {
        as: staff,
        variables: { id: original.id, input: { activityId: activityB, version: original.version } },
      });
      expect(next).toMatchObject({
        ...PERSONAL_VIEW,
        status: 'DRAFT',
        version: 1,
        redirectedFromId: original.id,
        redirectedToId: null,
        closeReason: null,
        personalDataErased: false,
        // Consent was given for the first organisation: the shelter records it again for this one.
        consent: null,
        allowedActions: ['SEND', 'CANCEL'],
        statusHistory: [{ from: null, to: 'DRAFT', actor: 'staff-s', reason: null }],
        activity: { title: 'Leksehjelp', organisation: { name: 'Redd Barna' } },
      });
      expect(next.id).not.toBe(original.id);

      const redirected = await readOk(original.id, staff);
      expect(redirected).toMatchObject({
        ...NO_PERSONAL_FIELDS,
        status: 'REDIRECTED',
        personalDataErased: true,
        redirectedToId: next.id,
        redirectedFromId: null,
        closeReason: 'NO_CAPACITY',
        allowedActions: [],
      });
      expect(historyTo(redirected)).toEqual(['DRAFT', 'SENT', 'RECEIVED', 'DECLINED', 'REDIRECTED']);
      expect(redirected.statusHistory.at(-1)).toEqual({ from: 'DECLINED', to: 'REDIRECTED', actor: 'staff-s', reason: null });
      // The organisation that declined sees its decline, not that the referral went on.
      const forDecliner = await readOk(original.id, editorA);
      expect({ status: forDecliner.status, redirectedToId: forDecliner.redirectedToId, history: historyTo(forDecliner) }).toEqual({
        status: 'DECLINED',
        redirectedToId: null,
        history: ['DRAFT', 'SENT', 'RECEIVED', 'DECLINED'],
      });

      // The new draft is the shelter's until it is sent, and needs consent first.
      expect(codeOf(await read(next.id, editorB))).toBe('NOT_FOUND');
      expect(codeOf(await read(next.id, editorA))).toBe('NOT_FOUND');
      expect(errorOf(await act(next, 'SEND', staff))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
      const consented = (
        await app.ok(`mutation($id: ID!, $c: ConsentInput!, $v: Int!) { recordReferralConsent(id: $id, consent: $c, version: $v) { ${FIELDS} } }`, {
          variables: { id: next.id, c: consent(), v: next.version },
          as: staff,
        })
      ).recordReferralConsent;
      const sent = await step(consented, 'SEND', staff);
      expect(await readOk(sent.id, editorB)).toMatchObject({ ...PERSONAL_VIEW, status: 'SENT', redirectedFromId: null });
      expect(codeOf(await read(sent.id, editorA))).toBe('NOT_FOUND');
    });

    it('a consent withdrawn after DECLINE does not travel with a redirect: nothing made from it can be sent', async () => {
      const declined = await referralIn('DECLINED');
      const { withdrawReferralConsent: withdrawn } = await app.ok(
        `mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { ${FIELDS} } }`,
        {
          as: staff,
          variables: { id: declined.id, v: declined.version },
        },
      );
      expect(withdrawn).toMatchObject({ ...NO_PERSONAL_FIELDS, status: 'DECLINED', personalDataErased: true });
      expect(withdrawn.consent.withdrawnAt).not.toBeNull();

      const res = await app.query(REDIRECT, { as: staff, variables: { id: declined.id, input: { activityId: activityB, version: withdrawn.version } } });
      const next: Ref | undefined = res.body.data?.redirectReferral;
      // Either the redirect is refused, or the new draft carries no usable consent and cannot be sent.
      const outcome = next
        ? { consentUsable: next.consent !== null && next.consent.withdrawnAt === null, send: errorOf(await act(next, 'SEND', staff)) ?? 'SENT' }
        : { consentUsable: false, send: errorOf(res) };
      expect(outcome).toEqual({ consentUsable: false, send: expect.objectContaining({ code: 'BAD_USER_INPUT' }) });
    });

    it('only a DECLINED referral can be redirected, only by its shelter', async () => {
      const received = await referralIn('RECEIVED');
      expect(
        errorOf(await app.query(REDIRECT, { as: staff, variables: { id: received.id, input: { activityId: activityB, version: received.version } } })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
      const declined = await referralIn('DECLINED');
      const variables = { id: declined.id, input: { activityId: activityB, version: declined.version } };
      expect(codeOf(await app.query(REDIRECT, { as: otherStaff, variables }))).toBe('NOT_FOUND');
      expect(codeOf(await app.query(REDIRECT, { as: editorA, variables }))).toBe('FORBIDDEN');
      const rows = await referralRows();
      expect(errorOf(await app.query(REDIRECT, { as: staff, variables: { id: declined.id, input: { version: declined.version } } }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.activityId',
      });
      expect(await referralRows()).toBe(rows);
      await app.ok(REDIRECT, { as: staff, variables });
      expect(
        errorOf(await app.query(REDIRECT, { as: staff, variables: { ...variables, input: { ...variables.input, version: declined.version + 1 } } })),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'id',
      });
    });
  });

  // --- the subgraph boundary -------------------------------------------------------------

  describe('the referrals subgraph answers only the gateway', () => {
    it('called directly without the gateway’s secret: HTTP 403; with a wrong one: 403; with it: served', async () => {
      const without = await app.query('{ referrals { totalCount } }', { url: app.urls.referrals, as: staff });
      expect(without).toEqual({
        status: 403,
        body: { errors: [{ message: 'This subgraph answers only requests that come through the Samspill gateway', extensions: { code: 'FORBIDDEN' } }] },
      });
      const wrong = await app.query('{ referrals { totalCount } }', {
        url: app.urls.referrals,
        as: staff,
        headers: { 'x-samspill-gateway': 'not-the-secret' },
      });
      expect(wrong.status).toBe(403);
      const served = await app.query('{ referrals { totalCount } }', { url: app.urls.referrals, as: staff, headers: { 'x-samspill-gateway': GATEWAY_SECRET } });
      expect(served.status).toBe(200);
      expect(served.body.errors).toBeUndefined();
      expect(typeof served.body.data.referrals.totalCount).toBe('number');
      expect(served.body.data.referrals.totalCount).toBeGreaterThan(0);
    });

    it('the directory subgraph too', async () => {
      expect((await app.query('{ bydeler { code } }', { url: app.urls.directory })).status).toBe(403);
      const served = await app.query('{ bydel(code: "030112") { name } }', { url: app.urls.directory, headers: { 'x-samspill-gateway': GATEWAY_SECRET } });
      expect(served).toEqual({ status: 200, body: { data: { bydel: { name: 'Alna' } } } });
    });
  });

  // --- anonymous -------------------------------------------------------------------------

  describe('anonymous callers', () => {
    const id = '7b0e4c52-3a1f-4c1e-9f3e-1d2b3c4d5e6f';
    const operations: Array<[string, string, Record<string, unknown>]> = [
      ['referral', 'query($id: ID!) { referral(id: $id) { id } }', { id }],
      ['referrals', '{ referrals { totalCount } }', {}],
      ['referralStatistics', 'query($month: String!) { referralStatistics(fromMonth: $month, toMonth: $month) { count } }', {}],
      ['auditLog', '{ auditLog { totalCount } }', {}],
      ['referralInbox', 'query($o: ID!) { referralInbox(organisationId: $o) { waiting } }', { o: id }],
      ['followUp', 'query($id: ID!) { followUp(id: $id) { id } }', { id }],
      ['followUps', '{ followUps { totalCount } }', {}],
      ['followUpStatistics', 'query($month: String!) { followUpStatistics(fromMonth: $month, toMonth: $month) { count } }', {}],
      ['startFollowUp', 'mutation($id: ID!) { startFollowUp(referralId: $id, version: 1, afterLeavingShelter: false) { id } }', { id }],
      ['matchFollowUp', 'mutation($id: ID!) { matchFollowUp(id: $id, input: { version: 1, volunteerReference: "RV-2026-001" }) { id } }', { id }],
      ['planFollowUpCheckIn', 'mutation($id: ID!, $on: String!) { planFollowUpCheckIn(id: $id, plannedOn: $on, version: 1) { id } }', { id }],
      ['recordFollowUpCheckIn', 'mutation($id: ID!) { recordFollowUpCheckIn(checkInId: $id, input: { version: 1, outcome: DONE }) { id } }', { id }],
      ['endFollowUp', 'mutation($id: ID!) { endFollowUp(id: $id, input: { version: 1, reason: GOAL_REACHED }) { id } }', { id }],
      ['renewConsent', 'mutation($id: ID!, $on: String!) { renewConsent(id: $id, expiresOn: $on, version: 1) { id } }', { id }],
      ['createReferral', 'mutation($a: ID!) { createReferral(input: { activityId: $a }) { id } }', {}],
      ['updateReferralDraft', 'mutation($id: ID!) { updateReferralDraft(id: $id, input: { version: 1, ageGroup: YOUTH }) { id } }', { id }],
      [
        'recordReferralConsent',
        'mutation($id: ID!, $on: String!) { recordReferralConsent(id: $id, version: 1, consent: { scope: [AGE_GROUP], expiresOn: $on }) { id } }',
        { id },
      ],
      ['withdrawReferralConsent', 'mutation($id: ID!) { withdrawReferralConsent(id: $id, version: 1) { id } }', { id }],
      ['transitionReferral', 'mutation($id: ID!) { transitionReferral(id: $id, version: 1, action: SEND) { id } }', { id }],
      ['redirectReferral', 'mutation($id: ID!, $a: ID!) { redirectReferral(id: $id, input: { activityId: $a, version: 1 }) { id } }', { id }],
    ];

    /** Valid values for the other variables, so that only the missing token is at fault. */
    const others = (query: string) => ({
      ...(query.includes('$a') ? { a: activityA } : {}),
      ...(query.includes('$month') ? { month: app.clock.osloMonth() } : {}),
      ...(query.includes('$on') ? { on: app.clock.osloDate(30) } : {}),
    });

    it.each(operations)('%s → UNAUTHENTICATED, whether or not the referral exists', async (_name, query, variables) => {
      const rows = await referralRows();
      const existing = await referralIn('SENT');
      for (const vars of [variables, { ...variables, ...('id' in variables ? { id: existing.id } : {}) }]) {
        const res = await app.query(query, { variables: { ...vars, ...others(query) } });
        expect({ code: codeOf(res), noData: noData(res) }).toEqual({ code: 'UNAUTHENTICATED', noData: true });
      }
      expect(await referralRows()).toBe(rows + 1);
      expect(await readOk(existing.id, staff)).toMatchObject({ status: 'SENT', version: existing.version, ...PERSONAL_VIEW });
    });

    it('covers every root field', async () => {
      const { typeGraphqlSchema } = await buildReferralsSchema();
      const roots = [...Object.keys(typeGraphqlSchema.getQueryType()!.getFields()), ...Object.keys(typeGraphqlSchema.getMutationType()!.getFields())];
      expect(operations.map(([name]) => name).sort()).toEqual(roots.sort());
    });
  });

  // --- authorization table ---------------------------------------------------------------

  describe('authorization of every operation for every kind of caller', () => {
    type Who = 'anonymous' | 'sendingStaff' | 'otherStaff' | 'receivingEditor' | 'otherEditor' | 'integrator' | 'admin';
    type Outcome = 'OK' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
    const WHO: Who[] = ['anonymous', 'sendingStaff', 'otherStaff', 'receivingEditor', 'otherEditor', 'integrator', 'admin'];
    const callers = (): Record<Who, Caller | undefined> => ({
      anonymous: undefined,
      sendingStaff: staff,
      otherStaff,
      receivingEditor: editorA,
      otherEditor: editorB,
      integrator,
      admin,
    });

    interface Case {
      operation: string;
      label?: string;
      query: string;
      variables: (who: Who) => Promise<Record<string, unknown>>;
      expect: Record<Who, Outcome>;
    }

    /** For one referral: only its parties see it; for the others it does not exist. */
    const parties: Record<Who, Outcome> = {
      anonymous: 'UNAUTHENTICATED',
      sendingStaff: 'OK',
      otherStaff: 'NOT_FOUND',
      receivingEditor: 'OK',
      otherEditor: 'NOT_FOUND',
      integrator: 'NOT_FOUND',
      admin: 'NOT_FOUND',
    };
    /** A shelter-only operation on one referral: other roles are refused, other shelters find nothing. */
    const sendingShelterOnly: Record<Who, Outcome> = {
      anonymous: 'UNAUTHENTICATED',
      sendingStaff: 'OK',
      otherStaff: 'NOT_FOUND',
      receivingEditor: 'FORBIDDEN',
      otherEditor: 'FORBIDDEN',
      integrator: 'FORBIDDEN',
      admin: 'FORBIDDEN',
    };

    /** An organisation-only operation on a follow-up that does not exist (or a referral it does not know). */
    const ORGANISATION_ONLY: Record<Who, Outcome> = {
      anonymous: 'UNAUTHENTICATED',
      sendingStaff: 'FORBIDDEN',
      otherStaff: 'FORBIDDEN',
      receivingEditor: 'NOT_FOUND',
      otherEditor: 'NOT_FOUND',
      integrator: 'FORBIDDEN',
      admin: 'FORBIDDEN',
    };
    const NO_FOLLOW_UP = '00000000-0000-4000-8000-0000000000ff';
    const sentReferral = async () => ({ id: (await referralIn('SENT')).id });
    const cases: Case[] = [
      { operation: 'referral', label: 'a SENT referral', query: 'query($id: ID!) { referral(id: $id) { id } }', variables: sentReferral, expect: parties },
      {
        operation: 'referral',
        label: 'a DRAFT',
        query: 'query($id: ID!) { referral(id: $id) { id } }',
        variables: async () => ({ id: (await create()).id }),
        expect: { ...parties, receivingEditor: 'NOT_FOUND' },
      },
      {
        operation: 'referrals',
        query: '{ referrals { totalCount } }',
        variables: async () => ({}),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'OK',
          otherStaff: 'OK',
          receivingEditor: 'OK',
          otherEditor: 'OK',
          integrator: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        operation: 'referralInbox',
        query: 'query($o: ID!) { referralInbox(organisationId: $o) { waiting } }',
        variables: async () => ({ o: orgA.id }),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'FORBIDDEN',
          otherStaff: 'FORBIDDEN',
          receivingEditor: 'OK',
          otherEditor: 'FORBIDDEN',
          integrator: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        operation: 'referralStatistics',
        query: 'query($from: String!, $to: String!) { referralStatistics(fromMonth: $from, toMonth: $to) { count } }',
        variables: async () => allMonths(),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'FORBIDDEN',
          otherStaff: 'FORBIDDEN',
          receivingEditor: 'FORBIDDEN',
          otherEditor: 'FORBIDDEN',
          integrator: 'OK',
          admin: 'OK',
        },
      },
      // Follow-ups (their own flow: follow-ups.int.test.ts): no follow-up exists here, so who is refused by role and who finds nothing.
      {
        operation: 'followUp',
        query: 'query($id: ID!) { followUp(id: $id) { id } }',
        variables: async () => ({ id: NO_FOLLOW_UP }),
        expect: { ...parties, sendingStaff: 'NOT_FOUND', receivingEditor: 'NOT_FOUND' },
      },
      {
        operation: 'followUps',
        query: '{ followUps { totalCount } }',
        variables: async () => ({}),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'OK',
          otherStaff: 'OK',
          receivingEditor: 'OK',
          otherEditor: 'OK',
          integrator: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        operation: 'followUpStatistics',
        query: 'query($from: String!, $to: String!) { followUpStatistics(fromMonth: $from, toMonth: $to) { count } }',
        variables: async () => allMonths(),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'FORBIDDEN',
          otherStaff: 'FORBIDDEN',
          receivingEditor: 'FORBIDDEN',
          otherEditor: 'FORBIDDEN',
          integrator: 'OK',
          admin: 'OK',
        },
      },
      {
        operation: 'startFollowUp',
        label: 'a DRAFT (not sent: the organisation does not know it)',
        query: 'mutation($id: ID!) { startFollowUp(referralId: $id, version: 1, afterLeavingShelter: false) { id } }',
        variables: async () => ({ id: (await create()).id }),
        expect: { ...ORGANISATION_ONLY },
      },
      ...(
        [
          ['matchFollowUp', 'mutation($id: ID!) { matchFollowUp(id: $id, input: { version: 1, volunteerReference: "RV-2026-001" }) { id } }'],
          ['planFollowUpCheckIn', 'mutation($id: ID!) { planFollowUpCheckIn(id: $id, plannedOn: "2026-01-01", version: 1) { id } }'],
          ['recordFollowUpCheckIn', 'mutation($id: ID!) { recordFollowUpCheckIn(checkInId: $id, input: { version: 1, outcome: DONE }) { id } }'],
          ['endFollowUp', 'mutation($id: ID!) { endFollowUp(id: $id, input: { version: 1, reason: GOAL_REACHED }) { id } }'],
        ] as const
      ).map(([operation, query]): Case => ({ operation, query, variables: async () => ({ id: NO_FOLLOW_UP }), expect: { ...ORGANISATION_ONLY } })),
      {
        operation: 'renewConsent',
        query: 'mutation($id: ID!, $on: String!) { renewConsent(id: $id, expiresOn: $on, version: 1) { id } }',
        variables: async () => ({ id: NO_FOLLOW_UP, on: app.clock.osloDate(30) }),
        expect: { ...parties, sendingStaff: 'NOT_FOUND', receivingEditor: 'NOT_FOUND', integrator: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      {
        operation: 'referralInbox',
        query: 'query($o: ID!) { referralInbox(organisationId: $o) { waiting oldestDeadline } }',
        variables: async () => ({ o: orgA.id }),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'FORBIDDEN',
          otherStaff: 'FORBIDDEN',
          receivingEditor: 'OK',
          otherEditor: 'FORBIDDEN',
          integrator: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        operation: 'auditLog',
        query: '{ auditLog { totalCount } }',
        variables: async () => ({}),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'FORBIDDEN',
          otherStaff: 'FORBIDDEN',
          receivingEditor: 'FORBIDDEN',
          otherEditor: 'FORBIDDEN',
          integrator: 'FORBIDDEN',
          admin: 'OK',
        },
      },
      {
        operation: 'createReferral',
        query: 'mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }',
        variables: async () => ({ input: { activityId: activityA, ...PERSONAL_INPUT, consent: consent() } }),
        expect: {
          anonymous: 'UNAUTHENTICATED',
          sendingStaff: 'OK',
          otherStaff: 'OK',
          receivingEditor: 'FORBIDDEN',
          otherEditor: 'FORBIDDEN',
          integrator: 'FORBIDDEN',
          admin: 'FORBIDDEN',
        },
      },
      {
        operation: 'updateReferralDraft',
        query: 'mutation($id: ID!, $v: Int!) { updateReferralDraft(id: $id, input: { version: $v, ageGroup: YOUTH }) { id } }',
        variables: async () => {
          const draft = await create();
          return { id: draft.id, v: draft.version };
        },
        expect: sendingShelterOnly,
      },
      {
        operation: 'recordReferralConsent',
        query: 'mutation($id: ID!, $v: Int!, $c: ConsentInput!) { recordReferralConsent(id: $id, version: $v, consent: $c) { id } }',
        variables: async () => {
          const draft = await create({ consent: null });
          return { id: draft.id, v: draft.version, c: consent(60) };
        },
        expect: sendingShelterOnly,
      },
      {
        operation: 'withdrawReferralConsent',
        query: 'mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { id } }',
        variables: async () => {
          const sent = await referralIn('SENT');
          return { id: sent.id, v: sent.version };
        },
        expect: sendingShelterOnly,
      },
      {
        operation: 'transitionReferral',
        label: 'a SENT referral (the shelter CANCELs, everyone else RECEIVEs)',
        query: 'mutation($id: ID!, $v: Int!, $a: ReferralAction!, $r: ReasonCode) { transitionReferral(id: $id, version: $v, action: $a, reason: $r) { id } }',
        variables: async (who) => {
          const sent = await referralIn('SENT');
          const shelterSide = who === 'sendingStaff' || who === 'otherStaff';
          return { id: sent.id, v: sent.version, a: shelterSide ? 'CANCEL' : 'RECEIVE', r: shelterSide ? 'NO_LONGER_INTERESTED' : null };
        },
        expect: { ...parties, integrator: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      {
        operation: 'transitionReferral',
        label: 'a DRAFT (the shelter SENDs, everyone else RECEIVEs)',
        query: 'mutation($id: ID!, $v: Int!, $a: ReferralAction!) { transitionReferral(id: $id, version: $v, action: $a) { id } }',
        variables: async (who) => {
          const draft = await create();
          return { id: draft.id, v: draft.version, a: who === 'sendingStaff' || who === 'otherStaff' ? 'SEND' : 'RECEIVE' };
        },
        expect: { ...parties, receivingEditor: 'NOT_FOUND', integrator: 'FORBIDDEN', admin: 'FORBIDDEN' },
      },
      {
        operation: 'redirectReferral',
        query: 'mutation($id: ID!, $input: RedirectReferralInput!) { redirectReferral(id: $id, input: $input) { id } }',
        variables: async () => {
          const declined = await referralIn('DECLINED');
          return { id: declined.id, input: { activityId: activityB, version: declined.version } };
        },
        expect: sendingShelterOnly,
      },
    ];

    it('covers every query and mutation of the referrals subgraph', async () => {
      const { typeGraphqlSchema } = await buildReferralsSchema();
      const operations = [...Object.keys(typeGraphqlSchema.getQueryType()!.getFields()), ...Object.keys(typeGraphqlSchema.getMutationType()!.getFields())];
      expect([...new Set(cases.map((c) => c.operation))].sort()).toEqual(operations.sort());
      expect(operations).toHaveLength(20);
    });

    const rows = cases.flatMap((c) => WHO.map((who) => [c.label ? `${c.operation} (${c.label})` : c.operation, who, c.expect[who], c] as const));
    it.each(rows)('%s as %s → %s', async (_operation, who, expected, c) => {
      const variables = await c.variables(who);
      const res = await app.query(c.query, { variables, as: callers()[who] });
      const outcome = codeOf(res);
      expect({ outcome, errors: outcome === expected ? undefined : res.body.errors }).toEqual({ outcome: expected, errors: undefined });
      if (expected === 'OK') expect(Object.values(res.body.data ?? {})[0]).not.toBeNull();
      else expect(noData(res)).toBe(true);
    });
  });

  // --- the clock (last: these move it) ---------------------------------------------------

  describe('time', () => {
    it('erases the personal fields of a draft left untouched, and of an open referral whose consent expired, after the retention period', async () => {
      const draft = await create();
      const sent = await step(await create({ consent: consent(10) }), 'SEND', staff);
      app.advanceDays(170);
      // The whole platform runs on the moved clock, the directory too.
      expect((await app.ok('query($id: ID!) { activity(id: $id) { daysSinceVerified } }', { variables: { id: activityA } })).activity.daysSinceVerified).toBe(
        170,
      );
      expect((await app.runJobs()).erased).not.toEqual(expect.arrayContaining([draft.id]));
      // 180 days after the draft was touched, and after the consent (10 days) expired.
      app.advanceDays(25);
      const { erased } = await app.runJobs();
      expect(erased).toEqual(expect.arrayContaining([draft.id, sent.id]));
      expect(await readOk(draft.id, staff)).toMatchObject({ ...NO_PERSONAL_FIELDS, status: 'DRAFT', personalDataErased: true });
      expect(await readOk(sent.id, staff)).toMatchObject({ ...NO_PERSONAL_FIELDS, personalDataErased: true });
    });

    it('a draft touched on the moved clock counts from then: retention compares the server clock with itself', async () => {
      const draft = await create();
      app.advanceDays(170);
      await app.ok(`mutation($id: ID!, $input: UpdateReferralDraftInput!) { updateReferralDraft(id: $id, input: $input) { id } }`, {
        as: staff,
        variables: { id: draft.id, input: { version: draft.version, needDescription: NEED } },
      });
      // 195 days after it was created, 25 after it was last touched.
      app.advanceDays(25);
      expect((await app.runJobs()).erased).not.toContain(draft.id);
      expect(await readOk(draft.id, staff)).toMatchObject({ needDescription: NEED, personalDataErased: false });
    });

    it('time on the wait-list does not count: a referral resumed to SENT gets a new answer deadline', async () => {
      const held = await referralIn('ON_HOLD');
      app.advanceDays(20);
      const resumed = await step(held, 'RESUME', editorA);
      expect(resumed.status).toBe('SENT');
      const deadline = new Date((await readOk(resumed.id, staff)).answerDeadline as unknown as string).getTime();
      expect(Math.round((deadline - app.now().getTime()) / DAY_MS)).toBe(14);
      expect((await app.runJobs()).expired).not.toContain(resumed.id);
    });

    it('a consent given until a date holds until the end of that day in Oslo, in summer time and in winter time', async () => {
      /** The first date ahead (within the year a consent may run) in one of `months` (01–12). */
      const nextIn = (months: string[]) => Array.from({ length: 300 }, (_, i) => app.clock.osloDate(i + 1)).find((date) => months.includes(date.slice(5, 7)))!;
      const summer = nextIn(['04', '05', '06', '07', '08', '09']); // UTC+2 all month long
      const winter = nextIn(['11', '12', '01', '02']); // UTC+1 all month long
      for (const [expiresOn, endsAt] of [
        [summer, `${summer}T21:59:59.999Z`],
        [winter, `${winter}T22:59:59.999Z`],
      ]) {
        const ref = await create({ consent: { scope: ALL_SCOPE, expiresOn } });
        const [row] = await app.referralsEm().execute('select consent_expires_at from referrals.referral where id = ?', [ref.id]);
        expect(new Date(row.consent_expires_at).toISOString()).toBe(endsAt);
      }
    });

    it('an expired consent hides the personal fields from the organisation, not from the shelter; a draft with it cannot be sent', async () => {
      const ref = await step(await create({ consent: consent(1) }), 'SEND', staff);
      const draft = await create({ consent: consent(1) });
      expect(await readOk(ref.id, editorA)).toMatchObject(PERSONAL_VIEW);
      app.advanceDays(3);
      const forOrganisation = await readOk(ref.id, editorA);
      expect(forOrganisation).toMatchObject({
        ...NO_PERSONAL_FIELDS,
        status: 'SENT',
        personalDataErased: false,
        consent: { scope: ALL_SCOPE, withdrawnAt: null },
      });
      expect(await readOk(ref.id, staff)).toMatchObject({ ...PERSONAL_VIEW, status: 'SENT', personalDataErased: false });
      expect(errorOf(await act(draft, 'SEND', staff))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consent' });
    });

    it('a SENT referral not answered within 14 days becomes EXPIRED (NO_ANSWER) when the jobs run; one sent later stays SENT', async () => {
      const old = await referralIn('SENT');
      const oldReceived = await referralIn('RECEIVED');
      const held = await referralIn('ON_HOLD');
      app.advanceDays(13);
      const early = await app.runJobs();
      expect(early.ran).toBe(true);
      expect(early.expired).not.toContain(old.id);
      expect(early.expired).not.toContain(oldReceived.id);
      const later = await referralIn('SENT');
      app.advanceDays(2);
      const result = await app.runJobs();
      expect(result.expired).toEqual(expect.arrayContaining([old.id, oldReceived.id]));
      expect(result.expired).not.toContain(later.id);
      expect(result.expired).not.toContain(held.id);

      const expired = await readOk(old.id, editorA);
      expect(expired).toMatchObject({ status: 'EXPIRED', closeReason: 'NO_ANSWER', answerDeadline: null, allowedActions: [] });
      expect(expired.closedAt).not.toBeNull();
      expect(expired.statusHistory.at(-1)).toEqual({ from: 'SENT', to: 'EXPIRED', actor: 'system', reason: 'NO_ANSWER' });
      expect(await readOk(oldReceived.id, staff)).toMatchObject({ status: 'EXPIRED', closeReason: 'NO_ANSWER' });
      expect(await readOk(later.id, staff)).toMatchObject({ status: 'SENT', closeReason: null, closedAt: null });
      expect(await readOk(held.id, staff)).toMatchObject({ status: 'ON_HOLD' });
      expect(errorOf(await act(expired, 'RECEIVE', editorA))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'action' });
      expect((await app.runJobs()).expired).toEqual([]);
    });
  });
});
