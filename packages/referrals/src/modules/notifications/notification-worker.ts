import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { type Config, HttpWebhookChannel, type Logger, type OrganisationContacts, OutboxWorker, SmtpEmailChannel } from '@samspill/core';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import { HttpOrganisationContacts } from './organisation-contacts.js';

export interface ReferralsNotifierOptions {
  readonly now?: () => Date;
  /** Defaults to asking the directory at `config.federation.directoryUrl`. */
  readonly contacts?: OrganisationContacts;
  /** Overrides `SMTP_URL` (the development start's embedded server). */
  readonly smtpUrl?: string;
  readonly workerId?: string;
}

/**
 * The referrals service's outbox worker: e-mail through `SMTP_URL`, webhooks when
 * `WEBHOOK_SIGNING_SECRET` is set, addresses from the directory. Null when notifications are
 * switched off or there is no SMTP server to send through.
 */
export function createReferralsNotifier(
  orm: MikroORM<PostgreSqlDriver>,
  config: Config,
  logger: Logger,
  options: ReferralsNotifierOptions = {},
): { worker: OutboxWorker; close: () => void } | null {
  const smtpUrl = options.smtpUrl ?? config.notifications.smtpUrl;
  if (!config.notifications.enabled || !smtpUrl) return null;
  const email = new SmtpEmailChannel(smtpUrl, config.notifications.from);
  const secret = config.notifications.webhookSigningSecret;
  const worker = new OutboxWorker({
    orm,
    schema: REFERRALS_SCHEMA,
    contacts: options.contacts ?? new HttpOrganisationContacts(config.federation.directoryUrl, config.auth, config.federation.gatewaySharedSecret),
    email,
    webhook: secret ? { channel: new HttpWebhookChannel(), signingSecret: secret } : null,
    publicUrl: config.web.publicUrl,
    now: options.now,
    logger,
    workerId: options.workerId,
    maxAttempts: config.notifications.maxAttempts,
  });
  return { worker, close: () => email.close() };
}
