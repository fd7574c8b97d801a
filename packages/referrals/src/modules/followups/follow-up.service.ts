import { type FilterQuery, LockMode, QueryOrder } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DAY_MS,
  ForbiddenError,
  isAuthenticated,
  isUuid,
  NotFoundError,
  osloDateOf,
  type Page,
  type PageArgs,
  paginate,
  type Principal,
  UnauthenticatedError,
  type UserPrincipal,
  ValidationError,
} from '@samspill/core';
import { DateTime } from 'luxon';

import { actorOf, type AuditActor, AuditService } from '../audit/audit.service.js';
import type { DirectoryLookup } from '../directory-link/directory-client.js';
import { FORBIDDEN_CONTENT_LABEL, forbiddenContent } from '../referrals/need-description.js';
import { ReferralEntity } from '../referrals/referral.entity.js';
import { consentIsValid } from '../referrals/referral.view.js';
import { ReasonCode, ReferralStatus, TargetKind } from '../referrals/referral-enums.js';
import { ReferralStatusChangeEntity } from '../referrals/referral-status-change.entity.js';
import { FollowUpEntity } from './follow-up.entity.js';
import type { EndFollowUpInput, MatchFollowUpInput, RecordFollowUpCheckInInput } from './follow-up.input.js';
import { followUpPolicy, type FollowUpPolicyAction } from './follow-up.policy.js';
import { type FollowUpRow, followUpRowOf } from './follow-up.row.js';
import { FollowUpCheckInEntity } from './follow-up-check-in.entity.js';
import { FOLLOW_UP_CATEGORIES, FollowUpAction, FollowUpEndReason, FollowUpStage } from './follow-up-enums.js';
import { checkFollowUpStep, type FollowUpSide } from './follow-up-state-machine.js';

const ZONE = 'Europe/Oslo';

/** How each action is named in the audit log (allowed or refused). */
const OPERATION: Readonly<Record<FollowUpAction, string>> = {
  MATCH: 'MATCH_FOLLOW_UP',
  PLAN_CHECK_IN: 'PLAN_CHECK_IN',
  RECORD_CHECK_IN: 'RECORD_CHECK_IN',
  END: 'END_FOLLOW_UP',
  RENEW_CONSENT: 'RENEW_CONSENT',
};
/** A consent is renewed at most this far ahead, as it is recorded (referral.service.ts). */
const MAX_CONSENT_DAYS = 366;

export interface FollowUpFilter {
  stages?: FollowUpStage[] | null;
}

/**
 * Follow-ups: an accepted referral to a mentoring or practical-help offer, run by the receiving
 * organisation. Writes go through `followUpPolicy` and the lifecycle in follow-up-state-machine.ts,
 * are audited against the referral, and return the follow-up read back as the caller's side sees it.
 */
export class FollowUpService {
  private readonly audit: AuditService;

  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly directory: DirectoryLookup,
    private readonly now: () => Date = () => new Date(),
    private readonly authorization?: string,
  ) {
    this.audit = new AuditService(em, now);
  }

  // --- reads -------------------------------------------------------------------------------

  async get(id: string): Promise<FollowUpRow> {
    const { followUp, side } = await this.load(id, 'READ_FOLLOW_UP', 'followUp:read');
    await this.audit.recordReads(actorOf(this.user()), 'READ_FOLLOW_UP', [followUp.referral.id]);
    return this.rowOf(followUp, side);
  }

  /** The follow-up of a referral the caller has already been allowed to read: its open one, else its latest. */
  async ofReferral(referralId: string): Promise<FollowUpRow | null> {
    const [followUp] = await this.em.find(
      FollowUpEntity,
      { referral: referralId },
      { orderBy: { endedAt: QueryOrder.DESC_NULLS_FIRST, startedAt: QueryOrder.DESC }, limit: 1 },
    );
    if (!followUp) return null;
    const side = followUpPolicy.sideOf(this.principal, followUp);
    if (!side) return null;
    return this.rowOf(followUp, side);
  }

  /** The caller's follow-ups: a shelter's (of its referrals) or an organisation's. Newest first. */
  async list(filter: FollowUpFilter, page: PageArgs): Promise<Page<FollowUpRow>> {
    const user = this.user();
    const rule = followUpPolicy.where(user);
    if (!rule) throw new ForbiddenError('Only shelter staff and organisation editors have follow-ups');
    const where: FilterQuery<FollowUpEntity>[] = [rule];
    if (filter.stages?.length) where.push({ stage: { $in: filter.stages } });
    const result = await paginate(this.em, FollowUpEntity, { $and: where }, { startedAt: 'desc', id: 'desc' }, page);
    await this.audit.recordReads(
      actorOf(user),
      'LIST_FOLLOW_UPS',
      result.nodes.map((f) => f.referral.id),
    );
    const nodes: FollowUpRow[] = [];
    for (const followUp of result.nodes) nodes.push(await this.rowOf(followUp, followUpPolicy.sideOf(user, followUp)!));
    return { ...result, nodes };
  }

  // --- writes ------------------------------------------------------------------------------

  /**
   * The organisation starts following up an ACCEPTED referral to a mentoring or practical-help
   * activity; the referral becomes IN_FOLLOW_UP. The offer's terms (commitment, course, women
   * only) are read from the directory, as the caller. A follow-up that goes on after she has
   * left the shelter needs a valid consent that covers it.
   */
  async start(referralId: string, referralVersion: number, afterLeavingShelter: boolean): Promise<FollowUpRow> {
    const user = this.user();
    const referral = isUuid(referralId) ? await this.em.findOne(ReferralEntity, { id: referralId }) : null;
    const side = referral && referral.sentAt ? followUpPolicy.sideOf(user, referral) : null;
    if (!referral || !side) {
      await this.audit.recordDenied(actorOf(user), 'START_FOLLOW_UP', isUuid(referralId) ? referralId : null);
      throw new NotFoundError('Referral', referralId);
    }
    if (side !== 'ORGANISATION') {
      await this.audit.recordDenied(actorOf(user), 'START_FOLLOW_UP', referral.id);
      throw new ForbiddenError('Only the receiving organisation starts a follow-up');
    }
    await this.em.lock(referral, LockMode.OPTIMISTIC, referralVersion);
    if (referral.status !== ReferralStatus.ACCEPTED)
      throw ValidationError.field('referralId', `only an ACCEPTED referral becomes a follow-up; this one is ${referral.status}`);
    if (referral.targetKind !== TargetKind.ACTIVITY || !FOLLOW_UP_CATEGORIES.includes(referral.category))
      throw ValidationError.field(
        'referralId',
        `only a referral to a mentoring or practical-help activity (${FOLLOW_UP_CATEGORIES.join(', ')}) becomes a follow-up`,
      );
    if (afterLeavingShelter && !(consentIsValid(referral, this.now()) && referral.consentFollowUpAfterLeaving))
      throw ValidationError.field(
        'afterLeavingShelter',
        'her consent does not cover a follow-up after she has left the shelter: the sending shelter records one that does (followUpAfterLeavingShelter), or the follow-up ends when she moves out',
      );
    const offer = await this.directory.offer(TargetKind.ACTIVITY, referral.targetId, this.authorization);
    const terms = offer.volunteers ?? { commitmentMonths: null, requiresVolunteerCourse: false, womenOnlyVolunteers: false };
    const now = this.now();
    const actor = actorOf(user);
    const followUp = this.em.create(FollowUpEntity, {
      referral,
      stage: FollowUpStage.WAITING_FOR_VOLUNTEER,
      sendingShelterId: referral.sendingShelterId,
      receivingOrganisationId: referral.receivingOrganisationId,
      bydelCode: referral.bydelCode,
      category: referral.category,
      afterLeavingShelter,
      commitmentMonths: terms.commitmentMonths,
      requiresVolunteerCourse: terms.requiresVolunteerCourse,
      womenOnlyVolunteers: terms.womenOnlyVolunteers,
      startedAt: now,
      startedBy: user.subject,
      createdAt: now,
      updatedAt: now,
    });
    this.moveReferral(referral, ReferralStatus.IN_FOLLOW_UP, actor, null);
    this.audit.add(actor, 'START_FOLLOW_UP', referral.id);
    await this.em.flush();
    return this.rowOf(followUp, 'ORGANISATION');
  }

  async match(id: string, input: MatchFollowUpInput): Promise<FollowUpRow> {
    const { followUp, side } = await this.step(id, FollowUpAction.MATCH, input.version);
    this.noPersonalData('input.volunteerReference', input.volunteerReference);
    this.noPersonalData('input.notes', input.notes);
    if (followUp.requiresVolunteerCourse && !input.courseConfirmed)
      throw ValidationError.field(
        'input.courseConfirmed',
        'the offer requires that the volunteer has completed its course: confirm it (courseConfirmed: true)',
      );
    if (followUp.womenOnlyVolunteers && !input.womenOnlyConfirmed)
      throw ValidationError.field(
        'input.womenOnlyConfirmed',
        'the offer is for women volunteers only: confirm that the volunteer is a woman (womenOnlyConfirmed: true)',
      );
    const matchedOn = this.pastOrToday('input.matchedOn', input.matchedOn, osloDateOf(followUp.startedAt));
    followUp.stage = FollowUpStage.MATCHED;
    followUp.matchedOn = matchedOn;
    followUp.volunteerReference = input.volunteerReference;
    followUp.courseConfirmed = !!input.courseConfirmed;
    followUp.womenOnlyConfirmed = !!input.womenOnlyConfirmed;
    followUp.commitmentEndsOn = followUp.commitmentMonths
      ? DateTime.fromISO(matchedOn, { zone: ZONE }).plus({ months: followUp.commitmentMonths }).minus({ days: 1 }).toISODate()
      : null;
    if (input.notes !== undefined) followUp.notes = input.notes;
    return this.save(followUp, side, FollowUpAction.MATCH);
  }

  async planCheckIn(id: string, plannedOn: string, version: number): Promise<FollowUpRow> {
    const { followUp, side } = await this.step(id, FollowUpAction.PLAN_CHECK_IN, version);
    if (!DateTime.fromISO(plannedOn, { zone: ZONE }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(plannedOn))
      throw ValidationError.field('plannedOn', 'must be a date as YYYY-MM-DD');
    if (plannedOn < followUp.matchedOn!) throw ValidationError.field('plannedOn', 'must not be before the match');
    const planned = await this.em.count(FollowUpCheckInEntity, { followUp, outcome: null });
    if (planned >= 24) throw ValidationError.field('plannedOn', 'at most 24 check-ins can be planned ahead: record the past ones first');
    this.em.persist(this.em.create(FollowUpCheckInEntity, { followUp, plannedOn, createdAt: this.now() }));
    return this.save(followUp, side, FollowUpAction.PLAN_CHECK_IN);
  }

  async recordCheckIn(checkInId: string, input: RecordFollowUpCheckInInput): Promise<FollowUpRow> {
    const checkIn = isUuid(checkInId) ? await this.em.findOne(FollowUpCheckInEntity, { id: checkInId }) : null;
    if (!checkIn) {
      await this.audit.recordDenied(actorOf(this.user()), 'RECORD_CHECK_IN', null);
      throw new NotFoundError('FollowUpCheckIn', checkInId);
    }
    const { followUp, side } = await this.step(checkIn.followUp.id, FollowUpAction.RECORD_CHECK_IN, input.version);
    if (checkIn.outcome) throw ValidationError.field('checkInId', `this check-in is already recorded as ${checkIn.outcome}`);
    this.noPersonalData('input.note', input.note);
    checkIn.recordedOn = this.pastOrToday('input.on', input.on, followUp.matchedOn!);
    checkIn.outcome = input.outcome;
    checkIn.note = input.note ?? null;
    return this.save(followUp, side, FollowUpAction.RECORD_CHECK_IN);
  }

  /**
   * Ends a follow-up. Re-matched, it goes on as a new follow-up waiting for a volunteer; otherwise
   * the referral closes (COMPLETED when the goal was reached), and its retention period starts now.
   */
  async end(id: string, input: EndFollowUpInput): Promise<FollowUpRow> {
    const { followUp, side } = await this.step(id, FollowUpAction.END, input.version, input.reason);
    this.noPersonalData('input.notes', input.notes);
    const endedOn = this.pastOrToday('input.endedOn', input.endedOn, followUp.matchedOn ?? osloDateOf(followUp.startedAt));
    if (input.notes !== undefined) followUp.notes = input.notes;
    const actor = actorOf(this.user());
    this.close(followUp, endedOn, input.reason);
    if (input.reason === FollowUpEndReason.REMATCHED) {
      // The old match is closed before the new one exists (one open follow-up per referral), in one transaction.
      await this.em.begin();
      try {
        await this.em.flush();
        this.createContinuation(followUp, actor);
        const row = await this.save(followUp, side, FollowUpAction.END);
        await this.em.commit();
        return row;
      } catch (error) {
        await this.em.rollback();
        throw error;
      }
    }
    const referral = await this.em.findOneOrFail(ReferralEntity, { id: followUp.referral.id });
    const goal = input.reason === FollowUpEndReason.GOAL_REACHED;
    this.moveReferral(referral, goal ? ReferralStatus.COMPLETED : ReferralStatus.NOT_COMPLETED, actor, goal ? ReasonCode.GOT_HELP : ReasonCode.FOLLOW_UP_ENDED);
    return this.save(followUp, side, FollowUpAction.END);
  }

  private createContinuation(followUp: FollowUpEntity, actor: AuditActor): void {
    const now = this.now();
    this.em.persist(
      this.em.create(FollowUpEntity, {
        referral: followUp.referral,
        stage: FollowUpStage.WAITING_FOR_VOLUNTEER,
        sendingShelterId: followUp.sendingShelterId,
        receivingOrganisationId: followUp.receivingOrganisationId,
        bydelCode: followUp.bydelCode,
        category: followUp.category,
        afterLeavingShelter: followUp.afterLeavingShelter,
        commitmentMonths: followUp.commitmentMonths,
        requiresVolunteerCourse: followUp.requiresVolunteerCourse,
        womenOnlyVolunteers: followUp.womenOnlyVolunteers,
        startedAt: now,
        startedBy: actor.subject,
        continuesId: followUp.id,
        createdAt: now,
        updatedAt: now,
      }),
    );
  }

  /**
   * Extends the consent a follow-up runs under (scope unchanged): her renewed agreement, recorded
   * by the sending shelter, or by the organisation when it follows her up after she has left the
   * shelter with her consent to that. Audited as RENEW_CONSENT.
   */
  async renewConsent(id: string, expiresOn: string, version: number): Promise<FollowUpRow> {
    const { followUp, side, referral } = await this.step(id, FollowUpAction.RENEW_CONSENT, version);
    if (!referral.consentGivenAt || referral.consentWithdrawnAt)
      throw ValidationError.field('id', 'there is no consent to renew: it was withdrawn or never recorded');
    const now = this.now();
    const expiresAt = DateTime.fromISO(expiresOn, { zone: ZONE }).endOf('day').toJSDate();
    if (referral.consentExpiresAt && expiresAt <= referral.consentExpiresAt)
      throw ValidationError.field('expiresOn', 'must be later than the consent ends now');
    if (expiresAt.getTime() - now.getTime() > MAX_CONSENT_DAYS * DAY_MS) throw ValidationError.field('expiresOn', 'must be at most a year ahead');
    referral.consentExpiresAt = expiresAt;
    referral.updatedAt = now;
    followUp.renewalPromptedFor = null;
    return this.save(followUp, side, FollowUpAction.RENEW_CONSENT);
  }

  // --- rules -------------------------------------------------------------------------------

  private user(): UserPrincipal {
    if (!isAuthenticated(this.principal)) throw new UnauthenticatedError();
    return this.principal;
  }

  /** Loads a follow-up for `action`; a refusal is audited against its referral, the same whether it exists or not. */
  private async load(id: string, operation: string, action: FollowUpPolicyAction, version?: number) {
    const user = this.user();
    const followUp = isUuid(id) ? await this.em.findOne(FollowUpEntity, { id }, { populate: ['referral'] }) : null;
    if (!followUp || !followUpPolicy.sideOf(user, followUp)) {
      await this.audit.recordDenied(actorOf(user), operation, followUp?.referral.id ?? null);
      throw new NotFoundError('FollowUp', id);
    }
    const referral = followUp.referral;
    let side: FollowUpSide;
    try {
      side = followUpPolicy.assert(user, action, followUp, referral);
    } catch (error) {
      await this.audit.recordDenied(actorOf(user), operation, referral.id);
      throw error;
    }
    if (version !== undefined) await this.em.lock(followUp, LockMode.OPTIMISTIC, version);
    return { followUp, side, referral };
  }

  private async step(id: string, action: FollowUpAction, version: number, reason?: FollowUpEndReason) {
    const loaded = await this.load(id, OPERATION[action], action === FollowUpAction.RENEW_CONSENT ? 'followUp:renewConsent' : 'followUp:run', version);
    const check = checkFollowUpStep(loaded.followUp.stage, action, loaded.side, reason);
    if (!check.ok) {
      if (check.problem === 'REASON_NOT_ALLOWED')
        throw ValidationError.field('input.reason', `from ${loaded.followUp.stage} a follow-up ends with one of ${check.allowed.join(', ')}`);
      throw ValidationError.field('id', `cannot ${action} a follow-up that is ${loaded.followUp.stage}; allowed now: ${check.allowed.join(', ') || 'nothing'}`);
    }
    return loaded;
  }

  /** A date given as YYYY-MM-DD (validated by the input), not in the future and not before `earliest`; today when left out. */
  private pastOrToday(field: string, date: string | null | undefined, earliest: string): string {
    const today = osloDateOf(this.now());
    const value = date ?? today;
    if (value > today) throw ValidationError.field(field, 'must not be in the future');
    if (value < earliest) throw ValidationError.field(field, `must not be before ${earliest}`);
    return value;
  }

  private noPersonalData(field: string, text: string | null | undefined): void {
    if (typeof text !== 'string') return;
    const found = forbiddenContent(text);
    if (found.length > 0) throw ValidationError.field(field, `must not contain ${found.map((f) => FORBIDDEN_CONTENT_LABEL[f]).join(' or ')}`);
  }

  private close(followUp: FollowUpEntity, endedOn: string, reason: FollowUpEndReason): void {
    followUp.stage = FollowUpStage.ENDED;
    followUp.endedOn = endedOn;
    followUp.endedAt = this.now();
    followUp.endReason = reason;
    followUp.updatedAt = this.now();
  }

  private moveReferral(referral: ReferralEntity, to: ReferralStatus, actor: AuditActor, reason: ReasonCode | null): void {
    const now = this.now();
    this.em.persist(
      this.em.create(ReferralStatusChangeEntity, {
        referral,
        fromStatus: referral.status,
        toStatus: to,
        at: now,
        actorSubject: actor.subject,
        actorRole: actor.role,
        reason,
      }),
    );
    referral.status = to;
    referral.updatedAt = now;
    if (to !== ReferralStatus.IN_FOLLOW_UP) {
      referral.closedAt = now;
      referral.closeReason = reason;
      referral.answerDeadline = null;
      referral.heldFromStatus = null;
    }
  }

  private async save(followUp: FollowUpEntity, side: FollowUpSide, action: FollowUpAction): Promise<FollowUpRow> {
    followUp.updatedAt = this.now();
    this.audit.add(actorOf(this.user()), OPERATION[action], followUp.referral.id);
    await this.em.flush();
    return this.rowOf(followUp, side);
  }

  /** The follow-up read back from the database, as `side` sees it. */
  private async rowOf(followUp: FollowUpEntity, side: FollowUpSide): Promise<FollowUpRow> {
    const referral = await this.em.findOneOrFail(ReferralEntity, { id: followUp.referral.id });
    const checkIns = await this.em.find(FollowUpCheckInEntity, { followUp: followUp.id }, { orderBy: { plannedOn: 'asc', id: 'asc' } });
    return followUpRowOf(followUp, referral, checkIns, side, this.now());
  }
}

/**
 * What withdrawing consent does to her follow-ups: each open one ends (ENDED_BY_WOMAN) and its
 * notes go with her personal fields. Called by the referral workflow, inside its flush.
 */
export async function endFollowUpsOnWithdrawal(em: EntityManager, referralIds: readonly string[], now: Date): Promise<void> {
  if (referralIds.length === 0) return;
  for (const followUp of await em.find(FollowUpEntity, { referral: { $in: [...referralIds] }, endedAt: null })) {
    followUp.stage = FollowUpStage.ENDED;
    followUp.endedOn = osloDateOf(now);
    followUp.endedAt = now;
    followUp.endReason = FollowUpEndReason.ENDED_BY_WOMAN;
    followUp.updatedAt = now;
  }
}

/** Erases what a follow-up holds about her (the notes), with the referral's personal fields. */
export async function eraseFollowUpNotes(em: EntityManager, referralIds: readonly string[]): Promise<void> {
  if (referralIds.length === 0) return;
  const followUps = await em.find(FollowUpEntity, { referral: { $in: [...referralIds] } });
  for (const followUp of followUps) followUp.notes = null;
  for (const checkIn of await em.find(FollowUpCheckInEntity, { followUp: { $in: followUps.map((f) => f.id) } })) checkIn.note = null;
}

/**
 * The referrals whose retention must wait for a follow-up: one is open, or ended after `cutoff`.
 * Retention runs from a follow-up's end, whatever the referral's consent or closing says.
 */
export async function referralsHeldByFollowUps(em: EntityManager, cutoff: Date): Promise<string[]> {
  const held = await em.find(FollowUpEntity, { $or: [{ endedAt: null }, { endedAt: { $gte: cutoff } }] }, { fields: ['referral'] });
  return [...new Set(held.map((f) => f.referral.id))];
}
