import { type FilterQuery, LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DAY_MS,
  eraseIdempotencyDigests,
  ForbiddenError,
  isAuthenticated,
  isUuid,
  NotFoundError,
  type Page,
  type PageArgs,
  paginate,
  type Principal,
  UnauthenticatedError,
  type UserPrincipal,
  ValidationError,
} from '@samspill/core';
import { DateTime } from 'luxon';

import { REFERRALS_SCHEMA } from '../../referrals-schema.js';
import { actorOf, type AuditActor, AuditService } from '../audit/audit.service.js';
import type { DirectoryLookup, OfferFacts } from '../directory-link/directory-client.js';
import { FollowUpEntity } from '../followups/follow-up.entity.js';
import { endFollowUpsOnWithdrawal, eraseFollowUpNotes, referralsHeldByFollowUps } from '../followups/follow-up.service.js';
import { expiryWarningHorizon, notifyReferral } from '../notifications/referral-notifications.js';
import { FORBIDDEN_CONTENT_LABEL, forbiddenContent } from './need-description.js';
import { ReferralEntity } from './referral.entity.js';
import type { ConsentInput, CreateReferralInput, RedirectReferralInput, UpdateReferralDraftInput } from './referral.input.js';
import { consentIsValid, type ReferralView, statusesFilteredBy, statusSeenBy, viewOf } from './referral.view.js';
import { ReasonCode, ReferralAction, ReferralStatus, TargetKind } from './referral-enums.js';
import { checkTransition, EXPIRING_STATES, isOpen, type Side } from './referral-state-machine.js';
import { ReferralStatusChangeEntity } from './referral-status-change.entity.js';

const MAX_CONSENT_DAYS = 366;
const PERSONAL_FIELDS = ['pseudonymousReference', 'ageGroup', 'languages', 'interpreterNeeded', 'childrenAges', 'pets', 'needDescription'] as const;

export interface ReferralSettings {
  readonly answerDays: number;
  readonly retentionDays: number;
  /** Days after a month ends before its statistics are final and published. */
  readonly statisticsFinalAfterDays: number;
}

export interface ReferralFilter {
  statuses?: ReferralStatus[] | null;
}

/**
 * The referral workflow and its confidentiality rules. Only the sending shelter's staff and the
 * receiving organisation's editors are parties to a referral; for everyone else it does not exist
 * (NOT_FOUND). Every read and write is audited.
 */
export class ReferralService {
  private readonly audit: AuditService;

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly directory: DirectoryLookup,
    private readonly settings: ReferralSettings,
    private readonly now: () => Date = () => new Date(),
    /** The caller's Authorization header, passed on to the directory for offer look-ups. */
    private readonly authorization?: string,
  ) {
    this.audit = new AuditService(em, now);
  }

  async get(id: string): Promise<ReferralView> {
    const { referral, side } = await this.loadAsParty(id, 'READ');
    await this.audit.recordReads(actorOf(this.user()), 'READ', [referral.id]);
    return viewOf(referral, side, this.now());
  }

  /** The caller's referrals: a shelter's sent ones, or an organisation's inbox (never drafts). */
  async list(filter: ReferralFilter, page: PageArgs): Promise<Page<ReferralView>> {
    const user = this.user();
    const side = this.sideOfRole(user);
    const where: FilterQuery<ReferralEntity>[] =
      side === 'SHELTER'
        ? [{ sendingShelterId: user.organisationId! }]
        : // Only what was sent: a draft, even one cancelled or expired before sending, is the shelter's alone.
          [{ receivingOrganisationId: user.organisationId! }, { sentAt: { $ne: null } }];
    if (filter.statuses?.length) where.push({ status: { $in: statusesFilteredBy(side, filter.statuses) } });
    const result = await paginate(this.em, ReferralEntity, { $and: where }, { createdAt: 'desc', id: 'desc' }, page);
    await this.audit.recordReads(
      actorOf(user),
      'LIST',
      result.nodes.map((r) => r.id),
    );
    const now = this.now();
    return { ...result, nodes: result.nodes.map((r) => viewOf(r, side, now)) };
  }

  /** What a create needs from the directory, asked before any transaction opens. */
  async prepareCreate(input: CreateReferralInput): Promise<OfferFacts> {
    this.shelterStaff();
    const target = this.target(input);
    return this.directory.offer(target.kind, target.id, this.authorization);
  }

  async create(input: CreateReferralInput, offer?: OfferFacts): Promise<ReferralView> {
    const user = this.shelterStaff();
    const target = this.target(input);
    const facts = offer ?? (await this.prepareCreate(input));
    const now = this.now();
    const referral = this.em.create(ReferralEntity, {
      status: ReferralStatus.DRAFT,
      sendingShelterId: user.organisationId!,
      createdBy: user.subject,
      targetKind: target.kind,
      targetId: target.id,
      receivingOrganisationId: facts.organisationId,
      bydelCode: facts.bydelCode,
      category: facts.category,
      answerWithinHours: facts.answerWithinHours,
      volunteerRequirementsUnmet: !facts.meetsVolunteerRequirements,
      createdAt: now,
      updatedAt: now,
    });
    this.applyPersonalFields(referral, input);
    if (input.consent) this.applyConsent(referral, input.consent, user);
    this.recordTransition(referral, null, ReferralStatus.DRAFT, actorOf(user));
    this.audit.add(actorOf(user), 'CREATE', referral.id);
    await this.em.flush();
    return viewOf(referral, 'SHELTER', now);
  }

  async updateDraft(id: string, input: UpdateReferralDraftInput): Promise<ReferralView> {
    const { referral } = await this.loadForSide(id, 'UPDATE_DRAFT', 'SHELTER', input.version);
    if (referral.status !== ReferralStatus.DRAFT) throw ValidationError.field('id', `only a DRAFT can be edited; this referral is ${referral.status}`);
    this.applyPersonalFields(referral, input);
    this.audit.add(actorOf(this.user()), 'UPDATE_DRAFT', referral.id);
    await this.em.flush();
    return viewOf(referral, 'SHELTER', this.now());
  }

  async recordConsent(id: string, input: ConsentInput, version: number): Promise<ReferralView> {
    const { referral } = await this.loadForSide(id, 'RECORD_CONSENT', 'SHELTER', version);
    if (!isOpen(referral.status)) throw ValidationError.field('id', `consent can be recorded only on an open referral; this one is ${referral.status}`);
    if (!input.followUpAfterLeavingShelter && (await this.em.count(FollowUpEntity, { referral, endedAt: null, afterLeavingShelter: true })) > 0)
      throw ValidationError.field(
        'consent.followUpAfterLeavingShelter',
        'the organisation follows her up after she has left the shelter: a consent without followUpAfterLeavingShelter would not cover it. She can withdraw consent, which ends the follow-up',
      );
    this.applyConsent(referral, input, this.user());
    this.audit.add(actorOf(this.user()), 'RECORD_CONSENT', referral.id);
    await this.em.flush();
    return viewOf(referral, 'SHELTER', this.now());
  }

  /**
   * Withdrawing consent cancels an open referral and erases its personal fields at once, and does
   * the same along the whole chain of redirects it belongs to.
   */
  async withdrawConsent(id: string, version: number): Promise<ReferralView> {
    const { referral } = await this.loadForSide(id, 'WITHDRAW_CONSENT', 'SHELTER', version);
    const actor = actorOf(this.user());
    // The whole chain of redirects, from the first referral on.
    let first = referral;
    while (first.redirectedFrom) first = await this.em.findOneOrFail(ReferralEntity, { id: first.redirectedFrom.id });
    const chain: string[] = [];
    for (let current: ReferralEntity | null = first; current;) {
      this.withdraw(current, actor);
      chain.push(current.id);
      current = current.redirectedToId
        ? await this.em.findOne(ReferralEntity, { id: current.redirectedToId, sendingShelterId: referral.sendingShelterId })
        : null;
    }
    // Her follow-up ends with her consent (ENDED_BY_WOMAN), and its notes go with her personal fields.
    await endFollowUpsOnWithdrawal(this.em, chain, this.now());
    await eraseFollowUpNotes(this.em, chain);
    await this.em.flush();
    // The digests of the requests that created them were made of the fields just erased.
    await eraseIdempotencyDigests(this.em, chain);
    return viewOf(referral, 'SHELTER', this.now());
  }

  async transition(id: string, action: ReferralAction, reason: ReasonCode | null | undefined, version: number): Promise<ReferralView> {
    const { referral, side } = await this.loadAsParty(id, action, version);
    const check = checkTransition(referral.status, action, side, reason);
    if (!check.ok) {
      switch (check.problem) {
        case 'WRONG_SIDE':
          await this.audit.recordDenied(actorOf(this.user()), action, referral.id);
          throw new ForbiddenError(`Only the ${side === 'SHELTER' ? 'receiving organisation' : 'sending shelter'} can ${action} a referral`);
        case 'ILLEGAL':
          throw new ValidationError([
            {
              field: 'action',
              message: `cannot ${action} a referral that is ${statusSeenBy(side, referral.status)}; allowed now: ${check.allowed.join(', ') || 'nothing'}`,
            },
          ]);
        case 'REASON_REQUIRED':
          throw ValidationError.field('reason', `${action} needs a reason: one of ${check.allowed.join(', ')}`);
        case 'REASON_NOT_ALLOWED':
          throw ValidationError.field('reason', check.allowed.length ? `${action} takes one of ${check.allowed.join(', ')}` : `${action} takes no reason`);
      }
    }
    const actor = actorOf(this.user());
    const now = this.now();
    if (action === ReferralAction.SEND) {
      if (!consentIsValid(referral, now))
        throw ValidationError.field('consent', 'a referral is sent only with a valid consent: record it first (it must not be withdrawn or expired)');
      referral.sentAt = now;
      referral.senderEmail = this.user().email ?? null;
      referral.answerDeadline = this.answerDeadlineFrom(referral, now);
    }
    const to = check.to === 'RESUMED' ? referral.heldFromStatus! : check.to;
    if (action === ReferralAction.RESUME && EXPIRING_STATES.includes(to)) {
      // Time on the wait-list does not count against the organisation's time to answer.
      referral.answerDeadline = this.answerDeadlineFrom(referral, now);
    }
    referral.heldFromStatus = to === ReferralStatus.ON_HOLD ? referral.status : null;
    if (isOpen(to)) this.recordTransition(referral, referral.status, to, actor, reason);
    else this.close(referral, to, reason ?? null, actor);
    this.audit.add(actor, action, referral.id);
    const told = { [ReferralAction.SEND]: 'sent', [ReferralAction.ACCEPT]: 'accepted', [ReferralAction.DECLINE]: 'declined' } as const;
    if (action in told) await notifyReferral(this.em, told[action as keyof typeof told], referral, now);
    await this.em.flush();
    return viewOf(referral, side, now);
  }

  /** How many referrals wait for an organisation's answer, and the earliest deadline: for its own editors. */
  async inbox(organisationId: string): Promise<{ waiting: number; oldestDeadline: Date | null }> {
    const user = this.user();
    if (this.sideOfRole(user) !== 'ORGANISATION' || user.organisationId !== organisationId) {
      throw new ForbiddenError("Only the organisation's own editors see its inbox");
    }
    const [row] = await this.em.execute<Array<{ waiting: number; oldest: Date | string | null }>>(
      `select count(*)::int as waiting, min(answer_deadline) as oldest from "${REFERRALS_SCHEMA}".referral
        where receiving_organisation_id = ? and sent_at is not null and status in (${EXPIRING_STATES.map(() => '?').join(', ')})`,
      [organisationId, ...EXPIRING_STATES],
    );
    return { waiting: Number(row?.waiting ?? 0), oldestDeadline: row?.oldest ? new Date(row.oldest) : null };
  }

  /**
   * A declined referral goes on to another offer as a new, linked draft. Its personal fields move
   * to the new draft (the declined one keeps none); consent does not: it was given for the first
   * organisation, so the shelter records it again before sending.
   */
  /**
   * The checks of a redirect that may audit a refusal (on a connection of their own), and the
   * directory look-up, before any transaction opens; `redirect` checks again inside it.
   */
  async prepareRedirect(id: string, input: RedirectReferralInput): Promise<OfferFacts> {
    await this.redirectable(id, input);
    const target = this.target(input);
    return this.directory.offer(target.kind, target.id, this.authorization);
  }

  private async redirectable(id: string, input: RedirectReferralInput): Promise<ReferralEntity> {
    const { referral } = await this.loadForSide(id, 'REDIRECT', 'SHELTER', input.version);
    if (referral.status !== ReferralStatus.DECLINED)
      throw ValidationError.field('id', `only a DECLINED referral can be redirected; this one is ${referral.status}`);
    if (referral.consentWithdrawnAt) throw ValidationError.field('consent', 'the resident withdrew consent: the referral cannot be sent on');
    return referral;
  }

  async redirect(id: string, input: RedirectReferralInput, offer?: OfferFacts): Promise<ReferralView> {
    const referral = await this.redirectable(id, input);
    const target = this.target(input);
    const facts = offer ?? (await this.directory.offer(target.kind, target.id, this.authorization));
    const user = this.user();
    const actor = actorOf(user);
    const now = this.now();
    const next = this.em.create(ReferralEntity, {
      status: ReferralStatus.DRAFT,
      sendingShelterId: referral.sendingShelterId,
      createdBy: user.subject,
      targetKind: target.kind,
      targetId: target.id,
      receivingOrganisationId: facts.organisationId,
      bydelCode: facts.bydelCode,
      category: facts.category,
      answerWithinHours: facts.answerWithinHours,
      volunteerRequirementsUnmet: !facts.meetsVolunteerRequirements,
      redirectedFrom: referral,
      createdAt: now,
      updatedAt: now,
    });
    for (const field of PERSONAL_FIELDS) (next as unknown as Record<string, unknown>)[field] = referral[field];
    this.erasePersonalFields(referral);
    this.recordTransition(next, null, ReferralStatus.DRAFT, actor);
    referral.redirectedToId = next.id;
    referral.updatedAt = now;
    this.recordTransition(referral, referral.status, ReferralStatus.REDIRECTED, actor);
    this.audit.add(actor, 'REDIRECT', referral.id);
    this.audit.add(actor, 'CREATE', next.id);
    await notifyReferral(this.em, 'redirected', referral, now, { staffEmail: user.email ?? null, linkTo: next.id });
    await this.em.flush();
    await eraseIdempotencyDigests(this.em, [referral.id]);
    return viewOf(next, 'SHELTER', now);
  }

  // --- rules -------------------------------------------------------------------------------

  private user(): UserPrincipal {
    if (!isAuthenticated(this.principal)) throw new UnauthenticatedError();
    return this.principal;
  }

  private shelterStaff(): UserPrincipal {
    const user = this.user();
    if (user.role !== 'SHELTER_STAFF' || !user.organisationId) throw new ForbiddenError('Only shelter staff create referrals');
    return user;
  }

  private sideOfRole(user: UserPrincipal): Side {
    if (user.role === 'SHELTER_STAFF' && user.organisationId) return 'SHELTER';
    if (user.role === 'ORG_EDITOR' && user.organisationId) return 'ORGANISATION';
    throw new ForbiddenError('Only shelter staff and organisation editors have referrals');
  }

  /** The caller's side on this referral, or null when they are not a party to it. */
  private sideOf(referral: ReferralEntity): Side | null {
    const p = this.principal;
    if (p.kind !== 'user' || !p.organisationId) return null;
    if (p.role === 'SHELTER_STAFF' && p.organisationId === referral.sendingShelterId) return 'SHELTER';
    if (p.role === 'ORG_EDITOR' && p.organisationId === referral.receivingOrganisationId && referral.sentAt != null) return 'ORGANISATION';
    return null;
  }

  /**
   * Loads a referral for one of its parties; for anyone else it does not exist. A refused attempt
   * (`operation` names what was tried) is audited the same way whether the referral exists or not,
   * and the caller gets the same answer either way.
   */
  private async loadAsParty(id: string, operation: string, version?: number): Promise<{ referral: ReferralEntity; side: Side }> {
    const user = this.user();
    const referral = isUuid(id) ? await this.em.findOne(ReferralEntity, { id }) : null;
    const side = referral && this.sideOf(referral);
    if (!referral || !side) {
      await this.audit.recordDenied(actorOf(user), operation, isUuid(id) ? id : null);
      throw new NotFoundError('Referral', id);
    }
    if (version !== undefined) await this.em.lock(referral, LockMode.OPTIMISTIC, version);
    return { referral, side };
  }

  private async loadForSide(id: string, operation: string, required: Side, version: number): Promise<{ referral: ReferralEntity; side: Side }> {
    const loaded = await this.loadAsParty(id, operation, version);
    if (loaded.side !== required) {
      await this.audit.recordDenied(actorOf(this.user()), operation, loaded.referral.id);
      throw new ForbiddenError(`Only the ${required === 'SHELTER' ? 'sending shelter' : 'receiving organisation'} can do this`);
    }
    return loaded;
  }

  private target(input: { activityId?: string | null; petCareOfferId?: string | null }): { kind: TargetKind; id: string } {
    if (!!input.activityId === !!input.petCareOfferId) throw ValidationError.field('input.activityId', 'give exactly one of activityId and petCareOfferId');
    return input.activityId ? { kind: TargetKind.ACTIVITY, id: input.activityId } : { kind: TargetKind.PET_CARE_OFFER, id: input.petCareOfferId! };
  }

  private applyPersonalFields(referral: ReferralEntity, input: Partial<Record<(typeof PERSONAL_FIELDS)[number], unknown>>): void {
    for (const field of ['pseudonymousReference', 'needDescription'] as const) {
      const text = input[field];
      if (typeof text !== 'string') continue;
      const found = forbiddenContent(text);
      if (found.length > 0) {
        const what = found.map((f) => FORBIDDEN_CONTENT_LABEL[f]).join(' or ');
        const why = found.some((f) => f === 'IDENTITY_NUMBER' || f === 'ACCOUNT_NUMBER')
          ? ' (11 digits are refused whatever their check digits: a mistyped number still identifies someone)'
          : '';
        throw ValidationError.field(`input.${field}`, `must not contain ${what}: describe the need without identifying anyone${why}`);
      }
    }
    referral.updatedAt = this.now();
    for (const field of PERSONAL_FIELDS) {
      const value = input[field];
      if (value === undefined) continue;
      (referral as unknown as Record<string, unknown>)[field] =
        field === 'pets' && Array.isArray(value) ? value.map((p: { species: string; count: number }) => ({ species: p.species, count: p.count })) : value;
    }
  }

  private applyConsent(referral: ReferralEntity, input: ConsentInput, user: UserPrincipal): void {
    const now = this.now();
    const expiresAt = DateTime.fromISO(input.expiresOn, { zone: 'Europe/Oslo' }).endOf('day').toJSDate();
    if (expiresAt <= now) throw ValidationError.field('input.consent.expiresOn', 'must be in the future');
    if (expiresAt.getTime() - now.getTime() > MAX_CONSENT_DAYS * DAY_MS) throw ValidationError.field('input.consent.expiresOn', 'must be at most a year ahead');
    referral.consentGivenAt = now;
    referral.consentRecordedBy = user.subject;
    referral.consentScope = [...new Set(input.scope)];
    referral.consentExpiresAt = expiresAt;
    referral.consentFollowUpAfterLeaving = !!input.followUpAfterLeavingShelter;
    referral.consentWithdrawnAt = null;
    referral.updatedAt = now;
  }

  private recordTransition(referral: ReferralEntity, from: ReferralStatus | null, to: ReferralStatus, actor: AuditActor, reason?: ReasonCode | null): void {
    referral.status = to;
    referral.updatedAt = this.now();
    this.em.persist(
      this.em.create(ReferralStatusChangeEntity, {
        referral,
        fromStatus: from,
        toStatus: to,
        at: this.now(),
        actorSubject: actor.subject,
        actorRole: actor.role,
        reason: reason ?? null,
      }),
    );
  }

  private close(referral: ReferralEntity, to: ReferralStatus, reason: ReasonCode | null, actor: AuditActor): void {
    this.recordTransition(referral, referral.status, to, actor, reason);
    referral.closedAt = this.now();
    referral.closeReason = reason;
    referral.answerDeadline = null;
    referral.heldFromStatus = null;
  }

  private withdraw(referral: ReferralEntity, actor: AuditActor): void {
    referral.consentWithdrawnAt = this.now();
    referral.updatedAt = this.now();
    if (isOpen(referral.status)) this.close(referral, ReferralStatus.CANCELLED, ReasonCode.CONSENT_WITHDRAWN, actor);
    this.erasePersonalFields(referral);
    this.audit.add(actor, 'WITHDRAW_CONSENT', referral.id);
  }

  private erasePersonalFields(referral: ReferralEntity): void {
    for (const field of PERSONAL_FIELDS) (referral as unknown as Record<string, unknown>)[field] = null;
    referral.senderEmail = null;
    referral.personalDataErasedAt = this.now();
    referral.updatedAt = this.now();
  }

  // --- scheduled jobs ----------------------------------------------------------------------

  /**
   * When the organisation must have answered: the offer's own time (a pet-care offer's hours, 24 by
   * default, because a pet-care referral is urgent), else the referrals' answer days (activities).
   */
  private answerDeadlineFrom(referral: ReferralEntity, now: Date): Date {
    const ms = referral.answerWithinHours ? referral.answerWithinHours * 60 * 60 * 1000 : this.settings.answerDays * DAY_MS;
    return new Date(now.getTime() + ms);
  }

  /** Referrals the organisation has not answered by the deadline become EXPIRED. */
  async expireOverdue(actor: AuditActor): Promise<string[]> {
    const overdue = await this.em.find(ReferralEntity, { status: { $in: [...EXPIRING_STATES] }, answerDeadline: { $lt: this.now() } }, { limit: 500 });
    for (const referral of overdue) {
      this.close(referral, ReferralStatus.EXPIRED, ReasonCode.NO_ANSWER, actor);
      this.audit.add(actor, 'EXPIRE', referral.id);
      await notifyReferral(this.em, 'expired', referral, this.now());
    }
    await this.em.flush();
    return overdue.map((r) => r.id);
  }

  /**
   * Reminds the receiving organisation of each referral whose answer deadline is at most
   * EXPIRY_WARNING_DAYS ahead, once per deadline (the outbox's dedupe key). Returns their ids.
   */
  async warnExpiring(): Promise<string[]> {
    const now = this.now();
    const due = await this.em.find(
      ReferralEntity,
      { status: { $in: [...EXPIRING_STATES] }, answerDeadline: { $gte: now, $lte: expiryWarningHorizon(now) } },
      { limit: 500, orderBy: { answerDeadline: 'asc', id: 'asc' } },
    );
    for (const referral of due) await notifyReferral(this.em, 'expiring', referral, now);
    await this.em.flush();
    return due.map((r) => r.id);
  }

  /**
   * Personal fields go a configurable time after closing; the status skeleton stays for
   * statistics. Nothing is kept for ever either: the same time after a consent expired, or after
   * a draft was last touched, they go too.
   */
  async eraseAfterRetention(actor: AuditActor): Promise<string[]> {
    const cutoff = new Date(this.now().getTime() - this.settings.retentionDays * DAY_MS);
    // Nothing is erased while a follow-up is open, and the retention period runs from its end.
    const held = await referralsHeldByFollowUps(this.em, cutoff);
    const due = await this.em.find(
      ReferralEntity,
      {
        personalDataErasedAt: null,
        ...(held.length ? { id: { $nin: held } } : {}),
        $or: [{ closedAt: { $lt: cutoff } }, { consentExpiresAt: { $lt: cutoff } }, { status: ReferralStatus.DRAFT, updatedAt: { $lt: cutoff } }],
      },
      { limit: 500 },
    );
    for (const referral of due) {
      this.erasePersonalFields(referral);
      this.audit.add(actor, 'ERASE_PERSONAL_DATA', referral.id);
    }
    await eraseFollowUpNotes(
      this.em,
      due.map((r) => r.id),
    );
    await this.em.flush();
    await eraseIdempotencyDigests(
      this.em,
      due.map((r) => r.id),
    );
    return due.map((r) => r.id);
  }
}
