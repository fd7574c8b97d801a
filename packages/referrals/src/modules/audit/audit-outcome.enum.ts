import { registerEnumType } from 'type-graphql';

export enum AuditOutcome {
  /** The read or change happened. */
  ALLOWED = 'ALLOWED',
  /** Refused: the referral does not exist, or the caller may not see it or may not do this to it. */
  DENIED = 'DENIED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'Whether an audited read or change of a referral happened or was refused.',
});
