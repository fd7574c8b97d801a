import { defineNotificationKind, type NotificationKind } from '@samspill/core';

/**
 * The follow-up events told through the outbox. Like every notification they say only what is
 * due and link to the referral the follow-up belongs to: never her reference, the volunteer, a
 * note, a date of hers or anything else of the follow-up.
 */
export const FOLLOW_UP_NOTIFICATIONS = {
  checkInDue: defineNotificationKind({
    kind: 'follow-up.check-in-due',
    subject: () => 'En oppfølgingssamtale skal gjennomføres',
    summary: () => 'En planlagt oppfølging er nå. Registrer om den ble gjennomført. / A planned follow-up check-in is due: record whether it took place.',
  }),
  consentToRenew: defineNotificationKind({
    kind: 'follow-up.consent-to-renew',
    subject: () => 'Samtykket for en oppfølging må fornyes',
    summary: () =>
      'Samtykket for en pågående oppfølging går ut om 30 dager eller mindre, før forpliktelsen er over. Forny det sammen med henne. / The consent for an ongoing follow-up ends within 30 days, before the commitment does: renew it with her.',
  }),
} as const satisfies Record<string, NotificationKind>;
