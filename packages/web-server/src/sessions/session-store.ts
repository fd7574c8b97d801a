import { LockMode, type MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';

import { hashSessionId, randomToken, type Sealer } from '../http/sealing.js';
import { WebSessionEntity } from './web-session.entity.js';

export interface SessionUser {
  readonly subject: string;
  readonly name?: string;
  readonly role: string;
  readonly organisationId?: string;
  readonly bydelCode?: string;
}

export interface SessionTokens {
  readonly accessToken: string;
  readonly refreshToken?: string;
  readonly idToken?: string;
}

export interface ActiveSession {
  readonly idHash: string;
  readonly user: SessionUser;
  readonly csrfToken: string;
  readonly tokens: SessionTokens;
  readonly accessExpiresAt: Date;
  /** When the session ends if nothing more happens (idle timeout or its latest end, whichever is first). */
  readonly endsAt: Date;
  /** Its latest end, whatever the activity. */
  readonly expiresAt: Date;
}

export type SessionLookup = { readonly status: 'active'; readonly session: ActiveSession } | { readonly status: 'ended' } | { readonly status: 'unknown' };

const TOKENS = 'session-tokens';

/**
 * Sessions in PostgreSQL (schema `web`), so that several web servers can share them. Every
 * look-up of an active session counts as activity; an idle or expired one is deleted when met.
 */
export class SessionStore {
  constructor(
    private readonly orm: MikroORM<PostgreSqlDriver>,
    private readonly sealer: Sealer,
    private readonly policy: { readonly idleMs: number; readonly maxMs: number },
    private readonly now: () => Date,
  ) {}

  get idleMs(): number {
    return this.policy.idleMs;
  }

  /** Starts a session; returns the id for the cookie (never stored as it is). */
  async create(user: SessionUser, tokens: SessionTokens, accessExpiresAt: Date): Promise<{ id: string; session: ActiveSession }> {
    const em = this.orm.em.fork();
    const now = this.now();
    const id = randomToken();
    const entity = em.create(WebSessionEntity, {
      idHash: hashSessionId(id),
      subject: user.subject,
      name: user.name,
      role: user.role,
      organisationId: user.organisationId,
      bydelCode: user.bydelCode,
      csrfToken: randomToken(),
      sealedTokens: this.sealer.seal(tokens, TOKENS),
      accessExpiresAt,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.policy.maxMs),
    });
    await em.flush();
    await this.purgeEnded();
    return { id, session: this.toActive(entity, tokens) };
  }

  /** Finds the session of a cookie's id; an idle or expired one is deleted (and reported as ended). */
  async find(id: string): Promise<SessionLookup> {
    const em = this.orm.em.fork();
    const idHash = hashSessionId(id);
    const entity = await em.findOne(WebSessionEntity, { idHash });
    if (!entity) return { status: 'unknown' };
    const now = this.now();
    const tokens = this.sealer.open<SessionTokens>(entity.sealedTokens, TOKENS);
    if (!tokens || this.ended(entity, now)) {
      await em.nativeDelete(WebSessionEntity, { idHash });
      return { status: 'ended' };
    }
    return { status: 'active', session: this.toActive(entity, tokens) };
  }

  /** A request used the session: its idle timer starts again. Returns the session as it now is. */
  async recordActivity(session: ActiveSession): Promise<ActiveSession> {
    const now = this.now();
    await this.orm.em.fork().nativeUpdate(WebSessionEntity, { idHash: session.idHash }, { lastSeenAt: now });
    return { ...session, endsAt: new Date(Math.min(now.getTime() + this.policy.idleMs, session.expiresAt.getTime())) };
  }

  /**
   * Runs `refresh` with the session's row locked (SELECT … FOR UPDATE), handing it the tokens as
   * they are now: a second web server (or request) refreshing the same session waits, then finds the
   * tokens the first one stored instead of spending the refresh token again. What `refresh` returns
   * is stored before the lock is released; undefined leaves the row as it was.
   */
  async withLockedTokens<T>(
    idHash: string,
    refresh: (current: { tokens: SessionTokens; accessExpiresAt: Date }) => Promise<{ result: T; store?: { tokens: SessionTokens; accessExpiresAt: Date } }>,
  ): Promise<T | undefined> {
    return this.orm.em.fork().transactional(async (em) => {
      const entity = await em.findOne(WebSessionEntity, { idHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const tokens = entity ? this.sealer.open<SessionTokens>(entity.sealedTokens, TOKENS) : undefined;
      if (!entity || !tokens) return undefined;
      const { result, store } = await refresh({ tokens, accessExpiresAt: entity.accessExpiresAt });
      if (store) {
        entity.sealedTokens = this.sealer.seal(store.tokens, TOKENS);
        entity.accessExpiresAt = store.accessExpiresAt;
      }
      return result;
    });
  }

  async destroy(idHash: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(WebSessionEntity, { idHash });
  }

  /** Deletes every idle or expired session (run at each sign-in, so the table does not grow). */
  async purgeEnded(): Promise<number> {
    const now = this.now();
    return this.orm.em
      .fork()
      .nativeDelete(WebSessionEntity, { $or: [{ lastSeenAt: { $lte: new Date(now.getTime() - this.policy.idleMs) } }, { expiresAt: { $lte: now } }] });
  }

  private ended(entity: WebSessionEntity, now: Date): boolean {
    return now.getTime() >= entity.lastSeenAt.getTime() + this.policy.idleMs || now.getTime() >= entity.expiresAt.getTime();
  }

  private toActive(entity: WebSessionEntity, tokens: SessionTokens): ActiveSession {
    const idleEnd = entity.lastSeenAt.getTime() + this.policy.idleMs;
    return {
      idHash: entity.idHash,
      user: {
        subject: entity.subject,
        name: entity.name ?? undefined,
        role: entity.role,
        organisationId: entity.organisationId ?? undefined,
        bydelCode: entity.bydelCode ?? undefined,
      },
      csrfToken: entity.csrfToken,
      tokens,
      accessExpiresAt: entity.accessExpiresAt,
      endsAt: new Date(Math.min(idleEnd, entity.expiresAt.getTime())),
      expiresAt: entity.expiresAt,
    };
  }
}
