/** Oslo's bydeler as SSB lists them (KLASS 103). The seeder and the tests both read this list. */
export const OSLO_BYDELER: ReadonlyArray<{ code: string; name: string; administrative: boolean }> = [
  { code: '030101', name: 'Gamle Oslo', administrative: true },
  { code: '030102', name: 'Grünerløkka', administrative: true },
  { code: '030103', name: 'Sagene', administrative: true },
  { code: '030104', name: 'St. Hanshaugen', administrative: true },
  { code: '030105', name: 'Frogner', administrative: true },
  { code: '030106', name: 'Ullern', administrative: true },
  { code: '030107', name: 'Vestre Aker', administrative: true },
  { code: '030108', name: 'Nordre Aker', administrative: true },
  { code: '030109', name: 'Bjerke', administrative: true },
  { code: '030110', name: 'Grorud', administrative: true },
  { code: '030111', name: 'Stovner', administrative: true },
  { code: '030112', name: 'Alna', administrative: true },
  { code: '030113', name: 'Østensjø', administrative: true },
  { code: '030114', name: 'Nordstrand', administrative: true },
  { code: '030115', name: 'Søndre Nordstrand', administrative: true },
  { code: '030116', name: 'Sentrum', administrative: false },
  { code: '030117', name: 'Marka', administrative: false },
];

export const BYDEL_CODE_PATTERN = /^0301(0[1-9]|1[0-7])$/;
