import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserPrincipal } from '@samspill/core';

import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditOutcome } from './audit-outcome.enum.js';

export interface AuditActor {
  readonly subject: string;
  readonly role: string;
  readonly organisationId?: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { subject: 'system', role: 'SYSTEM' };

export const actorOf = (principal: UserPrincipal): AuditActor => ({
  subject: principal.subject,
  role: principal.role,
  organisationId: principal.organisationId ?? null,
});

/**
 * Appends to the audit log: who did what to which referral, when; never field values. Entries
 * for writes are persisted by the same flush as the change; reads are inserted at once; refused
 * attempts are inserted at once and outside any transaction, so that they stay when the
 * operation fails.
 */
export class AuditService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date,
  ) {}

  /** Queue an entry to be written with the next flush (for changes). */
  add(actor: AuditActor, operation: string, referralId: string): void {
    this.em.persist(
      this.em.create(AuditEntryEntity, {
        at: this.now(),
        actorSubject: actor.subject,
        actorRole: actor.role,
        actorOrganisationId: actor.organisationId ?? null,
        operation,
        referralId,
        outcome: AuditOutcome.ALLOWED,
      }),
    );
  }

  /** Write entries now (for reads, which flush nothing else). */
  async recordReads(actor: AuditActor, operation: string, referralIds: string[]): Promise<void> {
    if (referralIds.length === 0) return;
    const at = this.now();
    await this.em.insertMany(
      AuditEntryEntity,
      referralIds.map((referralId) => ({
        at,
        actorSubject: actor.subject,
        actorRole: actor.role,
        actorOrganisationId: actor.organisationId ?? null,
        operation,
        referralId,
        outcome: AuditOutcome.ALLOWED,
      })),
    );
  }

  /**
   * Write now that an attempt was refused. Through a fork without the transaction context: the
   * operation fails, and whatever transaction it ran in is rolled back, but this entry stays.
   */
  async recordDenied(actor: AuditActor, operation: string, referralId: string | null): Promise<void> {
    await this.em.fork().insert(AuditEntryEntity, {
      at: this.now(),
      actorSubject: actor.subject,
      actorRole: actor.role,
      actorOrganisationId: actor.organisationId ?? null,
      operation,
      referralId,
      outcome: AuditOutcome.DENIED,
    });
  }
}
