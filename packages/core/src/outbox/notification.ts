import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/core';

import { OUTBOX_MESSAGE, type OutboxMessage } from './outbox.entity.js';

/**
 * What a message may say besides its kind and link: the name of an organisation and the title of
 * an offer, public directory data. Deliberately nothing else: no message ever carries a
 * pseudonymous reference, a need description, an age, a language or a name of a person. Whatever
 * the recipient needs to know more is behind the link, after sign-in.
 */
export interface NotificationParams {
  readonly organisationName?: string;
  readonly offerTitle?: string;
}

/** The longest name a message repeats; longer ones are cut. */
const MAX_PARAM_LENGTH = 200;

/** What a message says, from its params and the absolute link. */
export interface RenderedNotification {
  readonly subject: string;
  /** The plain-text body (the link included). */
  readonly text: string;
}

/**
 * A kind of notification: its name (`<area>.<event>`, e.g. `referral.sent`), and how its e-mail
 * reads. Each package defines its kinds with `defineNotificationKind` at module level, so that the
 * worker of the process that enqueues them knows them.
 */
export interface NotificationKind {
  readonly kind: string;
  /** One line for staff, e.g. "Ny henvisning venter på svar". */
  readonly subject: (params: NotificationParams) => string;
  /** The body's first paragraph; the link and a standard footer follow. */
  readonly summary: (params: NotificationParams) => string;
}

const KINDS = new Map<string, NotificationKind>();
const KIND_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Registers a kind (a second definition with the same name is refused: kinds are global). */
export function defineNotificationKind(definition: NotificationKind): NotificationKind {
  if (!KIND_NAME.test(definition.kind) || definition.kind.length > 64) throw new Error(`notification kind "${definition.kind}" must look like area.event`);
  const existing = KINDS.get(definition.kind);
  if (existing && existing !== definition) throw new Error(`notification kind "${definition.kind}" is defined twice`);
  KINDS.set(definition.kind, definition);
  return definition;
}

export function notificationKind(kind: string): NotificationKind | undefined {
  return KINDS.get(kind);
}

export function notificationKinds(): NotificationKind[] {
  return [...KINDS.values()];
}

const FOOTER =
  'Meldingen nevner ingen person. Logg inn i Samspill for å se detaljene.\n' + 'This message names no person: sign in to Samspill to see the details.';

/** The e-mail of a message: the kind's subject, its summary, the link, the footer. */
export function renderNotification(kind: NotificationKind, params: NotificationParams, url: string): RenderedNotification {
  return { subject: `Samspill: ${kind.subject(params)}`, text: `${kind.summary(params)}\n\n${url}\n\n-- \n${FOOTER}\n` };
}

/** An organisation (its referral e-mail and its webhook, looked up at delivery), or one e-mail address. */
export type NotificationRecipient = { readonly organisationId: string } | { readonly email: string };

export interface NotificationEvent {
  readonly kind: NotificationKind;
  /** The web app page about it: a path (`/referrals/<id>`) under `WEB_PUBLIC_URL`. */
  readonly link: string;
  readonly params?: NotificationParams;
  readonly recipients: readonly NotificationRecipient[];
  /** The time of the event, from the injected clock; the first attempt is due then (or at `notBefore`). */
  readonly at: Date;
  readonly notBefore?: Date;
  /**
   * For events that are told once (a reminder a job finds again on every run): with a key, an
   * event already in the outbox for the same recipient and channel is not enqueued again.
   */
  readonly dedupeKey?: string;
}

/**
 * Writes the event's messages into the outbox through `em`: they are persisted by the caller's
 * own flush, in the same transaction as the change they tell of, so that a change that rolls back
 * tells nobody and one that commits is always told. An organisation gets two messages (its e-mail
 * and its webhook; the one it has no address for is marked SKIPPED at delivery); an address one.
 * Recipients that appear twice get one message. Returns the messages' ids (their delivery ids).
 */
export async function enqueueNotification(em: EntityManager, event: NotificationEvent): Promise<string[]> {
  if (notificationKind(event.kind.kind) !== event.kind) throw new Error(`notification kind "${event.kind.kind}" is not defined`);
  if (!event.link.startsWith('/') || event.link.startsWith('//') || event.link.length > 500) throw new Error('a notification link is a path of the web app');
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.params ?? {}) as Array<[keyof NotificationParams, string | undefined]>) {
    if (name !== 'organisationName' && name !== 'offerTitle') throw new Error(`a notification carries no "${String(name)}"`);
    if (value) params[name] = value.length > MAX_PARAM_LENGTH ? `${value.slice(0, MAX_PARAM_LENGTH - 1)}…` : value;
  }
  const targets = new Map<string, Pick<OutboxMessage, 'channel' | 'recipientKind' | 'recipient'>>();
  for (const recipient of event.recipients) {
    if ('organisationId' in recipient) {
      for (const channel of ['EMAIL', 'WEBHOOK'] as const) {
        targets.set(`${channel}:O:${recipient.organisationId}`, { channel, recipientKind: 'ORGANISATION', recipient: recipient.organisationId });
      }
    } else {
      const address = recipient.email.trim();
      if (address) targets.set(`EMAIL:A:${address.toLowerCase()}`, { channel: 'EMAIL', recipientKind: 'ADDRESS', recipient: address });
    }
  }
  let chosen = [...targets.values()];
  if (event.dedupeKey && chosen.length) {
    const existing = await em.find<OutboxMessage>(OUTBOX_MESSAGE, { dedupeKey: event.dedupeKey });
    const told = new Set(existing.map((m) => `${m.channel}:${m.recipientKind}:${m.recipient.toLowerCase()}`));
    chosen = chosen.filter((t) => !told.has(`${t.channel}:${t.recipientKind}:${t.recipient.toLowerCase()}`));
  }
  return chosen.map((target) => {
    const id = randomUUID();
    em.create<OutboxMessage>(OUTBOX_MESSAGE, {
      id,
      kind: event.kind.kind,
      ...target,
      link: event.link,
      params,
      dedupeKey: event.dedupeKey ?? null,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: event.notBefore && event.notBefore > event.at ? event.notBefore : event.at,
      lastError: null,
      createdAt: event.at,
      deliveredAt: null,
    });
    return id;
  });
}
