import { isValidOrganisationNumber } from '../../common/organisation-number.js';

describe('organisasjonsnummer (mod-11, weights 3 2 7 6 5 4 3 2)', () => {
  it.each([
    ['974760673', 'Brønnøysundregistrene'],
    ['923609016', 'Equinor ASA'],
    ['971524960', 'remainder 0 gives check digit 0'],
    ['100000040', 'remainder 0 gives check digit 0 (constructed)'],
  ])('accepts %s (%s)', (number) => {
    expect(isValidOrganisationNumber(number)).toBe(true);
  });

  it.each([
    ['974760672', 'check digit off by one'],
    ['974760674', 'check digit off by one'],
    ['923609010', 'wrong check digit'],
    ['971524961', 'remainder 0 but check digit 1'],
  ])('refuses %s (%s)', (number) => {
    expect(isValidOrganisationNumber(number)).toBe(false);
  });

  it('refuses every number whose first eight digits give remainder 1: no check digit exists for them', () => {
    // 3·1 + 2·0 + … + 3·1 + 2·3 = 12 → remainder 1
    const candidates = Array.from({ length: 10 }, (_, digit) => `10000013${digit}`);
    expect(candidates.filter(isValidOrganisationNumber)).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['97476067', '8 digits'],
    ['9747606730', '10 digits'],
    ['974 760 673', 'spaces'],
    ['97476067a', 'a letter'],
    ['-74760673', 'a sign'],
    ['９７４７６０６７３', 'full-width digits'],
    ['974760673\n', 'trailing newline'],
  ])('refuses %j (%s)', (value) => {
    expect(isValidOrganisationNumber(value)).toBe(false);
  });
});
