/**
 * Which of Oslo's 15 administrative bydeler border on each other (by land), for "near" search by
 * bydel: a mother moving to Stovner may also be helped by an offer in Grorud or Alna. Symmetric
 * (a test checks). 16 Sentrum and 17 Marka are statistical units and left out.
 */
export const BYDEL_NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  '030101': ['030102', '030109', '030112', '030113', '030114'], // Gamle Oslo
  '030102': ['030101', '030103', '030104', '030108', '030109'], // Grünerløkka
  '030103': ['030102', '030104', '030108'], // Sagene
  '030104': ['030102', '030103', '030105', '030108'], // St. Hanshaugen
  '030105': ['030104', '030106', '030107', '030108'], // Frogner
  '030106': ['030105', '030107'], // Ullern
  '030107': ['030105', '030106', '030108'], // Vestre Aker
  '030108': ['030102', '030103', '030104', '030105', '030107', '030109'], // Nordre Aker
  '030109': ['030101', '030102', '030108', '030110', '030112'], // Bjerke
  '030110': ['030109', '030111', '030112'], // Grorud
  '030111': ['030110', '030112'], // Stovner
  '030112': ['030101', '030109', '030110', '030111', '030113'], // Alna
  '030113': ['030101', '030112', '030114', '030115'], // Østensjø
  '030114': ['030101', '030113', '030115'], // Nordstrand
  '030115': ['030113', '030114'], // Søndre Nordstrand
};

/** The given bydeler and every bydel bordering on one of them, sorted. */
export function withNeighbours(codes: readonly string[]): string[] {
  return [...new Set(codes.flatMap((code) => [code, ...(BYDEL_NEIGHBOURS[code] ?? [])]))].sort();
}
