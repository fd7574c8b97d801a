import type { IdempotencyContext } from '@samspill/core';

import type { DirectoryLoaders } from './loaders.js';
import type { BydelCatalogue } from './modules/bydeler/bydel.catalogue.js';

/** What every directory resolver receives: the caller, one entity manager fork, one set of loaders. */
export interface DirectoryContext extends IdempotencyContext {
  readonly loaders: DirectoryLoaders;
  /** Oslo's bydeler, read once per server. */
  readonly bydeler: BydelCatalogue;
  /** The server's clock: every "now" a resolver or service needs comes from here (tests move it). */
  readonly now: () => Date;
  /** The platform's webhook key (`WEBHOOK_SIGNING_SECRET`), from which each organisation's webhook secret is derived; unset: no webhooks. */
  readonly webhookSigningSecret?: string;
  /** Whether plain-http webhook addresses on the loopback interface are accepted (never in production). */
  readonly allowLoopbackWebhooks?: boolean;
}
