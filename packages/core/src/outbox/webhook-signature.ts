import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhooks are signed as the Standard Webhooks specification says (standardwebhooks.com), so that
 * a receiver can use any of its libraries:
 *
 * - `webhook-id`: the delivery id, the same on every retry (also sent as `Idempotency-Key`);
 * - `webhook-timestamp`: seconds since the epoch when this attempt was signed;
 * - `webhook-signature`: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the
 *   organisation's secret (`whsec_<base64>`, shown to its editors in the directory).
 *
 * A receiver recomputes the signature over the raw body, compares in constant time, refuses a
 * timestamp more than five minutes away from its clock, and treats a `webhook-id` it has seen as done.
 */
export const WEBHOOK_HEADERS = Object.freeze({ id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' });

export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Each organisation's webhook secret, derived from the platform's `WEBHOOK_SIGNING_SECRET` and its id: never stored. */
export function organisationWebhookSecret(masterSecret: string, organisationId: string): string {
  return WEBHOOK_SECRET_PREFIX + createHmac('sha256', masterSecret).update(`samspill-webhook:${organisationId}`).digest('base64');
}

function key(secret: string): Buffer {
  return Buffer.from(secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret, 'base64');
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', key(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** A receiver's check: true when one of the signatures (space-separated) matches and the timestamp is within `toleranceSeconds` of `now`. */
export function verifyWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, timestamp, body));
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
