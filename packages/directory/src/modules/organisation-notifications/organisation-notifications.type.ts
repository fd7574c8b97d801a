import { VisibleField } from '@samspill/core';
import { ObjectType } from 'type-graphql';

@ObjectType('OrganisationNotificationSettings', {
  description:
    'Where Samspill tells the organisation of referrals (sent to it, about to expire, expired) and what it sent (answered, expired, redirected). ' +
    'Messages carry no personal field: only what happened, at most an organisation or offer name, and a link to the referral in the web app.',
})
export class OrganisationNotificationSettings {
  @VisibleField(() => String, { nullable: true, description: 'The e-mail address that receives notifications, e.g. a shared referral inbox.' })
  referralEmail?: string | null;

  @VisibleField(() => String, {
    nullable: true,
    description:
      "The organisation's own system's https endpoint. Each notification is POSTed as JSON `{ type, timestamp, data: { id, link, organisationName?, offerTitle? } }`, " +
      'signed as Standard Webhooks say: headers `webhook-id` (the delivery id, the same on every retry, also sent as `Idempotency-Key`), ' +
      '`webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>` keyed with `webhookSecret`). ' +
      'Answer 2xx; anything else is retried with exponential backoff.',
  })
  webhookUrl?: string | null;

  @VisibleField(() => String, {
    nullable: true,
    description: 'The secret webhooks are signed with (`whsec_` + base64 key). Null when the platform has no webhook key configured.',
  })
  webhookSecret?: string | null;
}
