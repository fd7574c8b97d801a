import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

import { WEB_SCHEMA } from '../web-schema.js';

/** One signed-in browser. The cookie holds a random id; only its SHA-256 is stored here. */
@Entity({ tableName: 'session', schema: WEB_SCHEMA })
@Index({ properties: ['lastSeenAt'] })
export class WebSessionEntity {
  @PrimaryKey({ type: 'text' })
  idHash!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text', nullable: true })
  name?: string;

  @Property({ type: 'text' })
  role!: string;

  @Property({ type: 'uuid', nullable: true })
  organisationId?: string;

  @Property({ type: 'text', nullable: true })
  bydelCode?: string;

  /** Sent back in the x-csrf-token header by the app with every request that uses the session. */
  @Property({ type: 'text' })
  csrfToken!: string;

  /** The access, refresh and ID tokens, sealed (AES-256-GCM) under WEB_SESSION_SECRET. */
  @Property({ type: 'text' })
  sealedTokens!: string;

  @Property({ type: 'timestamptz' })
  accessExpiresAt!: Date;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  /** The last request with this session: it ends WEB_SESSION_IDLE_MINUTES after. */
  @Property({ type: 'timestamptz' })
  lastSeenAt!: Date;

  /** The latest end, whatever the activity (WEB_SESSION_MAX_HOURS after sign-in). */
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
