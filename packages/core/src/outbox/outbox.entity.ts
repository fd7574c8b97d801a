import { EntitySchema } from '@mikro-orm/core';

/** Where a message goes: an e-mail, or a signed webhook to the organisation's own system. */
export const OUTBOX_CHANNELS = ['EMAIL', 'WEBHOOK'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * `PENDING`: due at `nextAttemptAt` (or leased by a worker until then); `DELIVERED`; `FAILED`: gave up
 * after the last attempt; `SKIPPED`: the recipient has no address for the channel (nothing to send).
 */
export const OUTBOX_STATUSES = ['PENDING', 'DELIVERED', 'FAILED', 'SKIPPED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Who a message is for. `ORGANISATION`: an organisation's referral address or webhook, looked up
 * when the message is delivered (so a changed address is used, and no address is copied into the
 * outbox); `ADDRESS`: one e-mail address (a staff member's work address).
 */
export const OUTBOX_RECIPIENT_KINDS = ['ORGANISATION', 'ADDRESS'] as const;
export type OutboxRecipientKind = (typeof OUTBOX_RECIPIENT_KINDS)[number];

/** What came of one attempt. */
export const OUTBOX_ATTEMPT_OUTCOMES = ['DELIVERED', 'RETRY', 'FAILED', 'SKIPPED'] as const;

/**
 * One delivery of one notification to one recipient over one channel. Its `id` is the delivery's
 * identity: the e-mail's Message-ID and the webhook's `webhook-id` / `Idempotency-Key`, so that a
 * worker that crashed between sending and marking sends the same message again, never a second one.
 * No personal field of a resident is ever stored here: `params` holds only the names of an
 * organisation or an offer (see `NotificationParams`).
 */
export interface OutboxMessage {
  id: string;
  /** The event kind, e.g. `referral.sent` (see `NotificationKind`). */
  kind: string;
  channel: OutboxChannel;
  recipientKind: OutboxRecipientKind;
  /** An organisation id (`ORGANISATION`) or an e-mail address (`ADDRESS`). */
  recipient: string;
  /** The web app's page about the event, a path under `WEB_PUBLIC_URL` (e.g. `/referrals/…`). */
  link: string;
  params: Record<string, string>;
  /** Set for events that must be told once (e.g. `referral.expiring:<id>`): unique per recipient and channel. */
  dedupeKey?: string | null;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string | null;
  createdAt: Date;
  deliveredAt?: Date | null;
}

/** One delivery attempt, kept as its audit trail (who tried, when, with what outcome). */
export interface OutboxAttempt {
  id: string;
  /** The message attempted (its `message_id` column; deleting the message deletes its attempts). */
  message: OutboxMessage;
  attempt: number;
  at: Date;
  /** The worker instance that made the attempt. */
  worker: string;
  outcome: (typeof OUTBOX_ATTEMPT_OUTCOMES)[number];
  error?: string | null;
}

export const OUTBOX_MESSAGE = 'OutboxMessage';
export const OUTBOX_ATTEMPT = 'OutboxAttempt';
export const OUTBOX_MESSAGE_TABLE = 'outbox_message';
export const OUTBOX_ATTEMPT_TABLE = 'outbox_attempt';

/** The table of an index expression, schema-qualified (each service has its outbox in its own schema). */
function quoted(table: { name: string; schema?: string }): string {
  return table.schema ? `"${table.schema}"."${table.name}"` : `"${table.name}"`;
}

/**
 * The outbox's two tables as entities, for a service's ORM (a fresh object per ORM, MikroORM fills
 * in the metadata). Each service creates the tables in its own schema with a migration of its own,
 * written out in full (a migration imports nothing live); the referrals' `…_notification_outbox`
 * migration is the one to copy. The entities declare what that migration makes (the enum checks on
 * varchar(16) columns, the attempts check, the message foreign key, the due and dedupe indexes), so
 * that MikroORM's schema diff of a migrated database is empty (each service's schema-agreement test).
 */
export function outboxEntities(): EntitySchema[] {
  return [
    new EntitySchema<OutboxMessage>({
      name: OUTBOX_MESSAGE,
      tableName: OUTBOX_MESSAGE_TABLE,
      properties: {
        id: { type: 'uuid', primary: true },
        kind: { type: 'string', length: 64 },
        channel: { enum: true, items: [...OUTBOX_CHANNELS], columnType: 'varchar(16)' },
        recipientKind: { enum: true, items: [...OUTBOX_RECIPIENT_KINDS], columnType: 'varchar(16)' },
        recipient: { type: 'string', length: 320 },
        link: { type: 'string', length: 500 },
        params: { type: 'json' },
        dedupeKey: { type: 'string', length: 200, nullable: true },
        status: { enum: true, items: [...OUTBOX_STATUSES], columnType: 'varchar(16)' },
        attempts: { type: 'integer' },
        nextAttemptAt: { type: 'datetime' },
        lastError: { type: 'string', length: 500, nullable: true },
        createdAt: { type: 'datetime' },
        deliveredAt: { type: 'datetime', nullable: true },
      },
      checks: [{ name: 'outbox_message_attempts_check', expression: 'attempts >= 0' }],
      indexes: [
        // What the worker claims: due messages, oldest first.
        {
          name: 'outbox_message_due_index',
          expression: (table, _columns, name) => `create index "${name}" on ${quoted(table)} ("next_attempt_at", "id") where "status" = 'PENDING'`,
        },
      ],
      uniques: [
        // An event told once is told once per recipient and channel.
        {
          name: 'outbox_message_dedupe_unique',
          expression: (table, _columns, name) =>
            `create unique index "${name}" on ${quoted(table)} ("dedupe_key", "channel", "recipient_kind", lower("recipient")) where "dedupe_key" is not null`,
        },
      ],
    }) as unknown as EntitySchema,
    new EntitySchema<OutboxAttempt>({
      name: OUTBOX_ATTEMPT,
      tableName: OUTBOX_ATTEMPT_TABLE,
      properties: {
        id: { type: 'uuid', primary: true },
        message: { kind: 'm:1', entity: () => OUTBOX_MESSAGE, fieldName: 'message_id', deleteRule: 'cascade', updateRule: 'no action', index: true },
        attempt: { type: 'integer' },
        at: { type: 'datetime' },
        worker: { type: 'string', length: 100 },
        outcome: { enum: true, items: [...OUTBOX_ATTEMPT_OUTCOMES], columnType: 'varchar(16)' },
        error: { type: 'string', length: 500, nullable: true },
      },
    }) as unknown as EntitySchema,
  ];
}
