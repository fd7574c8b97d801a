import nodemailer, { type Transporter } from 'nodemailer';

import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

export interface OutgoingEmail {
  /** The delivery id: the Message-ID is built from it, the same on every attempt. */
  readonly deliveryId: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface EmailChannel {
  send(email: OutgoingEmail): Promise<void>;
  close?(): void;
}

/** The domain of an address, for Message-IDs. */
function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'samspill.invalid';
}

/**
 * E-mail over SMTP with nodemailer, from `SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…:465`).
 * The Message-ID is `<deliveryId@domain>`, so a retry of a message the server took before a
 * crash is the same message (mail systems and clients drop the duplicate).
 */
export class SmtpEmailChannel implements EmailChannel {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl, {});
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: `<${email.deliveryId}@${domainOf(this.from)}>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Samspill-Delivery': email.deliveryId },
    });
  }

  close(): void {
    this.transport.close();
  }
}

export interface OutgoingWebhook {
  readonly deliveryId: string;
  readonly url: string;
  readonly secret: string;
  /** The JSON body, sent and signed exactly as given. */
  readonly body: string;
  readonly timestampSeconds: number;
}

export interface WebhookChannel {
  send(webhook: OutgoingWebhook): Promise<void>;
}

/** POSTs the signed body; any answer but 2xx (or no answer in 10 seconds) is a failed attempt. */
export class HttpWebhookChannel implements WebhookChannel {
  constructor(private readonly timeoutMs = 10_000) {}

  async send(webhook: OutgoingWebhook): Promise<void> {
    const response = await fetch(webhook.url, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Samspill-Webhooks/1',
        'idempotency-key': webhook.deliveryId,
        [WEBHOOK_HEADERS.id]: webhook.deliveryId,
        [WEBHOOK_HEADERS.timestamp]: String(webhook.timestampSeconds),
        [WEBHOOK_HEADERS.signature]: signWebhook(webhook.secret, webhook.deliveryId, webhook.timestampSeconds, webhook.body),
      },
      body: webhook.body,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) throw new Error(`webhook answered HTTP ${response.status}`);
  }
}
