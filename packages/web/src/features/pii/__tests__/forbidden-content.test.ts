import { forbiddenContent as serverCheck } from '../../../../../referrals/src/modules/referrals/need-description';
import { forbiddenContent } from '../forbidden-content';

/** The form warns exactly when the server would refuse: same answers on every sample. */
const SAMPLES = [
  'Trenger leksehjelp for to barn, helst tirsdager.',
  'Ring meg på 912 34 567',
  'Nummeret er +47 22 00 00 00',
  'Skriv til kari.nordmann@example.no',
  'Fødselsnummer 01010112345',
  'Fnr 15076500565 og mer',
  'Født 15.07.1965, bodd i Oslo 2019–2024',
  'Møte 2026-03-15 klokka 12',
  'Har 3 barn (4, 7 og 11 år) og en hund',
  'Kontonummer 1234.56.78903',
  'Epost: a@b',
];

describe('the browser check on a need description', () => {
  it.each(SAMPLES)('answers as the server does for %p', (text) => {
    expect(forbiddenContent(text).sort()).toEqual(serverCheck(text).sort());
  });

  it('finds each kind', () => {
    expect(forbiddenContent('Ring 912 34 567')).toEqual(['PHONE_NUMBER']);
    expect(forbiddenContent('kari@example.no')).toEqual(['EMAIL_ADDRESS']);
    expect(forbiddenContent('15076500565')).toEqual(['IDENTITY_NUMBER']);
    expect(forbiddenContent('Leksehjelp på tirsdager, 2 barn')).toEqual([]);
  });
});
