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
 * Digit groups as people write numbers: groups of at least two digits, each from the next by
 * spaces or by one `.`, `/` or `-` (with spaces around it or not): "01 01 70 12345",
 * "01.01.70 12345", "010170 12 345", "1234.56.78903". A single digit, a comma or a word ends a
 * run, so that "2 barn på 6 og 9 år" or "rom 10, 12" never join. Dates with a four-digit year
 * ("2024-03-15", "15.03.2024") are taken out before, since a fødselsnummer has a two-digit year.
 */
const DIGIT_GROUPS = /(?<!\d)\d{2,}(?:(?:\s*[./-]\s*|\s+)\d{2,}(?!\d))*(?!\d)/g;
const GROUP = /\d+/g;
const DATES_WITH_YEAR = /(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\/\d{1,2}\/\d{4})(?!\d)/g;

/**
 * The text as it is read for numbers: NFKC (full-width and other compatibility digits and
 * punctuation become ASCII), then every other decimal digit (Arabic-Indic, Devanagari, …) its
 * ASCII digit. Unicode puts each script's digits 0–9 in a row, so a digit's value is how many
 * digits precede it in its row, modulo 10.
 */
export function normaliseDigits(text: string): string {
  return text.normalize('NFKC').replace(/\p{Nd}/gu, (digit) => {
    const cp = digit.codePointAt(0)!;
    if (cp < 0x80) return digit;
    let start = cp;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((cp - start) % 10);
  });
}

interface ElevenDigits {
  readonly digits: string;
  /** Grouped as an account number: NNNN NN NNNNN. */
  readonly accountGrouping: boolean;
}

/**
 * Every run of consecutive digit groups that holds eleven digits, whatever its check digits: a
 * mistyped fødselsnummer still points at one person (and a typo is one digit away from the
 * right number), and eleven digits may as well be a bank account.
 */
function elevenDigitRuns(text: string): ElevenDigits[] {
  const found: ElevenDigits[] = [];
  for (const run of text.matchAll(DIGIT_GROUPS)) {
    const groups = run[0].match(GROUP)!;
    for (let from = 0; from < groups.length; from++) {
      let digits = '';
      for (let to = from; to < groups.length && digits.length < 11; to++) {
        digits += groups[to];
        if (digits.length === 11) {
          const lengths = groups.slice(from, to + 1).map((g) => g.length);
          found.push({ digits, accountGrouping: lengths.join('.') === '4.2.5' });
        }
      }
    }
  }
  return found;
}

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
 * (fødselsnummer, d-nummer) or an account number, whatever its check digits and however its
 * digits are grouped or written (full-width, Arabic-Indic …); a phone number; an e-mail address.
 * Returns the kinds found, so that the error can say which without echoing the value. A pure
 * function with no server dependency, so a form can warn while the user types.
 */
export function forbiddenContent(input: string): ForbiddenContent[] {
  const found = new Set<ForbiddenContent>();
  const text = normaliseDigits(input);
  const numbers = text.replace(DATES_WITH_YEAR, ' ; ');
  for (const run of elevenDigitRuns(numbers)) {
    found.add(run.accountGrouping || !looksLikeIdentityNumber(run.digits) ? 'ACCOUNT_NUMBER' : 'IDENTITY_NUMBER');
  }
  // What was read as an identity or account number is not read again as a phone number.
  const rest = withoutDates(numbers.replace(DIGIT_GROUPS, (run) => (elevenDigitRuns(run).length > 0 ? ' ; ' : run)));
  if (findPhoneNumbersInText(rest, 'NO').length > 0) found.add('PHONE_NUMBER');
  if (/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.test(text)) found.add('EMAIL_ADDRESS');
  return [...found];
}
