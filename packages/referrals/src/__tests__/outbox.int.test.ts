import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import {
  defineNotificationKind,
  enqueueNotification,
  HttpWebhookChannel,
  openOrm,
  type OrganisationContact,
  organisationWebhookSecret,
  OutboxWorker,
  type OutboxWorkerOptions,
  SmtpEmailChannel,
  verifyWebhook,
} from '@samspill/core';
import { createTestDatabase, type MailCatcher, startMailCatcher, TestClock, type TestDatabase } from '@samspill/core/testkit';

import { referralsOrmSettings } from '../orm.js';
import { REFERRALS_SCHEMA } from '../referrals-schema.js';

const TEST_KIND = defineNotificationKind({
  kind: 'test.outbox',
  subject: (p) => `Noe venter hos ${p.organisationName ?? 'dere'}`,
  summary: () => 'Noe venter på dere i Samspill.',
});

const SIGNING_SECRET = 'a-webhook-signing-secret-of-32-characters-or-more';

describe('the notification outbox: SMTP delivery, retries, several workers, signed webhooks', () => {
  let database: TestDatabase;
  let orm: MikroORM<PostgreSqlDriver>;
  let mail: MailCatcher;
  let maildir: string;
  let email: SmtpEmailChannel;
  // A clock that stands still unless the test moves it, starting at the test clock's now.
  let nowMs = new TestClock().now().getTime();
  const clock = {
    now: () => new Date(nowMs),
    moveTo: (at: Date) => {
      nowMs = at.getTime();
    },
  };
  const contacts = new Map<string, OrganisationContact>();

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openOrm(referralsOrmSettings(database.url));
    maildir = await mkdtemp(path.join(os.tmpdir(), 'samspill-maildir-'));
    mail = await startMailCatcher({ maildir });
    email = new SmtpEmailChannel(mail.url, 'Samspill <varsel@samspill.test>');
  });
  afterAll(async () => {
    email.close();
    await mail.close();
    await rm(maildir, { recursive: true, force: true });
    await orm.close();
    await database.drop();
  });

  const worker = (overrides: Partial<OutboxWorkerOptions> = {}) =>
    new OutboxWorker({
      orm,
      schema: REFERRALS_SCHEMA,
      contacts: { organisation: async (id) => contacts.get(id) ?? null },
      email,
      webhook: null,
      publicUrl: 'https://samspill.test',
      now: clock.now,
      backoffMs: 60_000,
      ...overrides,
    });

  async function enqueue(recipients: Parameters<typeof enqueueNotification>[1]['recipients'], params = {}): Promise<string[]> {
    const em = orm.em.fork() as EntityManager;
    const ids = await enqueueNotification(em, { kind: TEST_KIND, link: '/referrals/abc', params, recipients, at: clock.now() });
    await em.flush();
    return ids;
  }

  const message = (id: string) =>
    orm.em
      .fork()
      .execute<Array<{ status: string; attempts: number; next_attempt_at: Date; last_error: string | null }>>(
        'select status, attempts, next_attempt_at, last_error from referrals.outbox_message where id = ?',
        [id],
      )
      .then((rows) => rows[0]);
  const attempts = (id: string) =>
    orm.em
      .fork()
      .execute<Array<{ attempt: number; outcome: string; worker: string }>>(
        'select attempt, outcome, worker from referrals.outbox_attempt where message_id = ? order by attempt',
        [id],
      );

  it('writes nothing when the enqueuing transaction rolls back', async () => {
    const em = orm.em.fork() as EntityManager;
    let ids: string[] = [];
    await expect(
      em.transactional(async (tx) => {
        ids = await enqueueNotification(tx, { kind: TEST_KIND, link: '/x', recipients: [{ email: 'a@x.test' }], at: clock.now() });
        await tx.flush();
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(ids).toHaveLength(1);
    expect(await message(ids[0])).toBeUndefined();
  });

  it('delivers an e-mail by SMTP with the delivery id as Message-ID, the link under the public URL, and audits the attempt', async () => {
    const before = mail.messages.length;
    const [id] = await enqueue([{ email: 'staff@shelter.test' }], { organisationName: 'Krisesenteret' });
    const run = await worker({ workerId: 'w-1' }).runOnce();
    expect(run.delivered).toEqual([id]);
    const received = (await mail.waitFor(before + 1)).slice(before);
    expect(received).toHaveLength(1);
    expect(received[0].messageId).toBe(`<${id}@samspill.test>`);
    expect(received[0].to).toEqual(['staff@shelter.test']);
    expect(received[0].subject).toBe('Samspill: Noe venter hos Krisesenteret');
    expect(received[0].text).toContain('https://samspill.test/referrals/abc');
    expect(await message(id)).toMatchObject({ status: 'DELIVERED', attempts: 1, last_error: null });
    expect(await attempts(id)).toEqual([{ attempt: 1, outcome: 'DELIVERED', worker: 'w-1' }]);
    // The catcher keeps it as a file too (the development start's maildir).
    const files = (await readdir(path.join(maildir, 'new'))).filter((f) => f.includes(id));
    expect(files).toHaveLength(1);
    expect(await readFile(path.join(maildir, 'new', files[0]), 'utf8')).toBe(received[0].raw);
    // Delivered once: nothing is due any more.
    expect((await worker().runOnce()).claimed).toBe(0);
  });

  it('retries with exponential backoff after the SMTP server refused once, and delivers the same message', async () => {
    const before = mail.messages.length;
    const [id] = await enqueue([{ email: 'retry@shelter.test' }]);
    mail.refuseNext(1);
    const first = await worker().runOnce();
    expect(first.retrying).toEqual([id]);
    const afterFirst = await message(id);
    expect(afterFirst).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(afterFirst.last_error).toMatch(/451/);
    expect(new Date(afterFirst.next_attempt_at).getTime()).toBe(clock.now().getTime() + 60_000);
    // Not due before the backoff has passed.
    expect((await worker().runOnce()).claimed).toBe(0);
    clock.moveTo(new Date(clock.now().getTime() + 60_000));
    const second = await worker().runOnce();
    expect(second.delivered).toEqual([id]);
    const received = (await mail.waitFor(before + 1)).slice(before);
    expect(received.map((m) => m.messageId)).toEqual([`<${id}@samspill.test>`]);
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['RETRY', 'DELIVERED']);
  });

  it('doubles the wait after each failure and gives up after the last attempt', async () => {
    const [id] = await enqueue([{ email: 'never@shelter.test' }]);
    const failing = worker({ email: { send: () => Promise.reject(new Error('mailbox unavailable')) }, maxAttempts: 3 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const at = clock.now().getTime();
      await failing.runOnce();
      const row = await message(id);
      waits.push(new Date(row.next_attempt_at).getTime() - at);
      clock.moveTo(new Date(row.next_attempt_at));
    }
    expect(waits.slice(0, 2)).toEqual([60_000, 120_000]);
    expect(await message(id)).toMatchObject({ status: 'FAILED', attempts: 3, last_error: 'mailbox unavailable' });
    expect((await attempts(id)).map((a) => a.outcome)).toEqual(['RETRY', 'RETRY', 'FAILED']);
  });

  it('several workers racing on the same database never send one message twice (FOR UPDATE SKIP LOCKED and a lease)', async () => {
    const before = mail.messages.length;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(...(await enqueue(Array.from({ length: 10 }, (_, j) => ({ email: `race-${i}-${j}@shelter.test` })))));
    const workers = [worker({ workerId: 'a', batchSize: 5 }), worker({ workerId: 'b', batchSize: 5 }), worker({ workerId: 'c', batchSize: 5 })];
    const results = await Promise.all(workers.map((w) => w.drain()));
    const delivered = results.flatMap((r) => r.delivered);
    expect(delivered.sort()).toEqual([...ids].sort());
    const received = (await mail.waitFor(before + ids.length)).slice(before);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a duplicate would arrive by now
    expect(mail.messages.length).toBe(before + ids.length);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(ids.length);
    // More than one worker took part, so the race was real.
    expect(results.filter((r) => r.delivered.length > 0).length).toBeGreaterThan(1);
    const rows = await orm.em
      .fork()
      .execute<Array<{ n: string }>>(`select count(*) as n from referrals.outbox_attempt where message_id in (${ids.map(() => '?').join(',')})`, ids);
    expect(Number(rows[0].n)).toBe(ids.length);
  });

  it('an organisation gets its referral e-mail and a webhook signed with its own secret; no webhook address: SKIPPED', async () => {
    const received: Array<{ headers: Record<string, string>; body: string }> = [];
    let answer = 500;
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString('utf8') });
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const withHook = randomUUID();
      const withoutHook = randomUUID();
      contacts.set(withHook, {
        name: 'Ressursvenn Oslo',
        email: 'henvisning@ressursvenn.test',
        webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      });
      contacts.set(withoutHook, { name: 'Uten system', email: 'post@uten.test', webhookUrl: null });
      const before = mail.messages.length;
      const ids = await enqueue([{ organisationId: withHook }, { organisationId: withoutHook }], { organisationName: 'Ressursvenn Oslo' });
      expect(ids).toHaveLength(4);
      const w = worker({ webhook: { channel: new HttpWebhookChannel(), signingSecret: SIGNING_SECRET } });
      const first = await w.runOnce();
      expect(first.delivered).toHaveLength(2);
      expect(first.skipped).toHaveLength(1);
      expect(first.retrying).toHaveLength(1); // the receiver answered 500
      expect(
        (await mail.waitFor(before + 2))
          .slice(before)
          .map((m) => m.to[0])
          .sort(),
      ).toEqual(['henvisning@ressursvenn.test', 'post@uten.test']);
      answer = 204;
      clock.moveTo(new Date(clock.now().getTime() + 60_000));
      expect((await w.runOnce()).delivered).toHaveLength(1);
      expect(received).toHaveLength(2);
      const [a, b] = received;
      expect(a.headers['webhook-id']).toBe(b.headers['webhook-id']);
      expect(a.headers['idempotency-key']).toBe(a.headers['webhook-id']);
      expect(a.body).toBe(b.body);
      const secret = organisationWebhookSecret(SIGNING_SECRET, withHook);
      const signed = { id: b.headers['webhook-id'], timestamp: b.headers['webhook-timestamp'], signature: b.headers['webhook-signature'] };
      expect(verifyWebhook(secret, signed, b.body, clock.now())).toBe(true);
      // Another organisation's secret, a changed body, or an old timestamp do not verify.
      expect(verifyWebhook(organisationWebhookSecret(SIGNING_SECRET, withoutHook), signed, b.body, clock.now())).toBe(false);
      expect(verifyWebhook(secret, signed, b.body.replace('Ressursvenn', 'Ressursvenm'), clock.now())).toBe(false);
      expect(verifyWebhook(secret, signed, b.body, new Date(clock.now().getTime() + 10 * 60_000))).toBe(false);
      expect(JSON.parse(b.body)).toEqual({
        type: 'test.outbox',
        timestamp: expect.any(String),
        data: { id: b.headers['webhook-id'], link: 'https://samspill.test/referrals/abc', organisationName: 'Ressursvenn Oslo' },
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('tells an event with a dedupe key once per recipient', async () => {
    const em = orm.em.fork() as EntityManager;
    const event = { kind: TEST_KIND, link: '/r/1', recipients: [{ email: 'once@shelter.test' }], at: clock.now(), dedupeKey: `test:${randomUUID()}` };
    expect(await enqueueNotification(em, event)).toHaveLength(1);
    await em.flush();
    const again = orm.em.fork() as EntityManager;
    expect(await enqueueNotification(again, { ...event, recipients: [{ email: 'ONCE@shelter.test' }, { email: 'other@shelter.test' }] })).toHaveLength(1);
  });

  it('without webhooks configured, an organisation without a webhook gets SKIPPED, one with a webhook is retried and audited, never silently dropped', async () => {
    const plain = randomUUID();
    const hooked = randomUUID();
    contacts.set(plain, { name: 'Uten', email: null, webhookUrl: null });
    contacts.set(hooked, { name: 'Med', email: null, webhookUrl: 'https://hooks.example.test/samspill' });
    const ids = await enqueue([{ organisationId: plain }, { organisationId: hooked }]);
    const run = await worker({ webhook: null }).runOnce();
    expect(run.skipped).toHaveLength(3);
    expect(run.retrying).toHaveLength(1);
    const retried = await message(run.retrying[0]);
    expect(retried).toMatchObject({ status: 'PENDING', attempts: 1, last_error: 'webhooks are not configured (WEBHOOK_SIGNING_SECRET)' });
    expect(ids).toContain(run.retrying[0]);
    expect((await attempts(run.retrying[0])).map((a) => a.outcome)).toEqual(['RETRY']);
  });

  it('a worker that dies between sending and recording: after its lease the message is sent again as the same message (same Message-ID)', async () => {
    const before = mail.messages.length;
    const [id] = await enqueue([{ email: 'crash@shelter.test' }]);
    // Sends, then never comes back (the process died before it recorded the outcome).
    const dying = worker({ leaseMs: 300_000, email: { send: (m) => email.send(m).then(() => new Promise<void>(() => {})) } });
    void dying.runOnce();
    await mail.waitFor(before + 1);
    expect((await worker().runOnce()).claimed).toBe(0); // leased: no other worker takes it
    clock.moveTo(new Date(clock.now().getTime() + 300_000));
    expect((await worker().runOnce()).delivered).toEqual([id]);
    const received = (await mail.waitFor(before + 2)).slice(before);
    expect(received.map((m) => m.messageId)).toEqual([`<${id}@samspill.test>`, `<${id}@samspill.test>`]);
    expect(await message(id)).toMatchObject({ status: 'DELIVERED', attempts: 2 });
  });
});
