import { forbiddenContent } from '../forbidden-content';

/** The kinds the form warns about as the user types (the server's check, bundled). */
describe('the referral form’s check on free text', () => {
  it.each([
    ['Ring 912 34 567', ['PHONE_NUMBER']],
    ['kari@example.no', ['EMAIL_ADDRESS']],
    ['15076500565', ['IDENTITY_NUMBER']],
    ['Kontonummer 1234.56.78903', ['ACCOUNT_NUMBER']],
    ['Leksehjelp på tirsdager, 2 barn (4 og 7 år)', []],
    ['Født 15.07.1965, bodd i Oslo 2019–2024', []],
  ])('%p → %p', (text, kinds) => {
    expect(forbiddenContent(text).sort()).toEqual([...kinds].sort());
  });
});
