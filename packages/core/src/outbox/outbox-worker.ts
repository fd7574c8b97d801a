import { randomUUID } from 'node:crypto';

import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';

import type { Logger } from '../logging/logger.js';
import type { EmailChannel, WebhookChannel } from './channels.js';
import { notificationKind, type NotificationParams, renderNotification } from './notification.js';
import { OUTBOX_ATTEMPT_TABLE, OUTBOX_MESSAGE_TABLE, type OutboxAttempt, type OutboxChannel, type OutboxRecipientKind } from './outbox.entity.js';
import { organisationWebhookSecret } from './webhook-signature.js';

/** Where an organisation is told: its referral e-mail and its own system's webhook, either may be absent. */
export interface OrganisationContact {
  readonly name: string;
  readonly email?: string | null;
  readonly webhookUrl?: string | null;
}

/** Looks an organisation's contact up when a message to it is delivered (null: no such organisation). */
export interface OrganisationContacts {
  organisation(id: string): Promise<OrganisationContact | null>;
}

export interface OutboxWorkerOptions {
  readonly orm: MikroORM<PostgreSqlDriver>;
  /** The schema of the outbox tables (the service's own). */
  readonly schema: string;
  readonly contacts: OrganisationContacts;
  /**
   * Null: e-mail is off; a message to a recipient with an e-mail address then fails its attempts
   * (retried, then FAILED, each attempt audited), one to a recipient without is SKIPPED.
   */
  readonly email: EmailChannel | null;
  /** Null: webhooks are off (no `WEBHOOK_SIGNING_SECRET`); as for `email`. */
  readonly webhook: { readonly channel: WebhookChannel; readonly signingSecret: string } | null;
  /** The web app's origin (`WEB_PUBLIC_URL`): links are made absolute with it. */
  readonly publicUrl: string;
  readonly now?: () => Date;
  readonly logger?: Logger;
  /** Names this instance in the audit trail. */
  readonly workerId?: string;
  readonly batchSize?: number;
  /** How long a claimed message is this worker's: another worker takes it up only after. */
  readonly leaseMs?: number;
  /** Attempts before a message is given up (FAILED). */
  readonly maxAttempts?: number;
  /** The wait after the first failed attempt; doubled after each further one, up to `maxBackoffMs`. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
}

export interface OutboxRunResult {
  readonly claimed: number;
  readonly delivered: string[];
  /** Failed this time, due again later. */
  readonly retrying: string[];
  /** Given up after the last attempt. */
  readonly failed: string[];
  /** No address for the channel. */
  readonly skipped: string[];
}

interface ClaimedRow {
  id: string;
  kind: string;
  channel: OutboxChannel;
  recipient_kind: OutboxRecipientKind;
  recipient: string;
  link: string;
  params: NotificationParams | string;
  attempts: number;
  created_at: Date | string;
}

type Outcome = OutboxAttempt['outcome'];

/** The wait before attempt `attempt + 1` after `attempt` failed ones: `base · 2^(attempt-1)`, capped. */
export function outboxBackoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Delivers the outbox. Each run claims due messages with one statement (`FOR UPDATE SKIP LOCKED`,
 * and a lease: the claim moves `next_attempt_at` ahead and counts the attempt), so that workers in
 * several instances never take the same message; then sends each outside any transaction and
 * records the outcome and an attempt row. A worker that dies after sending and before recording
 * leaves the message leased: after the lease it is sent again with the same delivery id
 * (Message-ID, `webhook-id`, `Idempotency-Key`), which the receiving side recognises as the same.
 */
export class OutboxWorker {
  private readonly now: () => Date;
  private readonly workerId: string;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly messages: string;
  private readonly attempts: string;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.now = options.now ?? (() => new Date());
    this.workerId = (options.workerId ?? `worker-${randomUUID().slice(0, 8)}`).slice(0, 100);
    this.batchSize = options.batchSize ?? 20;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.backoffMs = options.backoffMs ?? 60_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 6 * 60 * 60_000;
    this.messages = `"${options.schema}"."${OUTBOX_MESSAGE_TABLE}"`;
    this.attempts = `"${options.schema}"."${OUTBOX_ATTEMPT_TABLE}"`;
  }

  private em(): EntityManager {
    return this.options.orm.em.fork() as EntityManager;
  }

  /** Claims up to a batch of due messages and delivers them. */
  async runOnce(): Promise<OutboxRunResult> {
    const now = this.now();
    const result: OutboxRunResult = { claimed: 0, delivered: [], retrying: [], failed: [], skipped: [] };
    const rows = await this.em().execute<ClaimedRow[]>(
      `update ${this.messages} m set attempts = m.attempts + 1, next_attempt_at = ?
         from (select id from ${this.messages}
                where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, id limit ? for update skip locked) due
        where m.id = due.id
        returning m.id, m.kind, m.channel, m.recipient_kind, m.recipient, m.link, m.params, m.attempts, m.created_at`,
      [new Date(now.getTime() + this.leaseMs), now, this.batchSize],
    );
    (result as { claimed: number }).claimed = rows.length;
    for (const row of rows) {
      const outcome = await this.deliver(row).then(
        (skipped): { outcome: Outcome; error?: string } => ({ outcome: skipped ? 'SKIPPED' : 'DELIVERED' }),
        (error: unknown): { outcome: Outcome; error?: string } => ({ outcome: row.attempts >= this.maxAttempts ? 'FAILED' : 'RETRY', error: describe(error) }),
      );
      await this.record(row, outcome.outcome, outcome.error);
      const lists: Record<Outcome, string[]> = { DELIVERED: result.delivered, SKIPPED: result.skipped, FAILED: result.failed, RETRY: result.retrying };
      lists[outcome.outcome].push(row.id);
      if (outcome.error)
        this.options.logger?.warn(
          { delivery: row.id, kind: row.kind, channel: row.channel, attempt: row.attempts, error: outcome.error },
          'notification delivery failed',
        );
    }
    return result;
  }

  /** Runs until nothing is due (at most `maxRuns` batches); for tests and the development start. */
  async drain(maxRuns = 50): Promise<OutboxRunResult> {
    const total: OutboxRunResult = { claimed: 0, delivered: [], retrying: [], failed: [], skipped: [] };
    for (let i = 0; i < maxRuns; i++) {
      const run = await this.runOnce();
      (total as { claimed: number }).claimed += run.claimed;
      total.delivered.push(...run.delivered);
      total.retrying.push(...run.retrying);
      total.failed.push(...run.failed);
      total.skipped.push(...run.skipped);
      if (run.claimed < this.batchSize) break;
    }
    return total;
  }

  /** Sends one message; true when there was nothing to send it to. */
  private async deliver(row: ClaimedRow): Promise<boolean> {
    const kind = notificationKind(row.kind);
    if (!kind) throw new Error(`unknown notification kind ${row.kind}`);
    const stored = (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as NotificationParams;
    const params: NotificationParams = { ...stored };
    let email: string | null | undefined;
    let webhookUrl: string | null | undefined;
    if (row.recipient_kind === 'ORGANISATION') {
      const contact = await this.options.contacts.organisation(row.recipient);
      if (!contact) return true;
      email = contact.email;
      webhookUrl = contact.webhookUrl;
    } else {
      email = row.recipient;
    }
    const url = `${this.options.publicUrl.replace(/\/+$/, '')}${row.link}`;
    if (row.channel === 'EMAIL') {
      if (!email) return true;
      if (!this.options.email) throw new Error('e-mail is not configured (SMTP_URL)');
      const rendered = renderNotification(kind, params, url);
      await this.options.email.send({ deliveryId: row.id, to: email, subject: rendered.subject, text: rendered.text });
      return false;
    }
    if (!webhookUrl) return true;
    if (!this.options.webhook) throw new Error('webhooks are not configured (WEBHOOK_SIGNING_SECRET)');
    const { channel, signingSecret } = this.options.webhook;
    const body = JSON.stringify({
      type: row.kind,
      timestamp: new Date(row.created_at).toISOString(),
      data: {
        id: row.id,
        link: url,
        ...(params.organisationName ? { organisationName: params.organisationName } : {}),
        ...(params.offerTitle ? { offerTitle: params.offerTitle } : {}),
      },
    });
    await channel.send({
      deliveryId: row.id,
      url: webhookUrl,
      secret: organisationWebhookSecret(signingSecret, row.recipient),
      body,
      timestampSeconds: Math.floor(this.now().getTime() / 1000),
    });
    return false;
  }

  /** The outcome on the message and an attempt row, in one transaction. */
  private async record(row: ClaimedRow, outcome: Outcome, error: string | undefined): Promise<void> {
    const now = this.now();
    await this.em().transactional(async (tx) => {
      if (outcome === 'RETRY') {
        const next = new Date(now.getTime() + outboxBackoffMs(row.attempts, this.backoffMs, this.maxBackoffMs));
        await tx.execute(`update ${this.messages} set next_attempt_at = ?, last_error = ? where id = ? and status = 'PENDING'`, [next, error ?? null, row.id]);
      } else {
        const status = outcome === 'DELIVERED' ? 'DELIVERED' : outcome === 'SKIPPED' ? 'SKIPPED' : 'FAILED';
        await tx.execute(`update ${this.messages} set status = ?, delivered_at = ?, last_error = ? where id = ? and status = 'PENDING'`, [
          status,
          outcome === 'DELIVERED' ? now : null,
          error ?? null,
          row.id,
        ]);
      }
      await tx.execute(`insert into ${this.attempts} (id, message_id, attempt, at, worker, outcome, error) values (?, ?, ?, ?, ?, ?, ?)`, [
        randomUUID(),
        row.id,
        row.attempts,
        now,
        this.workerId,
        outcome,
        error ?? null,
      ]);
    });
  }

  /** Runs every `intervalMs` (and shortly after start); returns a stop function. */
  schedule(intervalMs: number): () => void {
    let running = false;
    const run = () => {
      if (running) return;
      running = true;
      this.drain()
        .catch((error: unknown) => this.options.logger?.error({ err: error }, 'the notification worker failed'))
        .finally(() => {
          running = false;
        });
    };
    const first = setTimeout(run, 1_000);
    const timer = setInterval(run, intervalMs);
    first.unref();
    timer.unref();
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }
}

/** An error as the audit trail keeps it: its message, without addresses' credentials, at most 500 characters. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\/[^@/\s]+@/g, '//***@').slice(0, 500);
}
