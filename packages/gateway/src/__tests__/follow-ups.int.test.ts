import { createLogger, notificationKind, type OutboxWorker, renderNotification } from '@samspill/core';
import { type CaughtMail, type MailCatcher, startMailCatcher } from '@samspill/core/testkit';
import { createReferralsNotifier, HttpOrganisationContacts } from '@samspill/referrals';

import { makeActivity, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { ActivityCategory } from '../../../directory/src/modules/activities/activity-enums.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, GATEWAY_SECRET, PlatformTestApp } from './support/platform.js';

const PUBLIC_URL = 'https://samspill.test';

const FOLLOW_UP = `id version stage afterLeavingShelter commitmentMonths requiresVolunteerCourse womenOnlyVolunteers matchedOn volunteerReference
  courseConfirmed womenOnlyConfirmed commitmentEndsOn nextCheckInOn checkIns { id plannedOn outcome recordedOn note } notes endedOn endReason
  consentExpiresAt consentRenewalDue allowedActions`;

/** A date YYYY-MM-DD plus whole months, minus a day: the last day of a commitment that starts on `date`. */
function lastDayOf(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + months, d) - 24 * 60 * 60 * 1000);
  return end.toISOString().slice(0, 10);
}

describe('a Ressursvenn follow-up through the gateway: referral → accepted → matched → check-ins → consent renewed → ended → retention', () => {
  let app: PlatformTestApp;
  let staff: Caller;
  let otherStaff: Caller;
  let editor: Caller;
  let otherEditor: Caller;
  let integrator: Caller;
  let ressursvennId: string;
  let languageCafeId: string;
  let referralId: string;
  let referralVersion: number;
  let followUpId: string;
  let version: number;
  let matchedOn: string;
  let mail: MailCatcher;
  let notifier: { worker: OutboxWorker; close: () => void };

  beforeAll(async () => {
    app = await PlatformTestApp.start({ WEB_PUBLIC_URL: PUBLIC_URL });
    mail = await startMailCatcher();
    notifier = createReferralsNotifier(app.referralsOrm, app.config, createLogger('silent', 'test'), {
      smtpUrl: mail.url,
      now: app.now,
      contacts: new HttpOrganisationContacts(app.urls.directory, app.config.auth, GATEWAY_SECRET),
    })!;
    const em = app.directoryEm();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const otherShelter = await makeOrganisation(em, { name: 'Krisesenteret i Asker', kind: OrganisationKind.SHELTER });
    const sanitet = await makeOrganisation(em, { name: 'Norske Kvinners Sanitetsforening' });
    const redCross = await makeOrganisation(em, { name: 'Oslo Røde Kors' });
    const ressursvenn = await makeActivity(em, sanitet, {
      title: 'Ressursvenn',
      description: 'En frivillig venn i et år etter krisesenteret.',
      category: ActivityCategory.MENTORING,
      commitmentMonths: 12,
      requiresVolunteerCourse: true,
      womenOnlyVolunteers: true,
    });
    const cafe = await makeActivity(em, sanitet, { title: 'Språkkafé', category: ActivityCategory.LANGUAGE });
    ressursvennId = ressursvenn.id;
    languageCafeId = cafe.id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-1' };
    otherStaff = { role: 'SHELTER_STAFF', organisationId: otherShelter.id, subject: 'staff-asker' };
    editor = { role: 'ORG_EDITOR', organisationId: sanitet.id, subject: 'editor-sanitet' };
    otherEditor = { role: 'ORG_EDITOR', organisationId: redCross.id, subject: 'editor-rodekors' };
    integrator = { role: 'BYDEL_INTEGRATOR', subject: 'bydel-city' };
    for (const [org, referralEmail] of [
      [sanitet, 'ressursvenn@sanitet.test'],
      [shelter, 'post@krisesenter.test'],
    ] as const) {
      await app.ok(`mutation($id: ID!, $input: UpdateOrganisationNotificationsInput!) { updateOrganisationNotifications(id: $id, input: $input) { id } }`, {
        as: { role: 'PLATFORM_ADMIN', subject: 'admin-setup' },
        variables: { id: org.id, input: { referralEmail, version: org.version } },
      });
    }
  });
  afterAll(async () => {
    notifier.close();
    await mail.close();
    await app.close();
  });

  /** Delivers what is due; returns the e-mails of `kind` that arrived since `from`. */
  async function delivered(from: number, kind: string, expected: number): Promise<CaughtMail[]> {
    await notifier.worker.drain();
    await mail.waitFor(from + expected);
    const subject = renderNotification(notificationKind(kind)!, {}, '').subject;
    return mail.messages.slice(from).filter((m) => m.subject === subject);
  }

  /** Exactly the kind's text and the referral's link; nothing of hers, of the volunteer or of the notes. */
  function expectNothingPersonal(message: CaughtMail, kind: string): void {
    const rendered = renderNotification(notificationKind(kind)!, {}, `${PUBLIC_URL}/henvisninger/${referralId}`);
    expect(message.text.trim()).toBe(rendered.text.trim());
    expect(message.raw.match(/OK-2026|RV-2026|på visning|kafé|leilighet|Første/)?.[0]).toBeUndefined();
  }

  /** A referral from the shelter, sent, received and accepted by the organisation; returns its id and version. */
  const acceptedReferral = async (activityId: string, followUpAfterLeavingShelter: boolean) => {
    const { createReferral } = await app.ok(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id version } }`, {
      as: staff,
      variables: {
        input: {
          activityId,
          pseudonymousReference: 'OK-2026-301',
          needDescription: 'Trenger en å snakke med etter at hun har flyttet i egen leilighet.',
          consent: { scope: ['PSEUDONYMOUS_REFERENCE', 'NEED_DESCRIPTION'], expiresOn: app.clock.osloDate(200), followUpAfterLeavingShelter },
        },
      },
    });
    let v = createReferral.version;
    for (const [as, action] of [
      [staff, 'SEND'],
      [editor, 'RECEIVE'],
      [editor, 'ACCEPT'],
    ] as const) {
      const { transitionReferral } = await app.ok(
        `mutation($id: ID!, $v: Int!, $a: ReferralAction!) { transitionReferral(id: $id, version: $v, action: $a) { version } }`,
        { as, variables: { id: createReferral.id, v, a: action } },
      );
      v = transitionReferral.version;
    }
    return { id: createReferral.id as string, version: v as number };
  };

  const error = (response: { body: { errors?: any } }) => {
    const [first] = response.body.errors ?? [];
    return { code: first?.extensions?.code, field: first?.extensions?.field };
  };

  const followUpAs = async (as: Caller) =>
    (await app.ok(`query($id: ID!) { followUp(id: $id) { ${FOLLOW_UP} } }`, { as, variables: { id: followUpId } })).followUp;

  it('1. an accepted referral to the Ressursvenn offer becomes a follow-up waiting for a volunteer, with the offer’s terms', async () => {
    ({ id: referralId, version: referralVersion } = await acceptedReferral(ressursvennId, true));
    const { startFollowUp } = await app.ok(
      `mutation($r: ID!, $v: Int!) { startFollowUp(referralId: $r, version: $v, afterLeavingShelter: true) { ${FOLLOW_UP} } }`,
      { as: editor, variables: { r: referralId, v: referralVersion } },
    );
    expect(startFollowUp).toMatchObject({
      stage: 'WAITING_FOR_VOLUNTEER',
      afterLeavingShelter: true,
      commitmentMonths: 12,
      requiresVolunteerCourse: true,
      womenOnlyVolunteers: true,
      matchedOn: null,
      volunteerReference: null,
      checkIns: [],
      consentRenewalDue: false,
      allowedActions: ['MATCH', 'END', 'RENEW_CONSENT'],
    });
    followUpId = startFollowUp.id;
    version = startFollowUp.version;
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { status allowedActions followUp { id stage } } }`, {
      as: staff,
      variables: { id: referralId },
    });
    // The shelter cannot cancel what the organisation runs now; she can still withdraw consent.
    expect(referral).toEqual({ status: 'IN_FOLLOW_UP', allowedActions: [], followUp: { id: followUpId, stage: 'WAITING_FOR_VOLUNTEER' } });
  });

  it('2. only a mentoring or practical-help referral becomes one, and after leaving the shelter only with consent to that', async () => {
    const cafe = await acceptedReferral(languageCafeId, true);
    const notMentoring = await app.query(`mutation($r: ID!, $v: Int!) { startFollowUp(referralId: $r, version: $v, afterLeavingShelter: false) { id } }`, {
      as: editor,
      variables: { r: cafe.id, v: cafe.version },
    });
    expect(error(notMentoring)).toEqual({ code: 'BAD_USER_INPUT', field: 'referralId' });

    const withoutScope = await acceptedReferral(ressursvennId, false);
    const start = (afterLeavingShelter: boolean) =>
      app.query(`mutation($r: ID!, $v: Int!, $after: Boolean!) { startFollowUp(referralId: $r, version: $v, afterLeavingShelter: $after) { id stage } }`, {
        as: editor,
        variables: { r: withoutScope.id, v: withoutScope.version, after: afterLeavingShelter },
      });
    expect(error(await start(true))).toEqual({ code: 'BAD_USER_INPUT', field: 'afterLeavingShelter' });
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { status followUp { id } } }`, { as: editor, variables: { id: withoutScope.id } });
    expect(referral).toEqual({ status: 'ACCEPTED', followUp: null });
    // While she is at the shelter it may run; the organisation may not renew her consent itself then.
    const started = await start(false);
    expect(started.body.data?.startFollowUp.stage).toBe('WAITING_FOR_VOLUNTEER');
    const own = await app.ok(`query($id: ID!) { followUp(id: $id) { allowedActions version } }`, {
      as: editor,
      variables: { id: started.body.data!.startFollowUp.id },
    });
    expect(own.followUp.allowedActions).toEqual(['MATCH', 'END']);
    // She ended it before a volunteer was found: the referral closes, not completed.
    const { endFollowUp } = await app.ok(`mutation($id: ID!, $input: EndFollowUpInput!) { endFollowUp(id: $id, input: $input) { stage endReason } }`, {
      as: editor,
      variables: { id: started.body.data!.startFollowUp.id, input: { version: own.followUp.version, reason: 'ENDED_BY_WOMAN' } },
    });
    expect(endFollowUp).toEqual({ stage: 'ENDED', endReason: 'ENDED_BY_WOMAN' });
    const closed = await app.ok(`query($id: ID!) { referral(id: $id) { status closeReason } }`, { as: staff, variables: { id: withoutScope.id } });
    expect(closed.referral).toEqual({ status: 'NOT_COMPLETED', closeReason: 'FOLLOW_UP_ENDED' });
  });

  it('3. a match names the volunteer by a pseudonymous reference only, and needs the confirmations the offer asks for', async () => {
    const match = (input: Record<string, unknown>) =>
      app.query(`mutation($id: ID!, $input: MatchFollowUpInput!) { matchFollowUp(id: $id, input: $input) { ${FOLLOW_UP} } }`, {
        as: editor,
        variables: { id: followUpId, input: { version, courseConfirmed: true, womenOnlyConfirmed: true, ...input } },
      });
    expect(error(await match({ volunteerReference: 'Kari Nordmann' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerReference' });
    expect(error(await match({ volunteerReference: 'RV 412 34 567' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerReference' });
    expect(error(await match({ volunteerReference: 'kari2@example.no' }))).toEqual({ code: 'BAD_USER_INPUT', field: 'input.volunteerReference' });
    expect(error(await match({ volunteerReference: 'RV-2026-014', courseConfirmed: false }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.courseConfirmed',
    });
    expect(error(await match({ volunteerReference: 'RV-2026-014', womenOnlyConfirmed: false }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.womenOnlyConfirmed',
    });
    expect(error(await match({ volunteerReference: 'RV-2026-014', matchedOn: app.clock.osloDate(1) }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.matchedOn',
    });
    // Nothing of the refused attempts stuck.
    expect(await followUpAs(editor)).toMatchObject({ stage: 'WAITING_FOR_VOLUNTEER', version, volunteerReference: null });

    matchedOn = app.clock.osloDate();
    const matched = await match({ volunteerReference: 'RV-2026-014', notes: 'Første møte på kafé, gikk fint.' });
    expect(matched.body.errors).toBeUndefined();
    expect(matched.body.data!.matchFollowUp).toMatchObject({
      stage: 'MATCHED',
      matchedOn,
      volunteerReference: 'RV-2026-014',
      courseConfirmed: true,
      womenOnlyConfirmed: true,
      commitmentEndsOn: lastDayOf(matchedOn, 12),
      notes: 'Første møte på kafé, gikk fint.',
      allowedActions: ['PLAN_CHECK_IN', 'RECORD_CHECK_IN', 'END', 'RENEW_CONSENT'],
    });
    version = matched.body.data!.matchFollowUp.version;
    // A stale version is a conflict, not a second match.
    expect(error(await match({ volunteerReference: 'RV-2026-015', version: version - 1 }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('4. check-ins are planned; the shelter sees the stage and the next one, never the volunteer, the check-ins or the notes', async () => {
    for (const days of [44, 14]) {
      const { planFollowUpCheckIn } = await app.ok(
        `mutation($id: ID!, $on: String!, $v: Int!) { planFollowUpCheckIn(id: $id, plannedOn: $on, version: $v) { version } }`,
        {
          as: editor,
          variables: { id: followUpId, on: app.clock.osloDate(days), v: version },
        },
      );
      version = planFollowUpCheckIn.version;
    }
    expect(await followUpAs(staff)).toMatchObject({
      stage: 'MATCHED',
      matchedOn,
      commitmentEndsOn: lastDayOf(matchedOn, 12),
      nextCheckInOn: app.clock.osloDate(14),
      volunteerReference: null,
      courseConfirmed: null,
      womenOnlyConfirmed: null,
      checkIns: null,
      notes: null,
      allowedActions: ['RENEW_CONSENT'],
    });
    const own = await followUpAs(editor);
    expect(own.checkIns.map((c: { plannedOn: string; outcome: string | null }) => [c.plannedOn, c.outcome])).toEqual([
      [app.clock.osloDate(14), null],
      [app.clock.osloDate(44), null],
    ]);
    // The shelter runs nothing of it (refused by role before the follow-up is looked at).
    const shelterTries = await app.query(`mutation($id: ID!, $on: String!, $v: Int!) { planFollowUpCheckIn(id: $id, plannedOn: $on, version: $v) { id } }`, {
      as: staff,
      variables: { id: followUpId, on: app.clock.osloDate(20), v: version },
    });
    expect(error(shelterTries).code).toBe('FORBIDDEN');
  });

  it('5. a check-in that comes due is one notification, without any personal field; then it is recorded', async () => {
    await notifier.worker.drain();
    const before = mail.messages.length;
    app.advanceDays(14);
    const { followUpEvents } = await app.runJobs();
    expect(followUpEvents).toEqual([{ type: 'FOLLOW_UP_CHECK_IN_DUE', followUpId, organisationId: editor.organisationId }]);
    expect((await app.runJobs()).followUpEvents).toEqual([]);
    const due = await delivered(before, 'follow-up.check-in-due', 1);
    expect(due.map((m) => m.to)).toEqual([['ressursvenn@sanitet.test']]);
    expectNothingPersonal(due[0]!, 'follow-up.check-in-due');

    const [first, second] = (await followUpAs(editor)).checkIns;
    const record = (checkInId: string, outcome: string, note?: string) =>
      app.ok(`mutation($id: ID!, $input: RecordFollowUpCheckInInput!) { recordFollowUpCheckIn(checkInId: $id, input: $input) { ${FOLLOW_UP} } }`, {
        as: editor,
        variables: { id: checkInId, input: { version, outcome, note } },
      });
    const done = (await record(first.id, 'DONE', 'Var på visning sammen.')).recordFollowUpCheckIn;
    version = done.version;
    expect(done.checkIns[0]).toEqual({
      id: first.id,
      plannedOn: first.plannedOn,
      outcome: 'DONE',
      recordedOn: app.clock.osloDate(),
      note: 'Var på visning sammen.',
    });
    expect(done.nextCheckInOn).toBe(second.plannedOn);
    const withPhone = await app.query(
      `mutation($id: ID!, $input: RecordFollowUpCheckInInput!) { recordFollowUpCheckIn(checkInId: $id, input: $input) { id } }`,
      {
        as: editor,
        variables: { id: second.id, input: { version, outcome: 'DONE', note: 'Ring henne på 412 34 567' } },
      },
    );
    expect(error(withPhone)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.note' });

    app.advanceDays(31);
    expect((await app.runJobs()).followUpEvents).toEqual([{ type: 'FOLLOW_UP_CHECK_IN_DUE', followUpId, organisationId: editor.organisationId }]);
    const missed = (await record(second.id, 'MISSED')).recordFollowUpCheckIn;
    version = missed.version;
    expect(missed.checkIns.map((c: { outcome: string }) => c.outcome)).toEqual(['DONE', 'MISSED']);
    expect(missed.nextCheckInOn).toBeNull();
  });

  it('6. a consent that ends before the commitment prompts renewal 30 days ahead; the organisation renews it, audited', async () => {
    // Consent ends 200 days after the start (155 from now); the commitment about a year after the match.
    app.advanceDays(124);
    expect((await followUpAs(editor)).consentRenewalDue).toBe(false);
    expect((await app.runJobs()).followUpEvents).toEqual([]);
    app.advanceDays(2);
    expect((await followUpAs(staff)).consentRenewalDue).toBe(true);
    await notifier.worker.drain();
    const before = mail.messages.length;
    const { followUpEvents } = await app.runJobs();
    // She is followed up after leaving the shelter, so the organisation is told too.
    expect(followUpEvents).toEqual([{ type: 'FOLLOW_UP_CONSENT_TO_RENEW', followUpId, organisationIds: [staff.organisationId, editor.organisationId] }]);
    expect((await app.runJobs()).followUpEvents).toEqual([]);
    // No event carries anything of hers or of the volunteer's.
    expect(JSON.stringify(followUpEvents)).not.toMatch(/OK-2026|RV-2026|på visning|kafé|leilighet/);
    const prompts = await delivered(before, 'follow-up.consent-to-renew', 2);
    expect(prompts.map((m) => m.to[0]).sort()).toEqual(['post@krisesenter.test', 'ressursvenn@sanitet.test']);
    for (const m of prompts) expectNothingPersonal(m, 'follow-up.consent-to-renew');

    const renew = (as: Caller, expiresOn: string, v = version) =>
      app.query(`mutation($id: ID!, $on: String!, $v: Int!) { renewConsent(id: $id, expiresOn: $on, version: $v) { ${FOLLOW_UP} } }`, {
        as,
        variables: { id: followUpId, on: expiresOn, v },
      });
    for (const as of [otherEditor, otherStaff]) expect(error(await renew(as, app.clock.osloDate(300))).code).toBe('NOT_FOUND');
    const tooFar = await renew(editor, app.clock.osloDate(400));
    expect(tooFar.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'expiresOn' } });
    expect(error(await renew(editor, app.clock.osloDate(10))).field).toBe('expiresOn');
    const renewed = await renew(editor, app.clock.osloDate(300));
    expect(renewed.body.errors).toBeUndefined();
    version = renewed.body.data!.renewConsent.version;
    expect(renewed.body.data!.renewConsent.consentRenewalDue).toBe(false);
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { consent { expiresAt followUpAfterLeavingShelter } pseudonymousReference } }`, {
      as: editor,
      variables: { id: referralId },
    });
    expect(referral.consent.followUpAfterLeavingShelter).toBe(true);
    expect(new Date(referral.consent.expiresAt).getTime()).toBe(new Date(renewed.body.data!.renewConsent.consentExpiresAt).getTime());
    expect(referral.pseudonymousReference).toBe('OK-2026-301');
    // The shelter cannot narrow her consent under the organisation's feet while it follows her up after the shelter.
    const narrowed = await app.query(`mutation($id: ID!, $c: ConsentInput!, $v: Int!) { recordReferralConsent(id: $id, consent: $c, version: $v) { id } }`, {
      as: staff,
      variables: {
        id: referralId,
        v: (await app.ok(`query($id: ID!) { referral(id: $id) { version } }`, { as: staff, variables: { id: referralId } })).referral.version,
        c: { scope: [], expiresOn: app.clock.osloDate(100) },
      },
    });
    expect(error(narrowed)).toEqual({ code: 'BAD_USER_INPUT', field: 'consent.followUpAfterLeavingShelter' });
  });

  it('7. a second organisation, another shelter and the bydel cannot see it', async () => {
    for (const as of [otherEditor, otherStaff, integrator]) {
      const one = await app.query(`query($id: ID!) { followUp(id: $id) { id stage } }`, { as, variables: { id: followUpId } });
      expect({ as: as.subject, ...error(one), data: one.body.data }).toEqual({ as: as.subject, code: 'NOT_FOUND', field: undefined, data: { followUp: null } });
    }
    for (const as of [otherEditor, otherStaff]) expect((await app.ok('{ followUps { totalCount } }', { as })).followUps.totalCount).toBe(0);
    expect(error(await app.query('{ followUps { totalCount } }', { as: integrator })).code).toBe('FORBIDDEN');
    expect((await app.ok('{ followUps(stages: [MATCHED]) { totalCount nodes { id notes } } }', { as: staff })).followUps).toEqual({
      totalCount: 1,
      nodes: [{ id: followUpId, notes: null }],
    });
  });

  it('8. while it is open nothing is erased, even when the consent ran out long ago', async () => {
    // The renewed consent ends 300 days after the renewal; the retention period (180 days) after that would erase the referral.
    app.advanceDays(300 + 181);
    expect((await app.runJobs()).erased).not.toContain(referralId);
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { personalDataErased pseudonymousReference } }`, {
      as: staff,
      variables: { id: referralId },
    });
    expect(referral).toEqual({ personalDataErased: false, pseudonymousReference: 'OK-2026-301' });
  });

  it('9. the organisation ends it with the goal reached: the referral closes COMPLETED', async () => {
    const badReason = await app.query(`mutation($id: ID!, $input: EndFollowUpInput!) { endFollowUp(id: $id, input: $input) { id } }`, {
      as: editor,
      variables: { id: followUpId, input: { version, reason: 'GOAL_REACHED', endedOn: app.clock.osloDate(1) } },
    });
    expect(error(badReason)).toEqual({ code: 'BAD_USER_INPUT', field: 'input.endedOn' });
    const { endFollowUp } = await app.ok(`mutation($id: ID!, $input: EndFollowUpInput!) { endFollowUp(id: $id, input: $input) { ${FOLLOW_UP} } }`, {
      as: editor,
      variables: { id: followUpId, input: { version, reason: 'GOAL_REACHED' } },
    });
    expect(endFollowUp).toMatchObject({ stage: 'ENDED', endedOn: app.clock.osloDate(), endReason: 'GOAL_REACHED', nextCheckInOn: null, allowedActions: [] });
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { status closeReason followUp { stage endReason } } }`, {
      as: staff,
      variables: { id: referralId },
    });
    expect(referral).toEqual({ status: 'COMPLETED', closeReason: 'GOT_HELP', followUp: { stage: 'ENDED', endReason: 'GOAL_REACHED' } });
  });

  it('10. the retention period runs from the end of the follow-up; then her fields and the notes are gone', async () => {
    app.advanceDays(179);
    expect((await app.runJobs()).erased).not.toContain(referralId);
    app.advanceDays(2);
    expect((await app.runJobs()).erased).toContain(referralId);
    const own = await followUpAs(editor);
    expect(own).toMatchObject({ stage: 'ENDED', notes: null, volunteerReference: 'RV-2026-014' });
    expect(own.checkIns.map((c: { note: string | null }) => c.note)).toEqual([null, null]);
    const { referral } = await app.ok(`query($id: ID!) { referral(id: $id) { personalDataErased pseudonymousReference needDescription } }`, {
      as: staff,
      variables: { id: referralId },
    });
    expect(referral).toEqual({ personalDataErased: true, pseudonymousReference: null, needDescription: null });
  });

  it('11. the audit log has every step of the follow-up, the refused attempts too', async () => {
    const { auditLog } = await app.ok(`query($id: ID!) { auditLog(referralId: $id, first: 100) { nodes { operation actorSubject outcome } } }`, {
      variables: { id: referralId },
      as: { role: 'PLATFORM_ADMIN', subject: 'admin-1' },
    });
    const steps = (auditLog.nodes as Array<{ operation: string; actorSubject: string; outcome: string }>)
      .filter((n) => !n.operation.startsWith('READ') && !n.operation.startsWith('LIST'))
      .map((n) => `${n.operation}:${n.actorSubject}${n.outcome === 'DENIED' ? ' DENIED' : ''}`)
      .reverse();
    expect(steps).toEqual([
      'CREATE:staff-1',
      'SEND:staff-1',
      'RECEIVE:editor-sanitet',
      'ACCEPT:editor-sanitet',
      'START_FOLLOW_UP:editor-sanitet',
      'MATCH_FOLLOW_UP:editor-sanitet',
      'PLAN_CHECK_IN:editor-sanitet',
      'PLAN_CHECK_IN:editor-sanitet',
      'RECORD_CHECK_IN:editor-sanitet',
      'RECORD_CHECK_IN:editor-sanitet',
      'RENEW_CONSENT:editor-rodekors DENIED',
      'RENEW_CONSENT:staff-asker DENIED',
      'RENEW_CONSENT:editor-sanitet',
      'END_FOLLOW_UP:editor-sanitet',
      'ERASE_PERSONAL_DATA:system',
    ]);
  });

  it('12. when she withdraws consent, her follow-up ends (ENDED_BY_WOMAN) and her fields and the notes go at once', async () => {
    const referral = await acceptedReferral(ressursvennId, true);
    const { startFollowUp } = await app.ok(
      `mutation($r: ID!, $v: Int!) { startFollowUp(referralId: $r, version: $v, afterLeavingShelter: true) { id version } }`,
      {
        as: editor,
        variables: { r: referral.id, v: referral.version },
      },
    );
    await app.ok(`mutation($id: ID!, $input: MatchFollowUpInput!) { matchFollowUp(id: $id, input: $input) { id } }`, {
      as: editor,
      variables: {
        id: startFollowUp.id,
        input: { version: startFollowUp.version, volunteerReference: 'RV-2026-020', courseConfirmed: true, womenOnlyConfirmed: true, notes: 'Liker turer.' },
      },
    });
    const { referral: before } = await app.ok(`query($id: ID!) { referral(id: $id) { version } }`, { as: staff, variables: { id: referral.id } });
    const { withdrawReferralConsent } = await app.ok(
      `mutation($id: ID!, $v: Int!) { withdrawReferralConsent(id: $id, version: $v) { status closeReason personalDataErased followUp { stage endReason endedOn } } }`,
      { as: staff, variables: { id: referral.id, v: before.version } },
    );
    expect(withdrawReferralConsent).toEqual({
      status: 'CANCELLED',
      closeReason: 'CONSENT_WITHDRAWN',
      personalDataErased: true,
      followUp: { stage: 'ENDED', endReason: 'ENDED_BY_WOMAN', endedOn: app.clock.osloDate() },
    });
    const { followUp } = await app.ok(`query($id: ID!) { followUp(id: $id) { notes allowedActions } }`, { as: editor, variables: { id: startFollowUp.id } });
    expect(followUp).toEqual({ notes: null, allowedActions: [] });
  });
});
