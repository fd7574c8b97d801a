import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  createLogger,
  DAY_MS,
  notificationKind,
  organisationWebhookSecret,
  type OutboxWorker,
  renderNotification,
  verifyWebhook,
  WEBHOOK_HEADERS,
} from '@samspill/core';
import { type CaughtMail, type MailCatcher, startMailCatcher } from '@samspill/core/testkit';
import { createReferralsNotifier, HttpOrganisationContacts } from '@samspill/referrals';

import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { ActivityCategory } from '../../../directory/src/modules/activities/activity-enums.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { type Caller, GATEWAY_SECRET, PlatformTestApp } from './support/platform.js';

const SIGNING_SECRET = 'the-platform-webhook-signing-secret-0123456789';
const PUBLIC_URL = 'https://samspill.test';

/** The personal fields of every referral the test makes: none may reach any message. */
const PERSONAL = {
  pseudonymousReference: 'KS-PSEUDO-4711',
  needDescription: 'Trenger hjelp med leilighetsvisninger og å forstå bydelens tjenester etter utflytting.',
  languages: ['ti', 'so'],
  childrenAges: [7, 13],
  ageGroup: 'YOUNG_ADULT',
};

interface Hook {
  headers: Record<string, string>;
  body: string;
}

describe('notifications of referral events: by SMTP and signed webhook, with no personal field', () => {
  let app: PlatformTestApp;
  let mail: MailCatcher;
  let notifier: { worker: OutboxWorker; close: () => void };
  let hookServer: Server;
  const hooks: Hook[] = [];
  let staff: Caller;
  let editorA: Caller;
  let shelterId: string;
  let orgAId: string;
  let activityId: string;

  beforeAll(async () => {
    app = await PlatformTestApp.start({ WEBHOOK_SIGNING_SECRET: SIGNING_SECRET, WEB_PUBLIC_URL: PUBLIC_URL });
    mail = await startMailCatcher();
    hookServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hooks.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, '127.0.0.1', resolve));
    notifier = createReferralsNotifier(app.referralsOrm, app.config, createLogger('silent', 'test'), {
      smtpUrl: mail.url,
      now: app.now,
      contacts: new HttpOrganisationContacts(app.urls.directory, app.config.auth, GATEWAY_SECRET),
    })!;
    const em = app.directoryEm();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const a = await makeOrganisation(em, { name: 'Ressursvenn Oslo', bydeler: ['030102'] });
    const b = await makeOrganisation(em, { name: 'Frivilligsentralen' });
    const place = await makeLocation(em, a, { name: 'Huset', bydel: '030102' });
    const activity = await makeActivity(em, a, {
      title: 'Ressursvenn',
      category: ActivityCategory.LANGUAGE,
      venueKind: 'LOCATION' as never,
      location: place,
      bydel: place.bydel,
    });
    shelterId = shelter.id;
    orgAId = a.id;
    activityId = activity.id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-1', email: 'ansatt@krisesenter.test' };
    editorA = { role: 'ORG_EDITOR', organisationId: a.id, subject: 'editor-a' };
    const admin: Caller = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };
    const setNotifications = (as: Caller, id: string, input: Record<string, unknown>) =>
      app.ok(`mutation($id: ID!, $input: UpdateOrganisationNotificationsInput!) { updateOrganisationNotifications(id: $id, input: $input) { id } }`, {
        as,
        variables: { id, input },
      });
    await setNotifications(editorA, a.id, {
      referralEmail: 'henvisning@ressursvenn.test',
      webhookUrl: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/samspill`,
      version: a.version,
    });
    await setNotifications(admin, shelter.id, { referralEmail: 'post@krisesenter.test', version: shelter.version });
    void b;
  });
  afterAll(async () => {
    notifier.close();
    await mail.close();
    await new Promise((resolve) => hookServer.close(resolve));
    await app.close();
  });

  /** Delivers what is due and returns the e-mails that arrived since `from`. */
  async function deliver(from: number, expected: number): Promise<CaughtMail[]> {
    await notifier.worker.drain();
    return (await mail.waitFor(from + expected)).slice(from);
  }

  async function createAndSend(): Promise<{ id: string; version: number }> {
    const created = await app.ok(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id version } }`, {
      as: staff,
      variables: {
        input: {
          activityId,
          ...PERSONAL,
          interpreterNeeded: true,
          consent: { scope: ['PSEUDONYMOUS_REFERENCE', 'AGE_GROUP', 'LANGUAGES', 'CHILDREN', 'NEED_DESCRIPTION'], expiresOn: app.clock.osloDate(200) },
        },
      },
    });
    return transition(staff, created.createReferral, 'SEND');
  }

  async function transition(as: Caller, referral: { id: string; version: number }, action: string, reason?: string) {
    const data = await app.ok(
      `mutation($id: ID!, $v: Int!, $a: ReferralAction!, $r: ReasonCode) { transitionReferral(id: $id, version: $v, action: $a, reason: $r) { id version } }`,
      { as, variables: { id: referral.id, v: referral.version, a: action, r: reason ?? null } },
    );
    return data.transitionReferral as { id: string; version: number };
  }

  /** Every e-mail says exactly its kind's text and the link; nothing of the referral's personal fields anywhere in it. */
  function expectNoPersonalField(message: CaughtMail, kind: string, referralId: string): void {
    const definition = notificationKind(kind)!;
    const rendered = renderNotification(definition, {}, `${PUBLIC_URL}/henvisninger/${referralId}`);
    expect(message.subject).toBe(rendered.subject);
    expect(message.text.trim()).toBe(rendered.text.trim());
    expectNothingPersonalIn(message.raw, mailWords(message));
  }

  /**
   * What a reader sees, for the short values: the subject and the text (the link's id splits into
   * groups of 4 or more hex digits); not the Date header or a timestamp, whose digits could be an age.
   */
  const mailWords = (m: CaughtMail) => [m.subject, m.text, m.to.join(' '), m.from].join('\n');
  const hookWords = (h: Hook) => {
    const { type, data } = JSON.parse(h.body) as { type: string; data: Record<string, unknown> };
    return JSON.stringify({ type, ...data, id: undefined });
  };

  function expectNothingPersonalIn(raw: string, readable: string): void {
    // Long values: not anywhere in the message as sent (headers included).
    for (const value of [PERSONAL.pseudonymousReference, PERSONAL.needDescription, ...PERSONAL.needDescription.split(' ').filter((w) => w.length > 8)]) {
      expect(raw).not.toContain(value);
      expect(readable).not.toContain(value);
    }
    // Short values: not as a word of what a reader sees.
    const words = new Set(readable.split(/[^\p{L}\p{N}_]+/u));
    for (const value of [...PERSONAL.languages, ...PERSONAL.childrenAges.map(String), PERSONAL.ageGroup]) expect(words.has(value)).toBe(false);
  }

  it('referral sent: the receiving organisation gets an e-mail at its referral address and a signed webhook', async () => {
    const before = mail.messages.length;
    const referral = await createAndSend();
    const received = await deliver(before, 1);
    expect(received.map((m) => m.to)).toEqual([['henvisning@ressursvenn.test']]);
    expectNoPersonalField(received[0], 'referral.sent', referral.id);
    const hook = hooks.at(-1)!;
    expect(
      verifyWebhook(
        organisationWebhookSecret(SIGNING_SECRET, orgAId),
        { id: hook.headers[WEBHOOK_HEADERS.id], timestamp: hook.headers[WEBHOOK_HEADERS.timestamp], signature: hook.headers[WEBHOOK_HEADERS.signature] },
        hook.body,
        app.now(),
      ),
    ).toBe(true);
    expect(JSON.parse(hook.body)).toEqual({
      type: 'referral.sent',
      timestamp: expect.any(String),
      data: { id: hook.headers['webhook-id'], link: `${PUBLIC_URL}/henvisninger/${referral.id}` },
    });
    expectNothingPersonalIn(hook.body + JSON.stringify(hook.headers), hookWords(hook));
    // The editors read the secret the hook was signed with from the directory; other organisations' editors do not.
    const settings = await app.ok(`query($id: ID!) { organisation(id: $id) { notificationSettings { referralEmail webhookSecret } } }`, {
      as: editorA,
      variables: { id: orgAId },
    });
    expect(settings.organisation.notificationSettings).toEqual({
      referralEmail: 'henvisning@ressursvenn.test',
      webhookSecret: organisationWebhookSecret(SIGNING_SECRET, orgAId),
    });
    const foreign = await app.ok(`query($id: ID!) { organisation(id: $id) { notificationSettings { referralEmail } } }`, {
      as: staff,
      variables: { id: orgAId },
    });
    expect(foreign.organisation.notificationSettings).toBeNull();
  });

  it('answered: accepted and declined go to the staff member who sent it and to the shelter', async () => {
    const accepted = await createAndSend();
    await transition(editorA, await transition(editorA, accepted, 'RECEIVE'), 'ACCEPT');
    const declined = await createAndSend();
    await transition(editorA, await transition(editorA, declined, 'RECEIVE'), 'DECLINE', 'NO_CAPACITY');
    await notifier.worker.drain();
    const all = mail.messages.filter((m) => m.to.some((to) => to === 'ansatt@krisesenter.test' || to === 'post@krisesenter.test'));
    const acceptedMail = all.filter((m) => m.text.includes(accepted.id));
    const declinedMail = all.filter((m) => m.text.includes(declined.id));
    expect(acceptedMail.map((m) => m.to[0]).sort()).toEqual(['ansatt@krisesenter.test', 'post@krisesenter.test']);
    expect(declinedMail.map((m) => m.to[0]).sort()).toEqual(['ansatt@krisesenter.test', 'post@krisesenter.test']);
    for (const m of acceptedMail) expectNoPersonalField(m, 'referral.accepted', accepted.id);
    for (const m of declinedMail) expectNoPersonalField(m, 'referral.declined', declined.id);
  });

  it('redirected: the staff member and the shelter are told of the new draft; the organisation that declined is not told', async () => {
    let referral = await createAndSend();
    referral = await transition(editorA, await transition(editorA, referral, 'RECEIVE'), 'DECLINE', 'NO_CAPACITY');
    await notifier.worker.drain();
    const before = mail.messages.length;
    const hooksBefore = hooks.length;
    const { redirectReferral } = await app.ok(`mutation($id: ID!, $input: RedirectReferralInput!) { redirectReferral(id: $id, input: $input) { id } }`, {
      as: staff,
      variables: { id: referral.id, input: { activityId, version: referral.version } },
    });
    const received = await deliver(before, 2);
    expect(received.map((m) => m.to[0]).sort()).toEqual(['ansatt@krisesenter.test', 'post@krisesenter.test']);
    for (const m of received) expectNoPersonalField(m, 'referral.redirected', redirectReferral.id);
    expect(hooks.length).toBe(hooksBefore);
  });

  it('about to expire (3 days ahead, once) and expired: the organisation is reminded, then both sides are told', async () => {
    await notifier.worker.drain();
    const referral = await createAndSend();
    await notifier.worker.drain();
    let before = mail.messages.length;
    app.advanceDays(10); // the deadline is 14 days after sending: 4 days left
    expect((await app.runJobs()).warned).not.toContain(referral.id);
    app.advanceDays(1.5); // 2.5 days left
    expect((await app.runJobs()).warned).toContain(referral.id);
    const reminders = (await deliver(before, 1)).filter((m) => m.text.includes(referral.id));
    expect(reminders.map((m) => m.to[0])).toEqual(['henvisning@ressursvenn.test']);
    expectNoPersonalField(reminders[0], 'referral.expiring', referral.id);
    // Told once: the job finds it again on its next run, and writes nothing.
    await app.runJobs();
    await notifier.worker.drain();
    expect(mail.messages.filter((m) => m.text.includes(referral.id) && m.subject === reminders[0].subject)).toHaveLength(1);
    before = mail.messages.length;
    app.advanceDays(3);
    expect((await app.runJobs()).expired).toContain(referral.id);
    const expired = (await deliver(before, 3)).filter((m) => m.text.includes(referral.id));
    expect(expired.map((m) => m.to[0]).sort()).toEqual(['ansatt@krisesenter.test', 'henvisning@ressursvenn.test', 'post@krisesenter.test']);
    for (const m of expired) expectNoPersonalField(m, 'referral.expired', referral.id);
  });

  it('every message ever delivered in this file, e-mail and webhook, carries no personal field', () => {
    expect(mail.messages.length).toBeGreaterThanOrEqual(12);
    for (const m of mail.messages) expectNothingPersonalIn(m.raw, mailWords(m));
    for (const h of hooks) expectNothingPersonalIn(h.body + JSON.stringify(h.headers), hookWords(h));
    const kinds = new Set(hooks.map((h) => (JSON.parse(h.body) as { type: string }).type));
    expect([...kinds].sort()).toEqual(['referral.expired', 'referral.expiring', 'referral.sent']);
  });

  it("referralInbox: how many wait for the organisation's answer and the earliest deadline, for its own editors only", async () => {
    const first = await createAndSend();
    const firstSentAt = app.now().getTime();
    app.advanceDays(1);
    await createAndSend();
    const { referralInbox } = await app.ok(`query($o: ID!) { referralInbox(organisationId: $o) { waiting oldestDeadline } }`, {
      as: editorA,
      variables: { o: orgAId },
    });
    expect(referralInbox.waiting).toBe(2);
    const deadline = new Date(referralInbox.oldestDeadline).getTime();
    expect(Math.abs(deadline - (firstSentAt + 14 * DAY_MS))).toBeLessThan(5_000);
    await transition(editorA, await transition(editorA, first, 'RECEIVE'), 'ACCEPT');
    expect(
      (await app.ok(`query($o: ID!) { referralInbox(organisationId: $o) { waiting } }`, { as: editorA, variables: { o: orgAId } })).referralInbox.waiting,
    ).toBe(1);
    for (const [as, code] of [
      [staff, 'FORBIDDEN'],
      [{ role: 'ORG_EDITOR', organisationId: shelterId, subject: 'other-editor' }, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const refused = await app.query(`query($o: ID!) { referralInbox(organisationId: $o) { waiting } }`, {
        as: as as Caller | undefined,
        variables: { o: orgAId },
      });
      expect(refused.body.errors?.[0]?.extensions?.code).toBe(code);
    }
  });
});
