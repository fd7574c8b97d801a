import type {
  ActivityCategory,
  AgeGroup,
  CareModel,
  ConsentField,
  CostKind,
  JoinMode,
  PetSpecies,
  ReasonCode,
  Species,
  TargetGroup,
  VenueKind,
  Weekday,
} from '../../gql/graphql';

export const CATEGORIES: ActivityCategory[] = [
  'SOCIAL',
  'NETWORK',
  'CHILDREN',
  'YOUTH',
  'MENTORING',
  'PRACTICAL_HELP',
  'HOUSING',
  'WORK_AND_EDUCATION',
  'LANGUAGE',
  'PHYSICAL_ACTIVITY',
  'CULTURE',
];
export const TARGET_GROUPS: TargetGroup[] = [
  'CHILDREN',
  'YOUTH',
  'YOUNG_ADULTS',
  'ADULTS',
  'SENIORS',
  'FAMILIES',
  'WOMEN_ONLY',
  'MEN',
  'IMMIGRANT_BACKGROUND',
  'CHILDREN_WITH_FATHER',
];
export const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const SPECIES: Species[] = ['DOG', 'CAT', 'SMALL_MAMMAL', 'BIRD', 'REPTILE', 'OTHER'];
export const PET_SPECIES: PetSpecies[] = SPECIES;
export const AGE_GROUPS: AgeGroup[] = ['CHILD', 'YOUTH', 'YOUNG_ADULT', 'ADULT', 'SENIOR'];
/** Languages offered in filters and the referral form (ISO 639-1); names come from the catalogue. */
export const LANGUAGE_CODES = ['no', 'en', 'ar', 'so', 'ti', 'fa', 'ur', 'pl', 'uk', 'ru', 'es', 'fr', 'tr', 'ku', 'vi', 'th'];
export const CONSENT_FIELDS: ConsentField[] = ['PSEUDONYMOUS_REFERENCE', 'AGE_GROUP', 'LANGUAGES', 'CHILDREN', 'PETS', 'NEED_DESCRIPTION'];
export const REASONS_FOR: Partial<Record<string, ReasonCode[]>> = {
  DECLINE: ['NO_CAPACITY', 'NOT_ELIGIBLE', 'COULD_NOT_CONTACT', 'RESIDENT_DECLINED'],
  CANCEL: ['RESIDENT_DECLINED', 'NO_LONGER_INTERESTED', 'GOT_HELP', 'REFERRED_ELSEWHERE'],
  COMPLETE: ['GOT_HELP', 'REFERRED_ELSEWHERE'],
  MARK_NOT_COMPLETED: ['COULD_NOT_CONTACT', 'RESIDENT_DECLINED', 'NO_LONGER_INTERESTED', 'NOT_ELIGIBLE', 'REFERRED_ELSEWHERE'],
};
export const VENUE_KINDS: VenueKind[] = ['LOCATION', 'AT_SHELTER', 'ONLINE'];
export const JOIN_MODES: JoinMode[] = ['OPEN', 'SIGN_UP', 'REFERRAL_ONLY'];
export const COST_KINDS: CostKind[] = ['FREE', 'SPONSORED', 'PAID'];
export const CARE_MODELS: CareModel[] = ['FOSTER_HOME', 'KENNEL', 'CATTERY', 'SHELTER_ON_SITE', 'SPONSORED_KENNEL'];
