const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * Organisasjonsnummer (Brønnøysundregistrene): 9 digits, the last a mod-11 check digit over the
 * first eight with weights 3 2 7 6 5 4 3 2. Remainder 0 gives check digit 0; remainder 1 has no
 * valid check digit, so such numbers are never issued.
 */
export function isValidOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, weight, i) => acc + weight * digits[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check === digits[8];
}
