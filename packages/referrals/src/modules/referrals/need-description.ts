import { idnr } from '@navikt/fnrvalidator';
import { findPhoneNumbersInText } from 'libphonenumber-js';

export const NEED_DESCRIPTION_MAX = 500;

/**
 * Dates and year ranges ("2024-03-15", "15.03.2024", "2019–2024") have eight digits like an Oslo
 * landline; they are taken out before looking for phone numbers.
 */
function withoutDates(text: string): string {
  return text
    .replace(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g, ' ')
    .replace(/(?<!\d)\d{1,2}\.\d{1,2}\.\d{2,4}(?!\d)/g, ' ')
    .replace(/(?<!\d)(19|20)\d{2}\s*[-–]\s*(19|20)\d{2}(?!\d)/g, ' ');
}

/**
 * What must never be in a referral's free text: an identity number (fødselsnummer, d-nummer …:
 * 11 digits whose check digits hold, also written "DDMMYY NNNNN"), a phone number or an e-mail
 * address. Returns what was found, so the error can say which kind without echoing the value.
 */
export function forbiddenContent(text: string): Array<'IDENTITY_NUMBER' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS'> {
  const found = new Set<'IDENTITY_NUMBER' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS'>();
  for (const match of text.matchAll(/(?<!\d)(\d{6})[ .-]?(\d{5})(?!\d)/g)) {
    if (idnr(`${match[1]}${match[2]}`).status === 'valid') found.add('IDENTITY_NUMBER');
  }
  if (findPhoneNumbersInText(withoutDates(text), 'NO').length > 0) found.add('PHONE_NUMBER');
  if (/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.test(text)) found.add('EMAIL_ADDRESS');
  return [...found];
}
