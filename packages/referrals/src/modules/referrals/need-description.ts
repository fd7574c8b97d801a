import { idnr } from '@navikt/fnrvalidator';
import { findPhoneNumbersInText } from 'libphonenumber-js';

export const NEED_DESCRIPTION_MAX = 500;

/** What a referral's free text must never contain; each kind is named in the error, never the value. */
export type ForbiddenContent = 'IDENTITY_NUMBER' | 'ACCOUNT_NUMBER' | 'PHONE_NUMBER' | 'EMAIL_ADDRESS';

/** How the error names each kind (without echoing what was found). */
export const FORBIDDEN_CONTENT_LABEL: Readonly<Record<ForbiddenContent, string>> = {
  IDENTITY_NUMBER: 'an identity number (fødselsnummer/d-nummer)',
  ACCOUNT_NUMBER: 'an account number',
  PHONE_NUMBER: 'a phone number',
  EMAIL_ADDRESS: 'an e-mail address',
};

/**
 * Eleven digits standing alone, written as one run or in the groupings people use:
 * "DDMMYY NNNNN" / "DDMMYY-NNNNN" / "DDMMYY.NNNNN" and "DDMMYY NNN NN" for identity numbers,
 * "NNNN NN NNNNN" / "NNNN.NN.NNNNN" for account numbers. Check digits are not consulted: a
 * mistyped fødselsnummer still points at one person (and a typo is one digit away from the
 * right number), and eleven digits may as well be a bank account.
 */
const ELEVEN_DIGITS = new RegExp(
  [String.raw`(?<id>\d{11})`, String.raw`(?<idGrouped>\d{6}[ .-]\d{5}|\d{6}[ .-]\d{3}[ .-]\d{2})`, String.raw`(?<account>\d{4}(?<sep>[ .])\d{2}\k<sep>\d{5})`]
    .map((p) => `(?<!\\d)${p}(?!\\d)`)
    .join('|'),
  'g',
);

/**
 * Whether eleven digits read as a birth date first: day 01–31 (d-number: + 40), month 01–12
 * (h-number: + 40; NAV's and Skatteetaten's synthetic test numbers: + 65 / + 80).
 */
function looksLikeIdentityNumber(digits: string): boolean {
  if (idnr(digits).status === 'valid') return true;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const dayOk = (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  const monthOk = [0, 40, 65, 80].some((offset) => month - offset >= 1 && month - offset <= 12);
  return dayOk && monthOk;
}

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
 * What must never be in a referral's free text: anything that looks like an identity number
 * (fødselsnummer, d-nummer) or an account number, whatever its check digits; a phone number; an
 * e-mail address. Returns the kinds found, so that the error can say which without echoing the
 * value. A pure function with no server dependency, so a form can warn while the user types.
 */
export function forbiddenContent(text: string): ForbiddenContent[] {
  const found = new Set<ForbiddenContent>();
  for (const match of text.matchAll(ELEVEN_DIGITS)) {
    const { id, idGrouped } = match.groups!;
    if (idGrouped) found.add('IDENTITY_NUMBER');
    else if (id) found.add(looksLikeIdentityNumber(id) ? 'IDENTITY_NUMBER' : 'ACCOUNT_NUMBER');
    else found.add('ACCOUNT_NUMBER');
  }
  // What was read as an identity or account number is not read again as a phone number.
  const rest = withoutDates(text.replace(ELEVEN_DIGITS, ' '));
  if (findPhoneNumbersInText(rest, 'NO').length > 0) found.add('PHONE_NUMBER');
  if (/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.test(text)) found.add('EMAIL_ADDRESS');
  return [...found];
}
