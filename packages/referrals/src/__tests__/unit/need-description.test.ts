import { forbiddenContent, NEED_DESCRIPTION_MAX } from '../../modules/referrals/need-description.js';

describe('forbiddenContent: what must never be in a referral’s free text', () => {
  describe('identity numbers: 11 digits whose first six read as a date, whatever the check digits', () => {
    it.each([
      ['13097248022', 'a fødselsnummer'],
      ['Fnr: 13097248022.', 'a fødselsnummer inside a sentence'],
      ['130972 48022', 'written "DDMMYY NNNNN"'],
      ['130972.48022', 'written "DDMMYY.NNNNN"'],
      ['130972 480 22', 'written "DDMMYY NNN NN"'],
      ['53097248016', 'a d-nummer (day + 40)'],
      ['Hun har d-nummer 530972 48016 og trenger tolk.', 'a d-nummer written with a space, in a sentence'],
      ['Fnr 01017012345', 'check digits wrong: a mistyped fødselsnummer still identifies'],
      ['010170 12345', 'check digits wrong, written "DDMMYY NNNNN"'],
      ['13097248023', 'second check digit wrong'],
      ['13097248012', 'first check digit wrong'],
      ['01010112345', 'no valid check digits'],
      ['53097248017', 'a d-nummer with a wrong check digit'],
      ['01457012345', 'an h-nummer (month + 40)'],
      ['i 2 13097248022', 'after another number'],
      ['Fnr 01 01 70 12345', 'written "DD MM YY NNNNN"'],
      ['01.01.70 12345', 'written "DD.MM.YY NNNNN"'],
      ['010170 12 345', 'written "DDMMYY NN NNN"'],
      ['01/01/70-12345', 'written with slashes and a hyphen'],
      ['01 . 01 . 70 - 123 45', 'with spaces around the separators'],
      ['\uff10\uff11\uff10\uff11\uff17\uff10\uff11\uff12\uff13\uff14\uff15', 'in full-width digits'],
      ['\u0660\u0661\u0660\u0661\u0667\u0660\uff11\u0662\u0663\u0664\u0665', 'in Arabic-Indic digits, one full-width'],
      ['\u06f0\u06f1 \u06f0\u06f1 \u06f7\u06f0 \u06f1\u06f2\u06f3\u06f4\u06f5', 'in Persian digits, grouped'],
      ['\u0966\u0967\u0966\u0967\u096d\u0966\u0967\u0968\u0969\u096a\u096b', 'in Devanagari digits'],
      ['ring 22334455 01017012345', 'after a phone number in the same run of groups'],
    ])('%j (%s) → IDENTITY_NUMBER', (text) => {
      expect(forbiddenContent(text)).toEqual(['IDENTITY_NUMBER']);
    });
  });

  describe('account numbers: 11 digits in the 4.2.5 grouping, or that cannot be a birth date', () => {
    it.each([
      ['1234.56.78903', 'NNNN.NN.NNNNN'],
      ['Konto 1234 56 78903', 'NNNN NN NNNNN in a sentence'],
      ['1234.56.78904', 'check digit wrong'],
      ['0101.70.12345', 'grouped as an account, even if it reads as a date'],
      ['12345678903', 'one run that is no date'],
      ['99999999999', 'nonsense that may still be an account'],
    ])('%j (%s) → ACCOUNT_NUMBER', (text) => {
      expect(forbiddenContent(text)).toEqual(['ACCOUNT_NUMBER']);
    });
  });

  describe('longer or shorter runs are not eleven digits', () => {
    it.each([
      ['130972480222', '12 digits: no 11-digit number stands alone'],
      ['1309724802', '10 digits'],
      ['1234.56.7890', 'a 4.2.4 grouping'],
      ['1234.5.78903', 'a 4.1.5 grouping'],
    ])('%j (%s) → no identity or account number', (text) => {
      const found = forbiddenContent(text);
      expect(found).not.toContain('IDENTITY_NUMBER');
      expect(found).not.toContain('ACCOUNT_NUMBER');
    });
  });

  describe('Norwegian phone numbers', () => {
    it.each([
      ['92 34 56 78', 'a mobile number in pairs'],
      ['92345678', 'a mobile number in one'],
      ['+47 22 12 34 56', 'a landline with +47'],
      ['004792345678', 'with the 0047 prefix'],
      ['Ring henne på 922 34 567 etter skolen.', 'a mobile number 3-2-3 in a sentence'],
      ['\u0669\u0662 \u0663\u0664 \u0665\u0666 \u0667\u0668', 'in Arabic-Indic digits'],
      ['\uff19\uff12\uff13\uff14\uff15\uff16\uff17\uff18', 'in full-width digits'],
    ])('%j (%s) → PHONE_NUMBER', (text) => {
      expect(forbiddenContent(text)).toEqual(['PHONE_NUMBER']);
    });
  });

  describe('e-mail addresses', () => {
    it.each([['kari.nordmann@example.org'], ['Skriv til ola+barn@example.no om tider.'], ['KONTAKT@EXAMPLE.COM']])('%j → EMAIL_ADDRESS', (text) => {
      expect(forbiddenContent(text)).toEqual(['EMAIL_ADDRESS']);
    });
  });

  describe('ordinary Norwegian text with numbers is allowed', () => {
    it.each([
      ['2 barn på 6 og 9 år'],
      ['kl. 17.00'],
      ['postnummer 0557'],
      ['Ønsker leksehjelp tirsdager kl. 17.00–19.00 for 2 barn på 6 og 9 år.'],
      ['Bor i bydel Gamle Oslo, postnummer 0557, 3. etasje.'],
      ['Trenger hjelp 3-4 dager i uka, 10-15 timer.'],
      ['Hunden veier 25 kg og er 4 år gammel.'],
      ['Barna er født 15.03.2016 og 01.04.2019.'],
      ['Har 8 000 kr i måneden å leve for.'],
      ['Snakker arabisk og litt norsk (nivå A2).'],
      ['kari@example (ikke en adresse)'],
      // An ISO date or a date with a four-digit year next to a number does not join into eleven digits.
      ['Flyttet 2024-03-15 123 dager siden'],
      ['Født 15.03.2016 12345'],
      // Groups of two or three digits only never make eleven; single digits, commas and words end a run.
      ['uke 10 11 12 13 14 15'],
      ['rom 101 102 103 104'],
      ['barn 10, 12 og 14 år, 1 2 3 4 5 6 7 8 9 0 1'],
      ['Hun har 3 barn: 12 og 345678 (kundenummer)'],
      [''],
    ])('%j → nothing', (text) => {
      expect(forbiddenContent(text)).toEqual([]);
    });
  });

  it('finds several kinds at once, each once, without caring about their order in the text', () => {
    const text = 'E-post kari@example.org, mobil 92 34 56 78, fnr 130972 48022, også ola@example.no og 22 12 34 56.';
    expect(forbiddenContent(text).sort()).toEqual(['EMAIL_ADDRESS', 'IDENTITY_NUMBER', 'PHONE_NUMBER']);
    expect(forbiddenContent('Fnr 13097248022, e-post kari@example.org').sort()).toEqual(['EMAIL_ADDRESS', 'IDENTITY_NUMBER']);
    expect(forbiddenContent('Tlf +47 22 12 34 56 eller kari@example.org').sort()).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    expect(forbiddenContent('Fnr 01017012345, konto 1234.56.78903').sort()).toEqual(['ACCOUNT_NUMBER', 'IDENTITY_NUMBER']);
  });

  it('the need description may be at most 500 characters', () => {
    expect(NEED_DESCRIPTION_MAX).toBe(500);
  });
});

describe('forbiddenContent: dates are not phone numbers', () => {
  it.each([
    ['Flyttet hit 2024-03-15.', 'an ISO date'],
    ['Bodde i Bergen 2019-2024.', 'a year range'],
    ['Bodde i Bergen 2019 – 2024.', 'a year range with spaces and an en dash'],
    ['Termin 15.03.2027.', 'a Norwegian date'],
  ])('%j (%s) → nothing', (text) => {
    expect(forbiddenContent(text)).toEqual([]);
  });

  it('still finds a phone number next to a date', () => {
    expect(forbiddenContent('Fra 2024-03-15 på 92345678.')).toEqual(['PHONE_NUMBER']);
  });

  it('finds a fødselsnummer written "DDMMYY-NNNNN"', () => {
    expect(forbiddenContent('130972-48022')).toEqual(['IDENTITY_NUMBER']);
  });
});
