import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid, NotFoundError, type Principal } from '@samspill/core';

import type { FeaturePolicy } from '../../common/authorization.js';
import { loadForEdit, readBack } from '../../common/editing.js';
import type { DirectoryContext } from '../../context.js';
import type { ProjectedLoader } from '../../read-path.js';
import type { OfferEntity } from './offer.entity.js';
import { OfferStatus } from './offer-enums.js';

/**
 * The lifecycle every offer (activity, pet-care offer) shares, with one API: DRAFT → PUBLISHED →
 * ARCHIVED, and "still valid" confirmations that restart its freshness. A feature's service
 * extends this and adds what is its own (its fields, its rules).
 *
 * It writes entities and returns rows: every result, of a mutation or a single read, is the
 * feature's row read back through the request's loader, so field resolvers receive one kind of
 * object whatever gave it to them.
 */
export abstract class OfferLifecycle<E extends OfferEntity, R extends { readonly id: string }> {
  protected abstract readonly entity: new (...args: never[]) => E;
  /** The GraphQL type's name, for NOT_FOUND. */
  protected abstract readonly label: string;
  /** Who sees which of these offers. */
  protected abstract readonly policy: FeaturePolicy<string, R, E>;

  /** The request's loader of these rows by id. */
  protected abstract rows(): ProjectedLoader<string, R | null>;

  protected readonly em: EntityManager;
  protected readonly principal: Principal;
  protected readonly now: () => Date;

  constructor(protected readonly ctx: DirectoryContext) {
    this.em = ctx.em;
    this.principal = ctx.principal;
    this.now = ctx.now;
  }

  /** One offer the caller may see; NOT_FOUND otherwise (drafts of others do not exist for them). */
  async get(id: string): Promise<R> {
    const row = isUuid(id) ? await this.rows().load(id) : null;
    if (!row || !this.policy.may(this.principal, `${this.policy.name}:see`, row, this.ctx.policyTime)) throw new NotFoundError(this.label, id);
    return row;
  }

  /** What a write left behind, as the caller's row: read back through the loader, after forgetting what it held. */
  protected readBack(offer: E): Promise<R> {
    return readBack(this.rows(), this.label, offer.id);
  }

  /** Publish: it appears in the directory and counts as just verified. Publishing a published offer changes nothing. */
  async publish(id: string, version?: number | null): Promise<R> {
    const offer = await this.loadForEdit(id, version);
    if (offer.status !== OfferStatus.PUBLISHED) {
      offer.status = OfferStatus.PUBLISHED;
      offer.publishedAt = this.now();
      offer.lastVerifiedAt = this.now();
      await this.em.flush();
    }
    return this.readBack(offer);
  }

  /** Archive: it leaves the directory but is kept. */
  async archive(id: string, version?: number | null): Promise<R> {
    const offer = await this.loadForEdit(id, version);
    if (offer.status !== OfferStatus.ARCHIVED) {
      offer.status = OfferStatus.ARCHIVED;
      await this.em.flush();
    }
    return this.readBack(offer);
  }

  /** The organisation confirms the offer is still as described: freshness restarts. */
  async confirmStillValid(id: string): Promise<R> {
    const offer = await this.loadForEdit(id);
    offer.lastVerifiedAt = this.now();
    await this.em.flush();
    return this.readBack(offer);
  }

  /** The offer to change: NOT_FOUND when the caller may not see it, FORBIDDEN when they may not change it. */
  protected loadForEdit(id: string, version?: number | null): Promise<E> {
    return loadForEdit(this.em, this.entity, this.policy, id, this.principal, version);
  }
}
