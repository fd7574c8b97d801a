import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@samspill/core';

import { loadForEdit } from '../../common/editing.js';
import type { Policy } from '../../common/policy.js';
import type { OfferEntity } from './offer.entity.js';
import { OfferStatus } from './offer-enums.js';

/**
 * The lifecycle every offer (activity, pet-care offer) shares, with one API: DRAFT → PUBLISHED →
 * ARCHIVED, and "still valid" confirmations that restart its freshness. A feature's service
 * extends this and adds what is its own (its fields, its rules).
 */
export abstract class OfferLifecycle<E extends OfferEntity, R> {
  protected abstract readonly entity: new (...args: never[]) => E;
  /** The GraphQL type's name, for NOT_FOUND. */
  protected abstract readonly label: string;
  /** Who sees which of these offers. */
  protected abstract readonly policy: Policy<R, E>;

  constructor(
    protected readonly em: EntityManager,
    protected readonly principal: Principal,
    protected readonly now: () => Date = () => new Date(),
  ) {}

  /** Publish: it appears in the directory and counts as just verified. Publishing a published offer changes nothing. */
  async publish(id: string, version?: number | null): Promise<E> {
    const offer = await this.loadForEdit(id, version);
    if (offer.status !== OfferStatus.PUBLISHED) {
      offer.status = OfferStatus.PUBLISHED;
      offer.publishedAt = this.now();
      offer.lastVerifiedAt = this.now();
      await this.em.flush();
    }
    return offer;
  }

  /** Archive: it leaves the directory but is kept. */
  async archive(id: string, version?: number | null): Promise<E> {
    const offer = await this.loadForEdit(id, version);
    if (offer.status !== OfferStatus.ARCHIVED) {
      offer.status = OfferStatus.ARCHIVED;
      await this.em.flush();
    }
    return offer;
  }

  /** The organisation confirms the offer is still as described: freshness restarts. */
  async confirmStillValid(id: string): Promise<E> {
    const offer = await this.loadForEdit(id);
    offer.lastVerifiedAt = this.now();
    await this.em.flush();
    return offer;
  }

  /** The offer to change: NOT_FOUND when the caller may not see it, FORBIDDEN when they may not change it. */
  protected loadForEdit(id: string, version?: number | null): Promise<E> {
    return loadForEdit(this.em, this.entity, this.label, id, this.principal, (offer) => this.policy.allows(this.principal, offer as unknown as R), version);
  }
}
