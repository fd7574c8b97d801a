import { v5 as uuidv5 } from 'uuid';

import { ActivityCategory, TargetGroup } from '../activities/activity-enums.js';

/**
 * The namespace of every id Samspill makes up for an HSDS record that has no row of its own (a
 * taxonomy, a term, a schedule, a language, a cost option…): a v5 UUID of this namespace and a
 * stable name, so that the same record has the same id in every export, on every server.
 * Never change it: integrators store these ids.
 */
export const HSDS_NAMESPACE = '6f1c1a52-53b4-4b8e-9d0e-2f4a1c9e7a10';

/** A stable id for `parts` (e.g. `hsdsId('schedule', serviceId, 0)`). */
export function hsdsId(...parts: ReadonlyArray<string | number>): string {
  return uuidv5(parts.join(':'), HSDS_NAMESPACE);
}

export interface HsdsTerm {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly taxonomy_id: string;
  readonly taxonomy: string;
}

export interface HsdsTaxonomy {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly version: string;
}

export const CATEGORY_TAXONOMY: HsdsTaxonomy = {
  id: hsdsId('taxonomy', 'category'),
  name: 'Samspill categories',
  description: 'What a service in the Samspill directory is: the kinds of activity, and care for the pets of people staying at a shelter.',
  version: '1',
};

export const TARGET_GROUP_TAXONOMY: HsdsTaxonomy = {
  id: hsdsId('taxonomy', 'target-group'),
  name: 'Samspill target groups',
  description: 'Who an activity in the Samspill directory is meant for.',
  version: '1',
};

/**
 * The properties of Samspill records that HSDS has no field for (where an activity is held, who may
 * see it, a bydel…): attributes whose term names the property and whose `value` holds it.
 */
export const PROPERTY_TAXONOMY: HsdsTaxonomy = {
  id: hsdsId('taxonomy', 'property'),
  name: 'Samspill properties',
  description: "Properties of Samspill records that HSDS has no field for; the attribute value holds the property's value.",
  version: '1',
};

export const HSDS_TAXONOMIES: readonly HsdsTaxonomy[] = [CATEGORY_TAXONOMY, TARGET_GROUP_TAXONOMY, PROPERTY_TAXONOMY];

/** The category term of pet-care offers (they have no category of their own). */
export const PET_CARE_CODE = 'PET_CARE' as const;

const CATEGORY_NAMES: Record<ActivityCategory | typeof PET_CARE_CODE, string> = {
  SOCIAL: 'Sosialt fellesskap',
  NETWORK: 'Nettverk',
  CHILDREN: 'Barn',
  YOUTH: 'Ungdom',
  MENTORING: 'Mentor og veiledning',
  PRACTICAL_HELP: 'Praktisk hjelp',
  HOUSING: 'Bolig',
  WORK_AND_EDUCATION: 'Arbeid og utdanning',
  LANGUAGE: 'Språk',
  PHYSICAL_ACTIVITY: 'Fysisk aktivitet',
  CULTURE: 'Kultur',
  PET_CARE: 'Dyrepass',
};

const TARGET_GROUP_NAMES: Record<TargetGroup, string> = {
  CHILDREN: 'Barn',
  YOUTH: 'Ungdom',
  YOUNG_ADULTS: 'Unge voksne (18–29)',
  ADULTS: 'Voksne',
  SENIORS: 'Seniorer (60+)',
  FAMILIES: 'Familier',
  WOMEN_ONLY: 'Kun for kvinner',
  MEN: 'Menn',
  IMMIGRANT_BACKGROUND: 'Innvandrerbakgrunn',
  CHILDREN_WITH_FATHER: 'Barn med far',
};

function term(taxonomy: HsdsTaxonomy, kind: string, code: string, name: string): HsdsTerm {
  return { id: hsdsId('term', kind, code), code, name, description: `${taxonomy.name}: ${name} (${code})`, taxonomy_id: taxonomy.id, taxonomy: taxonomy.name };
}

export const CATEGORY_TERMS: readonly HsdsTerm[] = [...Object.values(ActivityCategory), PET_CARE_CODE as typeof PET_CARE_CODE].map((code) =>
  term(CATEGORY_TAXONOMY, 'category', code, CATEGORY_NAMES[code]),
);
export const TARGET_GROUP_TERMS: readonly HsdsTerm[] = Object.values(TargetGroup).map((code) =>
  term(TARGET_GROUP_TAXONOMY, 'target-group', code, TARGET_GROUP_NAMES[code]),
);
const PROPERTY_NAMES = {
  bydel: 'Bydel (SSB-kode, KLASS 103)',
  place_visibility: 'Hvem som ser adressen (PUBLIC, NETWORK, CONFIDENTIAL)',
  venue_kind: 'Hvor det foregår (LOCATION, AT_SHELTER, ONLINE)',
  audience: 'Hvem som ser tilbudet (PUBLIC, NETWORK)',
  accessibility: 'Tilgjengelighet',
  accessibility_note: 'Om tilgjengelighet',
  care_model: 'Dyrepass: form',
  species: 'Dyrepass: dyreart',
} as const;
export type HsdsProperty = keyof typeof PROPERTY_NAMES;
export const PROPERTY_TERMS: readonly HsdsTerm[] = (Object.keys(PROPERTY_NAMES) as HsdsProperty[]).map((code) =>
  term(PROPERTY_TAXONOMY, 'property', code, PROPERTY_NAMES[code]),
);
export const propertyTerm = (code: HsdsProperty): HsdsTerm => PROPERTY_TERMS.find((t) => t.code === code)!;
export const HSDS_TERMS: readonly HsdsTerm[] = [...CATEGORY_TERMS, ...TARGET_GROUP_TERMS, ...PROPERTY_TERMS];

export const categoryTerm = (code: ActivityCategory | typeof PET_CARE_CODE): HsdsTerm => CATEGORY_TERMS.find((t) => t.code === code)!;
export const targetGroupTerm = (code: TargetGroup): HsdsTerm => TARGET_GROUP_TERMS.find((t) => t.code === code)!;
export const termById = (id: string): HsdsTerm | undefined => HSDS_TERMS.find((t) => t.id === id);
