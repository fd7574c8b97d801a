import type { Config, IdempotencyContext } from '@samspill/core';

import type { PolicyTime } from './common/policy.js';
import type { DirectoryLoaders } from './loaders.js';
import type { BydelCatalogue } from './modules/bydeler/bydel.catalogue.js';

/** What every directory resolver receives: the caller, one entity manager fork, one set of loaders. */
export interface DirectoryContext extends IdempotencyContext {
  readonly loaders: DirectoryLoaders;
  /** Oslo's bydeler, read once per server. */
  readonly bydeler: BydelCatalogue;
  /** The server's clock: every "now" a resolver or service needs comes from here (tests move it). */
  readonly now: () => Date;
  /** How long the directory's facts stay true (offers' FRESH / DUE / STALE, volunteer routines' default expiry). */
  readonly freshness: Config['freshness'];
  /** The moment the request's visibility rules are read at (one per request: lists, loaders and reads agree). */
  readonly policyTime: PolicyTime;
  /** The platform's webhook key (`WEBHOOK_SIGNING_SECRET`), from which each organisation's webhook secret is derived; unset: no webhooks. */
  readonly webhookSigningSecret?: string;
  /** Whether plain-http webhook addresses on the loopback interface are accepted (never in production). */
  readonly allowLoopbackWebhooks?: boolean;
}
