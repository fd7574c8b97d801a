import { pseudonymousReferenceProblem } from '../../referrals/pseudonymous-reference.js';

describe('a volunteer’s (or a resident’s) pseudonymous reference', () => {
  it.each(['RV-2026-014', 'FS-STO-2026-07', 'Ressursvenn 12', 'OK/2026/117'])('%s is a reference', (value) => {
    expect(pseudonymousReferenceProblem(value)).toBeNull();
  });

  it.each([
    ['Kari Nordmann', /never a name/],
    ['RV 412 34 567', /phone number/],
    ['RV +47 41234567', /letters, digits/],
    ['kari2@example.no', /letters, digits/],
    ['RV 010170 12345', /identity number|account number/],
    ['   ', /empty/],
    ['RV-2026-014-'.repeat(5), /at most 40/],
  ])('%s is refused (%s)', (value, problem) => {
    expect(pseudonymousReferenceProblem(value)).toMatch(problem);
  });

  it('never repeats the value in its message', () => {
    expect(pseudonymousReferenceProblem('RV 412 34 567')).not.toContain('412');
  });
});
