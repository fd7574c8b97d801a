import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { ActivityCategory } from '../../../directory/src/modules/activities/activity-enums.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, PlatformTestApp } from './support/platform.js';

const REFERRAL = `id status version pseudonymousReference ageGroup languages interpreterNeeded childrenCount needDescription personalDataErased
  closeReason allowedActions activity { title organisation { name } } receivingOrganisation { name } sendingShelter { name }
  statusHistory { from to actor reason }`;

describe('a referral through the gateway, from shelter to organisation and back', () => {
  let app: PlatformTestApp;
  let staff: Caller;
  let editorA: Caller;
  let editorB: Caller;
  let integrator: Caller;
  let admin: Caller;
  let activityId: string;
  let referralId: string;
  let version: number;

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const a = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030102'] });
    const b = await makeOrganisation(em, { name: 'Redd Barna' });
    const place = await makeLocation(em, a, { name: 'Frivillighetshuset', bydel: '030102' });
    const activity = await makeActivity(em, a, {
      title: 'Språkkafé',
      category: ActivityCategory.LANGUAGE,
      venueKind: 'LOCATION' as never,
      location: place,
      bydel: place.bydel,
    });
    activityId = activity.id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-1' };
    editorA = { role: 'ORG_EDITOR', organisationId: a.id, subject: 'editor-a' };
    editorB = { role: 'ORG_EDITOR', organisationId: b.id, subject: 'editor-b' };
    integrator = { role: 'BYDEL_INTEGRATOR', bydelCode: '030102', subject: 'bydel-grunerlokka' };
    admin = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };
  });
  afterAll(() => app.close());

  const transition = async (as: Caller, action: string, reason?: string) => {
    const data = await app.ok(
      `mutation($id: ID!, $v: Int!, $a: ReferralAction!, $r: ReasonCode) { transitionReferral(id: $id, version: $v, action: $a, reason: $r) { status version } }`,
      {
        variables: { id: referralId, v: version, a: action, r: reason ?? null },
        as,
      },
    );
    version = data.transitionReferral.version;
    return data.transitionReferral.status;
  };

  it('1. shelter staff create a draft with consent for some fields, and send it', async () => {
    const created = await app.ok(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL} } }`, {
      as: staff,
      variables: {
        input: {
          activityId,
          pseudonymousReference: 'OK-2026-117',
          ageGroup: 'ADULT',
          languages: ['ar', 'no'],
          interpreterNeeded: true,
          childrenAges: [6, 9],
          needDescription: 'Vil gjerne øve på norsk og bli kjent med folk i nærmiljøet.',
          consent: { scope: ['AGE_GROUP', 'LANGUAGES', 'NEED_DESCRIPTION'], expiresOn: app.clock.osloDate(200) },
        },
      },
    });
    const referral = created.createReferral;
    expect(referral).toMatchObject({
      status: 'DRAFT',
      pseudonymousReference: 'OK-2026-117',
      childrenCount: 2,
      activity: { title: 'Språkkafé', organisation: { name: 'Oslo Røde Kors' } },
      receivingOrganisation: { name: 'Oslo Røde Kors' },
      sendingShelter: { name: 'Oslo Krisesenter' },
      allowedActions: ['SEND', 'CANCEL'],
      statusHistory: [{ from: null, to: 'DRAFT', actor: 'staff-1', reason: null }],
    });
    referralId = referral.id;
    version = referral.version;
    expect(await transition(staff, 'SEND')).toBe('SENT');
  });

  it('2. the organisation finds it in its inbox, with only the consented fields', async () => {
    const inbox = await app.ok(`{ referrals { totalCount nodes { ${REFERRAL} } } }`, { as: editorA });
    expect(inbox.referrals.totalCount).toBe(1);
    expect(inbox.referrals.nodes[0]).toMatchObject({
      id: referralId,
      status: 'SENT',
      pseudonymousReference: null,
      childrenCount: null,
      ageGroup: 'ADULT',
      languages: ['ar', 'no'],
      interpreterNeeded: true,
      needDescription: 'Vil gjerne øve på norsk og bli kjent med folk i nærmiljøet.',
      allowedActions: ['RECEIVE', 'HOLD'],
    });
  });

  it('3. the organisation receives, accepts, starts and completes it', async () => {
    expect(await transition(editorA, 'RECEIVE')).toBe('RECEIVED');
    expect(await transition(editorA, 'ACCEPT')).toBe('ACCEPTED');
    expect(await transition(editorA, 'START')).toBe('IN_PROGRESS');
    expect(await transition(editorA, 'COMPLETE', 'GOT_HELP')).toBe('COMPLETED');
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { ${REFERRAL} closedAt } }`, { variables: { id: referralId }, as: staff });
    expect(referral.statusHistory.map((s: { to: string }) => s.to)).toEqual(['DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'COMPLETED']);
    expect(referral.statusHistory.at(-1)).toEqual({ from: 'IN_PROGRESS', to: 'COMPLETED', actor: 'editor-a', reason: 'GOT_HELP' });
    expect(referral.closeReason).toBe('GOT_HELP');
    expect(referral.allowedActions).toEqual([]);
  });

  it('4. another organisation, the bydel and even an admin cannot see that it exists', async () => {
    for (const as of [editorB, integrator, admin]) {
      const one = await app.query(`query($id: ID!) { referral(id: $id) { id } }`, { variables: { id: referralId }, as });
      expect({ as: as.subject, code: one.body.errors?.[0]?.extensions?.code, data: one.body.data }).toEqual({
        as: as.subject,
        code: 'NOT_FOUND',
        data: { referral: null },
      });
    }
    expect((await app.ok('{ referrals { totalCount } }', { as: editorB })).referrals.totalCount).toBe(0);
    const list = await app.query('{ referrals { totalCount } }', { as: integrator });
    expect(list.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await app.query(`query($id: ID!) { referral(id: $id) { id } }`, { variables: { id: referralId } });
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('5. the bydel does not find it in the statistics either: its month is not final, and a cell of 1 is never published', async () => {
    const month = app.clock.osloMonth(); // the statistics count by the month in Oslo
    const { referralStatistics } = await app.ok(
      `query($m: String!) { referralStatistics(fromMonth: $m, toMonth: $m) { bydelCode month category outcome count suppressed } }`,
      {
        variables: { month, m: month },
        as: integrator,
      },
    );
    expect(referralStatistics).toEqual([]);
  });

  it('6. after the retention period its personal fields are gone; the status skeleton stays', async () => {
    app.advanceDays(179);
    expect((await app.runJobs()).erased).toEqual([]);
    app.advanceDays(2);
    expect((await app.runJobs()).erased).toEqual([referralId]);
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { ${REFERRAL} } }`, { variables: { id: referralId }, as: staff });
    expect(referral).toMatchObject({
      status: 'COMPLETED',
      closeReason: 'GOT_HELP',
      personalDataErased: true,
      pseudonymousReference: null,
      ageGroup: null,
      languages: null,
      interpreterNeeded: null,
      childrenCount: null,
      needDescription: null,
    });
    expect(referral.statusHistory).toHaveLength(6);
    const [row] = await app
      .referralsEm()
      .execute(
        'select pseudonymous_reference, age_group, languages, interpreter_needed, children_ages, pets, need_description, status, category, bydel_code from referrals.referral where id = ?',
        [referralId],
      );
    expect(row).toEqual({
      pseudonymous_reference: null,
      age_group: null,
      languages: null,
      interpreter_needed: null,
      children_ages: null,
      pets: null,
      need_description: null,
      status: 'COMPLETED',
      category: 'LANGUAGE',
      bydel_code: '030102',
    });
  });

  it('7. the audit log has every step, the refused attempts too, and no field values', async () => {
    const { auditLog } = await app.ok(`query($id: ID!) { auditLog(referralId: $id, first: 100) { nodes { operation actorSubject actorRole outcome } } }`, {
      variables: { id: referralId },
      as: admin,
    });
    type Node = { operation: string; actorSubject: string; outcome: string };
    expect(auditLog.nodes.map((n: Node) => `${n.operation}:${n.actorSubject}${n.outcome === 'DENIED' ? ' DENIED' : ''}`).reverse()).toEqual([
      'CREATE:staff-1',
      'SEND:staff-1',
      'LIST:editor-a',
      'RECEIVE:editor-a',
      'ACCEPT:editor-a',
      'START:editor-a',
      'COMPLETE:editor-a',
      'READ:staff-1',
      'READ:editor-b DENIED',
      'READ:bydel-grunerlokka DENIED',
      'READ:admin-1 DENIED',
      'ERASE_PERSONAL_DATA:system',
      'READ:staff-1',
    ]);
    const columns: Array<{ column_name: string }> = await app
      .referralsEm()
      .execute("select column_name from information_schema.columns where table_schema = 'referrals' and table_name = 'audit_log' order by ordinal_position");
    expect(columns.map((c: { column_name: string }) => c.column_name)).toEqual([
      'id',
      'at',
      'actor_subject',
      'actor_role',
      'actor_organisation_id',
      'operation',
      'referral_id',
      'outcome',
    ]);
  });

  it('8. nobody can change or delete the audit log, not even with SQL', async () => {
    const em = app.referralsEm();
    await expect(em.execute("update referrals.audit_log set actor_subject = 'someone-else'")).rejects.toThrow(/append-only/);
    await expect(em.execute('delete from referrals.audit_log')).rejects.toThrow(/append-only/);
    await expect(em.execute('truncate referrals.audit_log')).rejects.toThrow(/append-only/);
    const [{ count }] = await em.execute('select count(*)::int as count from referrals.audit_log where referral_id = ?', [referralId]);
    expect(count).toBe(13);
  });
});
