import { idnr } from '@navikt/fnrvalidator';
import { findPhoneNumbersInText } from 'libphonenumber-js/min';

/**
 * The browser's copy of the referrals service's check on a need description
 * (packages/referrals/src/modules/referrals/need-description.ts), so the form can warn while the user
 * types. The server refuses such a text anyway; a test holds the two to the same answers.
 */
export type ForbiddenKind = 'IDENTITY_NUMBER' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS';

function withoutDates(text: string): string {
  return text
    .replace(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g, ' ')
    .replace(/(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/g, ' ')
    .replace(/(?<!\d)(19|20)\d{2}\s*[-–]\s*(19|20)\d{2}(?!\d)/g, ' ');
}

export function forbiddenContent(text: string): ForbiddenKind[] {
  const found = new Set<ForbiddenKind>();
  for (const match of text.matchAll(/(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g)) {
    if (idnr(`${match[1]}${match[2]}`).status === 'valid') found.add('IDENTITY_NUMBER');
  }
  if (findPhoneNumbersInText(withoutDates(text), 'NO').length > 0) found.add('PHONE_NUMBER');
  if (/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.test(text)) found.add('EMAIL_ADDRESS');
  return [...found];
}
