/**
 * Demo data for the directory: plain, deterministic records that reference one another by key.
 *
 * - Organisations with real public names keep `organisationNumber`, `publicPhone` and `publicEmail`
 *   null (we do not invent registry data for real bodies); only well-known web sites are given.
 *   Fictional organisations get a valid, made-up organisasjonsnummer and example.org addresses.
 * - Every person is fictional, with an example.org e-mail address.
 * - Addresses of public meeting places are illustrative: real street names, invented details.
 *   Shelter addresses are fully fictional ("Eksempelveien") and CONFIDENTIAL, without coordinates.
 * - Pet-care offers never say where an animal stays.
 *
 * Time-dependent values are derived by the seeder: `verifiedDaysAgo` → lastVerifiedAt, and every
 * date here (single dates, validity ranges, confirmations), written for DEMO_WRITTEN_FOR
 * (2026-12-01), is moved by whole weeks to the day it seeds; holidays are computed for that day.
 */
import { audienceFitsPlace, widestAudienceAt } from '../modules/activities/activity-audience.js';
import { Accessibility, ActivityCategory, JoinMode, TargetGroup, VenueKind, Weekday } from '../modules/activities/activity-enums.js';
import type { ScheduleData, ScheduledDateData, WeeklySlotData } from '../modules/activities/schedule.js';
import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { CostKind, OfferAudience, OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { VolunteerRequirement, VolunteerRoutineStatus } from '../modules/organisations/volunteer-requirement.enum.js';
import { AnimalSize, CareModel, Species } from '../modules/pet-care/pet-care-enums.js';
import { DEMO_IDS } from './demo-ids.js';

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

export interface DemoOrganisation {
  key: string;
  /** Fixed id for the organisations demo users are scoped to; the others get a derived id. */
  id?: string;
  kind: OrganisationKind;
  name: string;
  description: string;
  organisationNumber: string | null;
  website: string | null;
  publicPhone: string | null;
  publicEmail: string | null;
  parentKey: string | null;
  bydeler: readonly string[];
  mainLocationKey: string | null;
}

export interface DemoVolunteerRoutine {
  organisationKey: string;
  requirement: VolunteerRequirement;
  status: VolunteerRoutineStatus;
  /** ISO date. */
  confirmedOn: string;
  note?: string | null;
}

export interface DemoLocation {
  key: string;
  organisationKey: string;
  name: string;
  streetAddress: string | null;
  postalCode: string | null;
  postalTown: string | null;
  bydel: string | null;
  latitude: number | null;
  longitude: number | null;
  visibility: LocationVisibility;
}

export interface DemoContactPerson {
  key: string;
  organisationKey: string;
  name: string;
  title: string;
  /** E.164. */
  phone: string;
  email: string;
  /** ISO 639-1. */
  languages: readonly string[];
}

export interface DemoVenue {
  venueKind: VenueKind;
  locationKey: string | null;
  /** Bydel code; null for ONLINE and AT_SHELTER. */
  bydel: string | null;
}

export interface DemoActivity extends DemoVenue {
  key: string;
  organisationKey: string;
  title: string;
  description: string;
  category: ActivityCategory;
  targetGroups: readonly TargetGroup[];
  ageMin: number | null;
  ageMax: number | null;
  languages: readonly string[];
  schedule: ScheduleData;
  costKind: CostKind;
  priceNok: number | null;
  capacity: number | null;
  placesAvailable: number | null;
  joinMode: JoinMode;
  accessibility: readonly Accessibility[];
  accessibilityNote: string | null;
  contactKey: string | null;
  status: OfferStatus;
  audience: OfferAudience;
  /** lastVerifiedAt = seeding time minus this many days. */
  verifiedDaysAgo: number;
  /** What it asks of its volunteers, for follow-ups (mentoring, practical help after the shelter). */
  volunteers?: { commitmentMonths: number | null; requiresVolunteerCourse: boolean; womenOnlyVolunteers: boolean };
}

export interface DemoPetCareOffer {
  key: string;
  organisationKey: string;
  title: string;
  description: string;
  careModel: CareModel;
  species: readonly Species[];
  maxAnimalSize: AnimalSize | null;
  maxAnimals: number | null;
  maxStayDays: number | null;
  costKind: CostKind;
  pricePerDayNok: number | null;
  vaccinationRequired: boolean;
  vetCheckRequired: boolean;
  requirementsNote: string | null;
  bydeler: readonly string[];
  placesAvailable: number | null;
  contactKey: string | null;
  status: OfferStatus;
  verifiedDaysAgo: number;
  /** For a SPONSORED_KENNEL run by a kennel: the sponsor that pays for its places. */
  sponsorKey?: string;
}

/** Subject id recorded as the confirmer of demo volunteer routines. */
export const DEMO_CONFIRMED_BY = 'admin-demo';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ORG_NUMBER_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Organisasjonsnummer check: 9 digits, mod-11 check digit (remainder 1 is never issued). */
export function isValidDemoOrganisationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const remainder = ORG_NUMBER_WEIGHTS.reduce((sum, weight, i) => sum + weight * digits[i]!, 0) % 11;
  if (remainder === 1) return false;
  return (remainder === 0 ? 0 : 11 - remainder) === digits[8];
}

const ADMINISTRATIVE_BYDELER = [
  '030101',
  '030102',
  '030103',
  '030104',
  '030105',
  '030106',
  '030107',
  '030108',
  '030109',
  '030110',
  '030111',
  '030112',
  '030113',
  '030114',
  '030115',
] as const;
/** All 15 administrative bydeler plus Sentrum. */
const ALL_BYDELER: readonly string[] = [...ADMINISTRATIVE_BYDELER, '030116'];

const { MONDAY: MON, TUESDAY: TUE, WEDNESDAY: WED, THURSDAY: THU, FRIDAY: FRI, SATURDAY: SAT, SUNDAY: SUN } = Weekday;

function slot(weekday: Weekday, startTime: string, endTime: string): WeeklySlotData {
  return { weekday, startTime, endTime };
}

/** A weekly pattern; the seeder adds the public holidays of the coming year on its weekdays as exceptions. */
function weekly(slots: WeeklySlotData[], range: { validFrom?: string; validUntil?: string } = {}): ScheduleData {
  return { weekly: slots, exceptions: [], dates: [], validFrom: range.validFrom ?? null, validUntil: range.validUntil ?? null };
}

/** Single dates instead of a weekly pattern. */
function onDates(startTime: string, endTime: string, ...dates: string[]): ScheduleData {
  const scheduled: ScheduledDateData[] = dates.map((date) => ({ date, startTime, endTime }));
  return { weekly: [], exceptions: [], dates: scheduled };
}

// ---------------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------------

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  {
    key: 'oslo-krisesenter',
    id: DEMO_IDS.osloKrisesenter,
    kind: OrganisationKind.SHELTER,
    name: 'Oslo Krisesenter',
    description:
      'Krisesenter for kvinner og barn som er utsatt for vold eller trusler om vold i nære relasjoner. ' +
      'Tilbudet er gratis, og du trenger ikke henvisning. Adressen er skjermet.',
    organisationNumber: null,
    website: 'https://www.oslokrisesenter.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    // A shelter serves all of Oslo; its bydeler are never recorded (see OrganisationService).
    bydeler: [],
    mainLocationKey: 'okr-skjermet',
  },
  {
    key: 'krisesenter-menn',
    id: DEMO_IDS.krisesenterForMenn,
    kind: OrganisationKind.SHELTER,
    name: 'Tryggstad krisesenter for menn',
    description:
      'Fiktivt demosenter: botilbud og samtaler for menn, og menn med barn, som er utsatt for vold i nære relasjoner. ' +
      'Døgnåpen telefon, gratis og uten henvisning. Adressen er skjermet.',
    organisationNumber: '921746318',
    website: null,
    publicPhone: '+4721000101',
    publicEmail: 'tryggstad@example.org',
    parentKey: null,
    bydeler: [],
    mainLocationKey: 'menn-skjermet',
  },
  {
    key: 'oslo-rode-kors',
    id: DEMO_IDS.osloRodeKors,
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Oslo Røde Kors',
    description:
      'Oslo Røde Kors driver frivillige aktiviteter over hele byen: leksehjelp, flyktningguide, familienettverk, ' +
      'møteplasser og hjelp med bolig og arbeid.',
    organisationNumber: null,
    website: 'https://www.rodekors.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ALL_BYDELER,
    mainLocationKey: 'ork-hausmanns',
  },
  {
    key: 'rode-kors-ungdom',
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Oslo Røde Kors Ungdom',
    description: 'Ungdomsorganisasjonen i Oslo Røde Kors. Unge frivillige driver leksehjelp og aktivitetstilbud for ungdom.',
    organisationNumber: null,
    website: 'https://www.rodekors.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: 'oslo-rode-kors',
    bydeler: ['030102', '030103', '030104', '030116'],
    mainLocationKey: 'rku-torshov',
  },
  {
    key: 'redd-barna',
    id: DEMO_IDS.reddBarna,
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Redd Barna',
    description:
      'Redd Barna arbeider for barns rettigheter. I Oslo driver frivillige familietreff, ferietilbud og ' +
      'aktivitetsgrupper for barn, også for barn som bor på krisesenter.',
    organisationNumber: null,
    website: 'https://www.reddbarna.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030101', '030106', '030109', '030110', '030112', '030115'],
    mainLocationKey: 'rb-toyen',
  },
  {
    key: 'oslo-sanitetsforening',
    id: DEMO_IDS.osloSanitetsforening,
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Oslo Sanitetsforening',
    description:
      'Oslo Sanitetsforening driver blant annet Ressursvenn: frivillige ressursvenner gir praktisk og sosial støtte ' +
      'til kvinner som har vært utsatt for vold i nære relasjoner, i overgangen fra krisesenter til et nytt liv.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ALL_BYDELER,
    mainLocationKey: 'os-bislett',
  },
  {
    key: 'kirkens-bymisjon',
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Kirkens Bymisjon Oslo',
    description: 'Møteplasser, matutdeling og boligveiledning for mennesker i en vanskelig livssituasjon.',
    organisationNumber: null,
    website: 'https://www.kirkensbymisjon.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030101', '030104', '030113', '030116'],
    mainLocationKey: 'kb-sentrum',
  },
  {
    key: 'norsk-folkehjelp',
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Norsk Folkehjelp Oslo',
    description: 'Frivillige i Norsk Folkehjelp Oslo driver norsktrening, førstehjelpskurs og kurs om bolig og rettigheter.',
    organisationNumber: null,
    website: 'https://www.folkehjelp.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030109', '030112'],
    mainLocationKey: 'nf-furuset',
  },
  {
    key: 'dnt-oslo',
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'DNT Oslo og Omegn',
    description: 'Turer i Oslomarka med frivillige turledere, for familier, nye i Norge og alle som vil ut på tur.',
    organisationNumber: null,
    website: 'https://www.dnt.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030107', '030108', '030114', '030117'],
    mainLocationKey: null,
  },
  {
    key: 'kvinnenettverket-alna',
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Kvinnenettverket Alna',
    description: 'Fiktiv demoforening: samtalegrupper og norskkurs med barnepass for kvinner i Groruddalen.',
    organisationNumber: '923588116',
    website: null,
    publicPhone: '+4721000102',
    publicEmail: 'kvinnenettverket-alna@example.org',
    parentKey: null,
    bydeler: ['030110', '030111', '030112'],
    mainLocationKey: 'kn-haugerud',
  },
  {
    key: 'hjulkraft',
    kind: OrganisationKind.VOLUNTARY_ORGANISATION,
    name: 'Hjulkraft sykkelverksted',
    description: 'Fiktiv demoforening: gratis sykkelverksted og sykkelkurs for voksne, drevet av frivillige mekanikere.',
    organisationNumber: '918462074',
    website: 'https://hjulkraft.example.org',
    publicPhone: '+4721000103',
    publicEmail: 'hjulkraft@example.org',
    parentKey: null,
    bydeler: ['030101', '030102'],
    mainLocationKey: 'hk-gronland',
  },
  {
    key: 'fs-grunerlokka',
    id: DEMO_IDS.grunerlokkaFrivilligsentral,
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Grünerløkka frivilligsentral',
    description: 'Frivilligsentralen i bydel Grünerløkka: møteplasser, språkkafé, strikkekafé og fellesmiddag.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030102'],
    mainLocationKey: 'fs-grunerlokka',
  },
  {
    key: 'fs-sagene',
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Sagene frivilligsentral',
    description: 'Frivilligsentralen i bydel Sagene: turgrupper, digital hjelp og sosiale treff.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030103'],
    mainLocationKey: 'fs-sagene',
  },
  {
    key: 'fs-frogner',
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Frogner frivilligsentral',
    description: 'Frivilligsentralen i bydel Frogner: norsktrening, seniortreff, jobbmentor og kulturtilbud.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030105'],
    mainLocationKey: 'fs-frogner',
  },
  {
    key: 'fs-stovner',
    id: DEMO_IDS.stovnerFrivilligsentral,
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Stovner frivilligsentral',
    description: 'Frivilligsentralen i bydel Stovner: kvinnetreff, leksehjelp, fredagsklubb og fortellerkafé.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030111'],
    mainLocationKey: 'fs-stovner',
  },
  {
    key: 'fs-sondre-nordstrand',
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Søndre Nordstrand frivilligsentral',
    description: 'Frivilligsentralen i bydel Søndre Nordstrand: språkkafé, jobbklubb og sykkelverksted for barn og unge.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030115'],
    mainLocationKey: 'fs-sondre-nordstrand',
  },
  {
    key: 'fs-vestre-aker',
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Vestre Aker frivilligsentral',
    description: 'Frivilligsentralen i bydel Vestre Aker: turvenner, leksehjelp og kulturkafé.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030107'],
    mainLocationKey: 'fs-vestre-aker',
  },
  {
    key: 'fs-nordre-aker',
    kind: OrganisationKind.VOLUNTEER_CENTRE,
    name: 'Nordre Aker frivilligsentral',
    description: 'Frivilligsentralen i bydel Nordre Aker: utlån av fritidsutstyr, kor og jobbsøkerkafé.',
    organisationNumber: null,
    website: null,
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030108'],
    mainLocationKey: 'fs-nordre-aker',
  },
  {
    key: 'bydel-grunerlokka-familiesenter',
    id: DEMO_IDS.bydelGrunerlokkaFamiliesenter,
    kind: OrganisationKind.BYDEL_SERVICE,
    name: 'Bydel Grünerløkka – familiesenter',
    description: 'Bydelens lavterskeltilbud for barnefamilier: åpen barnehage, foreldregrupper og veiledning om bolig og økonomi.',
    organisationNumber: null,
    website: 'https://www.oslo.kommune.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030102'],
    mainLocationKey: 'bs-grunerlokka',
  },
  {
    key: 'bydel-sondre-nordstrand-ungdom',
    kind: OrganisationKind.BYDEL_SERVICE,
    name: 'Bydel Søndre Nordstrand – ungdomstjenesten',
    description: 'Bydelens fritidstilbud for ungdom 13–18 år: ungdomsklubb og hjelp til å søke sommerjobb.',
    organisationNumber: null,
    website: 'https://www.oslo.kommune.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ['030115'],
    mainLocationKey: 'bs-sondre-nordstrand',
  },
  {
    key: 'dyrebeskyttelsen',
    id: DEMO_IDS.dyrebeskyttelsen,
    kind: OrganisationKind.ANIMAL_WELFARE,
    name: 'Dyrebeskyttelsen Norge Oslo og Akershus',
    description:
      'Frivillige fosterhjem for hund, katt og smådyr, blant annet for dyr som ikke kan bli med eieren til krisesenteret. ' +
      'Forespørsler går alltid via krisesenterets ansatte.',
    organisationNumber: null,
    website: 'https://www.dyrebeskyttelsen.no',
    publicPhone: null,
    publicEmail: null,
    parentKey: null,
    bydeler: ALL_BYDELER,
    mainLocationKey: null,
  },
  {
    key: 'poteringen',
    kind: OrganisationKind.ANIMAL_WELFARE,
    name: 'Poteringen dyrehjelp',
    description: 'Fiktiv demoforening: frivillige fosterhjem for smådyr, fugler og krypdyr.',
    organisationNumber: '926103946',
    website: null,
    publicPhone: '+4721000104',
    publicEmail: 'poteringen@example.org',
    parentKey: null,
    bydeler: ALL_BYDELER,
    mainLocationKey: null,
  },
  {
    key: 'trygg-pote',
    id: DEMO_IDS.kennelSponsor,
    kind: OrganisationKind.SPONSOR,
    name: 'Stiftelsen Trygg Pote',
    description: 'Fiktiv demostiftelse som betaler hunde- og kattepensjonat for dyr som eier ikke kan ta med seg på krisesenter.',
    organisationNumber: '930771538',
    website: 'https://tryggpote.example.org',
    publicPhone: '+4721000105',
    publicEmail: 'tryggpote@example.org',
    parentKey: null,
    bydeler: ALL_BYDELER,
    mainLocationKey: null,
  },
  {
    key: 'granli-pensjonat',
    kind: OrganisationKind.SPONSOR,
    name: 'Granli hunde- og kattepensjonat',
    description: 'Fiktivt demopensjonat som tilbyr pensjonatplass til redusert pris og sponser enkelte plasser for dyr fra krisesentre.',
    organisationNumber: '915298478',
    website: null,
    publicPhone: '+4721000106',
    publicEmail: 'granli@example.org',
    parentKey: null,
    bydeler: ALL_BYDELER,
    mainLocationKey: null,
  },
];

// ---------------------------------------------------------------------------------------------
// Volunteer routines (krav til frivillige)
// ---------------------------------------------------------------------------------------------

const { BASIC_TRAINING, CONFIDENTIALITY_DECLARATION, POLICE_CERTIFICATE } = VolunteerRequirement;
const { CONFIRMED, NOT_APPLICABLE } = VolunteerRoutineStatus;

function routines(organisationKey: string, entries: Array<[VolunteerRequirement, VolunteerRoutineStatus, string, string?]>): DemoVolunteerRoutine[] {
  return entries.map(([requirement, status, confirmedOn, note]) => ({ organisationKey, requirement, status, confirmedOn, note: note ?? null }));
}

const NO_LEGAL_BASIS = 'Frivillige arbeider bare med voksne; det er ikke hjemmel for å kreve politiattest.';

export const DEMO_VOLUNTEER_ROUTINES: readonly DemoVolunteerRoutine[] = [
  ...routines('oslo-rode-kors', [
    [BASIC_TRAINING, CONFIRMED, '2026-02-10'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-02-10'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-03-02'],
  ]),
  ...routines('rode-kors-ungdom', [
    [BASIC_TRAINING, CONFIRMED, '2026-03-15'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-03-15'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-03-20'],
  ]),
  ...routines('redd-barna', [
    [BASIC_TRAINING, CONFIRMED, '2026-01-20'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-01-20'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-01-27'],
  ]),
  ...routines('oslo-sanitetsforening', [
    [BASIC_TRAINING, CONFIRMED, '2026-04-08'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-04-08'],
    [POLICE_CERTIFICATE, NOT_APPLICABLE, '2026-04-08', NO_LEGAL_BASIS],
  ]),
  ...routines('kirkens-bymisjon', [
    [BASIC_TRAINING, CONFIRMED, '2026-05-12'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-05-12'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-05-19'],
  ]),
  // Does NOT meet the requirements: the police-certificate routine has not been confirmed.
  ...routines('norsk-folkehjelp', [
    [BASIC_TRAINING, CONFIRMED, '2026-06-03'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-06-03'],
  ]),
  // Does NOT meet the requirements: no basic training on violence in close relationships yet.
  ...routines('kvinnenettverket-alna', [
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-09-14'],
    [POLICE_CERTIFICATE, NOT_APPLICABLE, '2026-09-14', NO_LEGAL_BASIS],
  ]),
  ...routines('fs-grunerlokka', [
    [BASIC_TRAINING, CONFIRMED, '2026-02-24'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-02-24'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-02-24', 'Politiattest kreves for frivillige i leksehjelpen.'],
  ]),
  ...routines('fs-sagene', [
    [BASIC_TRAINING, CONFIRMED, '2026-08-18'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-08-18'],
    [POLICE_CERTIFICATE, NOT_APPLICABLE, '2026-08-18', NO_LEGAL_BASIS],
  ]),
  ...routines('fs-frogner', [
    [BASIC_TRAINING, CONFIRMED, '2026-10-01'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-10-01'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-10-06'],
  ]),
  // Does NOT meet the requirements: basic training is missing.
  ...routines('fs-stovner', [
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-05-27'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-05-27'],
  ]),
  ...routines('fs-sondre-nordstrand', [
    [BASIC_TRAINING, CONFIRMED, '2026-03-09'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-03-09'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-03-11'],
  ]),
  ...routines('fs-vestre-aker', [
    [BASIC_TRAINING, CONFIRMED, '2026-09-02'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-09-02'],
    [POLICE_CERTIFICATE, CONFIRMED, '2026-09-02'],
  ]),
  ...routines('dyrebeskyttelsen', [
    [BASIC_TRAINING, CONFIRMED, '2026-06-22'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-06-22'],
    [POLICE_CERTIFICATE, NOT_APPLICABLE, '2026-06-22', 'Fosterhjemmene møter ikke eierne; det er ikke hjemmel for å kreve politiattest.'],
  ]),
  ...routines('poteringen', [
    [BASIC_TRAINING, CONFIRMED, '2026-07-01'],
    [CONFIDENTIALITY_DECLARATION, CONFIRMED, '2026-07-01'],
    [POLICE_CERTIFICATE, NOT_APPLICABLE, '2026-07-01', 'Fosterhjemmene møter ikke eierne; det er ikke hjemmel for å kreve politiattest.'],
  ]),
];

// ---------------------------------------------------------------------------------------------
// Locations
// ---------------------------------------------------------------------------------------------

function place(
  key: string,
  organisationKey: string,
  name: string,
  streetAddress: string | null,
  postalCode: string,
  bydel: string,
  latitude: number,
  longitude: number,
  visibility: LocationVisibility = LocationVisibility.PUBLIC,
): DemoLocation {
  return { key, organisationKey, name, streetAddress, postalCode, postalTown: 'OSLO', bydel, latitude, longitude, visibility };
}

const NETWORK_ONLY = LocationVisibility.NETWORK;

export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  // Shelters: fictional addresses, confidential, deliberately without bydel or coordinates.
  {
    key: 'okr-skjermet',
    organisationKey: 'oslo-krisesenter',
    name: 'Oslo Krisesenter (skjermet adresse)',
    streetAddress: 'Eksempelveien 10',
    postalCode: '0561',
    postalTown: 'OSLO',
    bydel: null,
    latitude: null,
    longitude: null,
    visibility: LocationVisibility.CONFIDENTIAL,
  },
  {
    key: 'menn-skjermet',
    organisationKey: 'krisesenter-menn',
    name: 'Tryggstad krisesenter for menn (skjermet adresse)',
    streetAddress: 'Eksempelgata 3',
    postalCode: '0672',
    postalTown: 'OSLO',
    bydel: null,
    latitude: null,
    longitude: null,
    visibility: LocationVisibility.CONFIDENTIAL,
  },
  place('ork-hausmanns', 'oslo-rode-kors', 'Oslo Røde Kors, Hausmanns gate', 'Hausmanns gate 7', '0186', '030101', 59.9146, 10.7545),
  place('ork-grorud', 'oslo-rode-kors', 'Røde Kors-treffpunkt Grorud', 'Grorudveien 51', '0976', '030110', 59.9607, 10.8808),
  place('ork-furuset', 'oslo-rode-kors', 'Røde Kors-treffpunkt Furuset', 'Trygve Lies plass 1', '1051', '030112', 59.9402, 10.8951),
  place('ork-holmlia', 'oslo-rode-kors', 'Røde Kors-treffpunkt Holmlia', 'Holmlia senter vei 16', '1255', '030115', 59.8357, 10.7966),
  place('rku-torshov', 'rode-kors-ungdom', 'Røde Kors Ungdom, Torshov', 'Vogts gate 30', '0474', '030103', 59.9347, 10.7653),
  place('rb-toyen', 'redd-barna', 'Redd Barna Tøyen – aktivitetslokale', 'Hagegata 28', '0653', '030101', 59.9139, 10.7712),
  place('rb-romsas', 'redd-barna', 'Redd Barna Romsås', 'Romsåsveien 29', '0970', '030110', 59.9628, 10.8943),
  place('rb-linderud', 'redd-barna', 'Redd Barna Linderud', 'Erich Mogensøns vei 38', '0594', '030109', 59.9401, 10.8372),
  place('rb-tveita', 'redd-barna', 'Redd Barna Tveita', 'Tvetenveien 150', '0671', '030112', 59.9142, 10.8436),
  place('rb-mortensrud', 'redd-barna', 'Redd Barna Mortensrud', 'Mortensrud torg 5', '1283', '030115', 59.8484, 10.8297),
  place('rb-skoyen', 'redd-barna', 'Redd Barna Skøyen – sommerbase', 'Hoffsveien 10', '0275', '030106', 59.9226, 10.6791),
  place('os-bislett', 'oslo-sanitetsforening', 'Oslo Sanitetsforening – møterom Bislett', 'Pilestredet 60', '0167', '030104', 59.9253, 10.7359, NETWORK_ONLY),
  place('os-ullern', 'oslo-sanitetsforening', 'Sanitetshuset Ullern', 'Ullernchausseen 64', '0379', '030106', 59.9268, 10.6602),
  place('os-oppsal', 'oslo-sanitetsforening', 'Sanitetslokalet Oppsal', 'Oppsalstubben 10', '0685', '030113', 59.8931, 10.8392),
  place('os-lambertseter', 'oslo-sanitetsforening', 'Sanitetslokalet Lambertseter', 'Cecilie Thoresens vei 10', '1153', '030114', 59.8752, 10.8101),
  place('kb-sentrum', 'kirkens-bymisjon', 'Kirkens Bymisjon – kafé i sentrum', 'Tollbugata 20', '0152', '030116', 59.9099, 10.747),
  place('kb-st-hanshaugen', 'kirkens-bymisjon', 'Kirkens Bymisjon – seniorkafé St. Hanshaugen', 'Ullevålsveien 40', '0171', '030104', 59.924, 10.74),
  place('kb-boler', 'kirkens-bymisjon', 'Kirkens Bymisjon Bøler', 'Bølerlia 15', '0689', '030113', 59.8849, 10.8463),
  place('nf-furuset', 'norsk-folkehjelp', 'Norsk Folkehjelp Oslo – Furuset', 'Furusetveien 10', '1053', '030112', 59.939, 10.899),
  place('nf-arvoll', 'norsk-folkehjelp', 'Norsk Folkehjelp Oslo – Årvoll', 'Årvollveien 20', '0590', '030109', 59.9489, 10.8152),
  place('dnt-sognsvann', 'dnt-oslo', 'Oppmøte: Sognsvann T-banestasjon', null, '0863', '030108', 59.9675, 10.7329),
  place('dnt-frognerseteren', 'dnt-oslo', 'Oppmøte: Frognerseteren T-banestasjon', null, '0791', '030107', 59.9773, 10.6776),
  place('dnt-ljan', 'dnt-oslo', 'Oppmøte: Ljan stasjon', null, '1169', '030114', 59.857, 10.788),
  place('kn-haugerud', 'kvinnenettverket-alna', 'Kvinnenettverket Alna – lokale Haugerud', 'Haugerudveien 50', '0673', '030112', 59.922, 10.856, NETWORK_ONLY),
  place('hk-gronland', 'hjulkraft', 'Hjulkraft sykkelverksted', 'Tøyengata 12', '0190', '030101', 59.913, 10.762),
  place('fs-grunerlokka', 'fs-grunerlokka', 'Grünerløkka frivilligsentral', 'Thorvald Meyers gate 50', '0555', '030102', 59.9229, 10.759),
  place('fs-sagene', 'fs-sagene', 'Sagene frivilligsentral', 'Bentsebrugata 20', '0476', '030103', 59.9378, 10.7563),
  place('fs-frogner', 'fs-frogner', 'Frogner frivilligsentral', 'Bygdøy allé 50', '0265', '030105', 59.9161, 10.7102),
  place('fs-stovner', 'fs-stovner', 'Stovner frivilligsentral', 'Karl Fossums vei 20', '0985', '030111', 59.9621, 10.9229),
  place('fs-sondre-nordstrand', 'fs-sondre-nordstrand', 'Søndre Nordstrand frivilligsentral', 'Holmlia senter vei 18', '1255', '030115', 59.836, 10.7972),
  place('fs-vestre-aker', 'fs-vestre-aker', 'Vestre Aker frivilligsentral', 'Slemdalsveien 70', '0373', '030107', 59.9426, 10.7049),
  place('fs-nordre-aker', 'fs-nordre-aker', 'Nordre Aker frivilligsentral', 'Tåsenveien 70', '0873', '030108', 59.9541, 10.7512),
  place('bs-grunerlokka', 'bydel-grunerlokka-familiesenter', 'Familiesenteret Grünerløkka', 'Trondheimsveien 100', '0565', '030102', 59.927, 10.778),
  place('bs-sondre-nordstrand', 'bydel-sondre-nordstrand-ungdom', 'Ungdomsklubben Mortensrud', 'Mortensrudveien 10', '1283', '030115', 59.847, 10.8285),
];

const LOCATION_BY_KEY = new Map(DEMO_LOCATIONS.map((l) => [l.key, l]));

function at(locationKey: string): DemoVenue {
  const location = LOCATION_BY_KEY.get(locationKey);
  if (!location) throw new Error(`demo data: unknown location ${locationKey}`);
  return { venueKind: VenueKind.LOCATION, locationKey, bydel: location.bydel };
}

/** Held at a shelter: points at its confidential location; no bydel is exposed. */
function atShelter(locationKey = 'okr-skjermet'): DemoVenue {
  return { venueKind: VenueKind.AT_SHELTER, locationKey, bydel: null };
}

const ONLINE: DemoVenue = { venueKind: VenueKind.ONLINE, locationKey: null, bydel: null };

// ---------------------------------------------------------------------------------------------
// Contact persons (all fictional)
// ---------------------------------------------------------------------------------------------

function person(organisationKey: string, n: 1 | 2, name: string, title: string, phone: string, email: string, languages: string[]): DemoContactPerson {
  return { key: `${organisationKey}/${n}`, organisationKey, name, title, phone, email, languages };
}

export const DEMO_CONTACT_PERSONS: readonly DemoContactPerson[] = [
  person('oslo-krisesenter', 1, 'Ingrid Haugland', 'Miljøterapeut', '+4740000101', 'ingrid.haugland@example.org', ['no', 'en']),
  person('oslo-krisesenter', 2, 'Amina Warsame', 'Koordinator for frivillige', '+4740000102', 'amina.warsame@example.org', ['no', 'so', 'en', 'ar']),
  person('krisesenter-menn', 1, 'Thomas Berg-Olsen', 'Daglig leder', '+4740000103', 'thomas.berg-olsen@example.org', ['no', 'en']),
  person('krisesenter-menn', 2, 'Dawit Tesfay', 'Miljøarbeider', '+4740000104', 'dawit.tesfay@example.org', ['no', 'ti', 'en']),
  person('oslo-rode-kors', 1, 'Marte Solberg', 'Frivillighetskoordinator', '+4740000105', 'marte.solberg@example.org', ['no', 'en']),
  person('oslo-rode-kors', 2, 'Khalid Mahmood', 'Prosjektleder flyktningguide', '+4740000106', 'khalid.mahmood@example.org', ['no', 'ur', 'en']),
  person('rode-kors-ungdom', 1, 'Sondre Lie', 'Leder for leksehjelpen', '+4740000107', 'sondre.lie@example.org', ['no', 'en']),
  person('rode-kors-ungdom', 2, 'Hiba Al-Jaberi', 'Aktivitetsleder', '+4740000108', 'hiba.al-jaberi@example.org', ['no', 'ar', 'en']),
  person('redd-barna', 1, 'Camilla Nguyen', 'Frivillighetsrådgiver', '+4740000109', 'camilla.nguyen@example.org', ['no', 'en']),
  person('redd-barna', 2, 'Jonas Eide', 'Koordinator barneaktiviteter', '+4740000110', 'jonas.eide@example.org', ['no', 'en']),
  person('oslo-sanitetsforening', 1, 'Randi Bakke', 'Koordinator Ressursvenn', '+4740000111', 'randi.bakke@example.org', ['no', 'en']),
  person('oslo-sanitetsforening', 2, 'Shirin Rahimi', 'Koordinator Ressursvenn', '+4740000112', 'shirin.rahimi@example.org', ['no', 'fa', 'en']),
  person('kirkens-bymisjon', 1, 'Per-Erik Dahl', 'Leder møteplass', '+4740000113', 'per-erik.dahl@example.org', ['no']),
  person('kirkens-bymisjon', 2, 'Fatuma Abdi', 'Boligveileder', '+4740000114', 'fatuma.abdi@example.org', ['no', 'so', 'en']),
  person('norsk-folkehjelp', 1, 'Agnieszka Nowak', 'Frivillighetskoordinator', '+4740000115', 'agnieszka.nowak@example.org', ['no', 'pl', 'en']),
  person('norsk-folkehjelp', 2, 'Henrik Aasen', 'Kursansvarlig', '+4740000116', 'henrik.aasen@example.org', ['no']),
  person('dnt-oslo', 1, 'Silje Moen', 'Turleder', '+4740000117', 'silje.moen@example.org', ['no', 'en']),
  person('dnt-oslo', 2, 'Bilal Chaudhry', 'Turleder', '+4740000118', 'bilal.chaudhry@example.org', ['no', 'ur', 'en']),
  person('kvinnenettverket-alna', 1, 'Samira Haddad', 'Styreleder', '+4740000119', 'samira.haddad@example.org', ['no', 'ar']),
  person('kvinnenettverket-alna', 2, 'Senait Ghebremedhin', 'Gruppeleder', '+4740000120', 'senait.ghebremedhin@example.org', ['no', 'ti']),
  person('hjulkraft', 1, 'Ole Martin Strand', 'Verkstedleder', '+4740000121', 'ole.martin.strand@example.org', ['no', 'en']),
  person('hjulkraft', 2, 'Oksana Kovalenko', 'Sykkelinstruktør', '+4740000122', 'oksana.kovalenko@example.org', ['no', 'uk', 'en']),
  person('fs-grunerlokka', 1, 'Hanne Kristiansen', 'Daglig leder', '+4740000123', 'hanne.kristiansen@example.org', ['no', 'en']),
  person('fs-grunerlokka', 2, 'Yusuf Ali', 'Frivillighetskoordinator', '+4740000124', 'yusuf.ali@example.org', ['no', 'so', 'ar']),
  person('fs-sagene', 1, 'Lars Vik', 'Daglig leder', '+4740000125', 'lars.vik@example.org', ['no']),
  person('fs-sagene', 2, 'Noor Hussain', 'Aktivitetskoordinator', '+4740000126', 'noor.hussain@example.org', ['no', 'ur', 'en']),
  person('fs-frogner', 1, 'Elisabeth Wang', 'Daglig leder', '+4740000127', 'elisabeth.wang@example.org', ['no', 'en']),
  person('fs-frogner', 2, 'Mykola Shevchenko', 'Koordinator norsktrening', '+4740000128', 'mykola.shevchenko@example.org', ['no', 'uk', 'en']),
  person('fs-stovner', 1, 'Ayan Farah', 'Daglig leder', '+4740000129', 'ayan.farah@example.org', ['no', 'so', 'en']),
  person('fs-stovner', 2, 'Kjetil Nilsen', 'Ungdomskoordinator', '+4740000130', 'kjetil.nilsen@example.org', ['no']),
  person('fs-sondre-nordstrand', 1, 'Mari Johansen', 'Daglig leder', '+4740000131', 'mari.johansen@example.org', ['no', 'en']),
  person('fs-sondre-nordstrand', 2, 'Tsegay Berhane', 'Frivillighetskoordinator', '+4740000132', 'tsegay.berhane@example.org', ['no', 'ti']),
  person('fs-vestre-aker', 1, 'Astrid Lund', 'Daglig leder', '+4740000133', 'astrid.lund@example.org', ['no']),
  person('fs-vestre-aker', 2, 'Reza Karimi', 'Koordinator leksehjelp', '+4740000134', 'reza.karimi@example.org', ['no', 'fa']),
  person('fs-nordre-aker', 1, 'Knut Halvorsen', 'Daglig leder', '+4740000135', 'knut.halvorsen@example.org', ['no']),
  person('fs-nordre-aker', 2, 'Maja Zielińska', 'Aktivitetskoordinator', '+4740000136', 'maja.zielinska@example.org', ['no', 'pl']),
  person('bydel-grunerlokka-familiesenter', 1, 'Kristin Aune', 'Familieveileder', '+4740000137', 'kristin.aune@example.org', ['no', 'en']),
  person('bydel-grunerlokka-familiesenter', 2, 'Abdirahman Hassan', 'Boligkonsulent', '+4740000138', 'abdirahman.hassan@example.org', ['no', 'so']),
  person('bydel-sondre-nordstrand-ungdom', 1, 'Ellen Nygård', 'Fritidsleder', '+4740000139', 'ellen.nygard@example.org', ['no']),
  person('bydel-sondre-nordstrand-ungdom', 2, 'Arjun Sharma', 'Ungdomsarbeider', '+4740000140', 'arjun.sharma@example.org', ['no', 'en']),
  person('dyrebeskyttelsen', 1, 'Guri Hansen', 'Koordinator fosterhjem', '+4740000141', 'guri.hansen@example.org', ['no', 'en']),
  person('dyrebeskyttelsen', 2, 'Tomasz Wiśniewski', 'Frivillig koordinator', '+4740000142', 'tomasz.wisniewski@example.org', ['no', 'pl']),
  person('poteringen', 1, 'Linnea Berge', 'Leder', '+4740000143', 'linnea.berge@example.org', ['no']),
  person('poteringen', 2, 'Daniel Ahmed', 'Fosterhjemskontakt', '+4740000144', 'daniel.ahmed@example.org', ['no', 'en', 'ar']),
  person('trygg-pote', 1, 'Bjørn Sæther', 'Daglig leder', '+4740000145', 'bjorn.saether@example.org', ['no']),
  person('trygg-pote', 2, 'Aisha Mohammed', 'Saksbehandler', '+4740000146', 'aisha.mohammed@example.org', ['no', 'ar', 'so']),
  person('granli-pensjonat', 1, 'Trine Holm', 'Pensjonatsleder', '+4740000147', 'trine.holm@example.org', ['no']),
  person('granli-pensjonat', 2, 'Viktor Petrenko', 'Dyrepleier', '+4740000148', 'viktor.petrenko@example.org', ['no', 'uk']),
];

// ---------------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------------

type ActivityInput = Pick<
  DemoActivity,
  'key' | 'organisationKey' | 'title' | 'description' | 'category' | 'targetGroups' | 'schedule' | 'joinMode' | 'verifiedDaysAgo'
> & {
  venue: DemoVenue;
  contact: 1 | 2 | null;
} & Partial<
    Pick<
      DemoActivity,
      | 'ageMin'
      | 'ageMax'
      | 'languages'
      | 'costKind'
      | 'priceNok'
      | 'capacity'
      | 'placesAvailable'
      | 'accessibility'
      | 'accessibilityNote'
      | 'status'
      | 'audience'
      | 'volunteers'
    >
  >;

function activity(input: ActivityInput): DemoActivity {
  const { venue, contact, ...rest } = input;
  return {
    ageMin: null,
    ageMax: null,
    languages: ['no'],
    costKind: CostKind.FREE,
    priceNok: null,
    capacity: null,
    placesAvailable: null,
    accessibility: [],
    accessibilityNote: null,
    status: OfferStatus.PUBLISHED,
    // As wide as its place allows (a NETWORK place makes a NETWORK activity), unless it says narrower.
    audience: venue.locationKey === null ? OfferAudience.PUBLIC : widestAudienceAt(LOCATION_BY_KEY.get(venue.locationKey)?.visibility),
    ...rest,
    ...venue,
    contactKey: contact === null ? null : `${input.organisationKey}/${contact}`,
  };
}

const C = ActivityCategory;
const T = TargetGroup;
const A = Accessibility;
const STEP_FREE = [A.WHEELCHAIR_ACCESSIBLE, A.STEP_FREE_ENTRANCE, A.ACCESSIBLE_TOILET];

export const DEMO_ACTIVITIES: readonly DemoActivity[] = [
  // --- Gamle Oslo (030101) ---
  activity({
    key: 'ork-leksehjelp-barn',
    organisationKey: 'oslo-rode-kors',
    title: 'Leksehjelp for 1.–7. trinn',
    description: 'Frivillige fra Røde Kors hjelper med lekser i alle fag. Ta med leksene – vi har frukt og saft.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN, T.FAMILIES],
    ageMin: 6,
    ageMax: 12,
    languages: ['no', 'en', 'ar', 'so'],
    venue: at('ork-hausmanns'),
    schedule: weekly([slot(MON, '16:30', '18:30'), slot(WED, '16:30', '18:30')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 12,
  }),
  activity({
    key: 'ork-flyktningguide',
    organisationKey: 'oslo-rode-kors',
    title: 'Flyktningguide',
    description:
      'Flyktningguide kobler deg med en frivillig som kjenner Oslo. Dere møtes jevnlig i et halvt år og finner på ting sammen – ' +
      'alt fra kaffe og turer til å finne fram i byen. Oppstartsmøtene er på tirsdager.',
    category: C.NETWORK,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'en', 'ar', 'ti', 'uk'],
    venue: at('ork-hausmanns'),
    schedule: weekly([slot(TUE, '18:00', '20:00')]),
    joinMode: JoinMode.SIGN_UP,
    capacity: 20,
    placesAvailable: 6,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 30,
  }),
  activity({
    key: 'ork-kafe-hausmanns',
    organisationKey: 'oslo-rode-kors',
    title: 'Røde Kors-kafé – åpen møteplass',
    description: 'En varm kopp kaffe, enkel lunsj og noen å prate med. Alle er velkomne, ingen påmelding.',
    category: C.SOCIAL,
    targetGroups: [T.ADULTS, T.SENIORS, T.YOUNG_ADULTS],
    languages: ['no', 'en'],
    venue: at('ork-hausmanns'),
    schedule: weekly([slot(THU, '12:00', '15:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 41,
  }),
  activity({
    key: 'rb-familietreff-toyen',
    organisationKey: 'redd-barna',
    title: 'Familietreff på Tøyen',
    description: 'Et uformelt treff for foreldre og barn med lek, middag og foreldreprat. Barna leker mens de voksne snakker med andre foreldre og frivillige.',
    category: C.SOCIAL,
    targetGroups: [T.FAMILIES, T.CHILDREN],
    ageMin: 0,
    ageMax: 12,
    languages: ['no', 'so', 'ar', 'en'],
    venue: at('rb-toyen'),
    schedule: weekly([slot(WED, '17:00', '19:30')]),
    joinMode: JoinMode.OPEN,
    accessibility: [A.WHEELCHAIR_ACCESSIBLE, A.STEP_FREE_ENTRANCE],
    contact: 1,
    verifiedDaysAgo: 20,
  }),
  activity({
    key: 'rb-familiekino-toyen',
    organisationKey: 'redd-barna',
    title: 'Familiekino',
    description: 'Vi viser en familiefilm med popkorn og saft. Passer for barn fra 4 år sammen med en voksen.',
    category: C.CULTURE,
    targetGroups: [T.FAMILIES, T.CHILDREN],
    ageMin: 4,
    ageMax: 12,
    languages: ['no'],
    venue: at('rb-toyen'),
    schedule: onDates('12:00', '14:00', '2026-12-19', '2027-02-27'),
    joinMode: JoinMode.SIGN_UP,
    capacity: 40,
    placesAvailable: 15,
    contact: 2,
    verifiedDaysAgo: 3,
  }),
  activity({
    key: 'hk-sykkelverksted',
    organisationKey: 'hjulkraft',
    title: 'Gratis sykkelverksted',
    description: 'Reparer sykkelen sammen med frivillige mekanikere. Vi har verktøy og brukte deler, og lærer deg å lappe slange og justere bremser.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.YOUTH],
    ageMin: 13,
    languages: ['no', 'en', 'pl'],
    venue: at('hk-gronland'),
    schedule: weekly([slot(TUE, '17:00', '20:00'), slot(THU, '17:00', '20:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: [A.STEP_FREE_ENTRANCE],
    contact: 1,
    verifiedDaysAgo: 45,
  }),
  activity({
    key: 'hk-sykkelkurs-kvinner',
    organisationKey: 'hjulkraft',
    title: 'Sykkelkurs for kvinner',
    description: 'Lær å sykle i trygge omgivelser med kvinnelige instruktører. Vi låner ut sykkel og hjelm.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 16,
    languages: ['no', 'ar', 'so', 'ti', 'fa'],
    venue: at('hk-gronland'),
    schedule: onDates('11:00', '13:00', '2027-04-17', '2027-04-24', '2027-05-08'),
    joinMode: JoinMode.SIGN_UP,
    capacity: 12,
    placesAvailable: 12,
    status: OfferStatus.DRAFT,
    contact: 2,
    verifiedDaysAgo: 10,
  }),

  // --- Grünerløkka (030102) ---
  activity({
    key: 'fs-grl-strikkekafe',
    organisationKey: 'fs-grunerlokka',
    title: 'Strikkekafé',
    description: 'Ta med strikketøyet eller lær deg å strikke. Garn og pinner kan lånes, og kaffen står klar.',
    category: C.SOCIAL,
    targetGroups: [T.ADULTS, T.SENIORS],
    languages: ['no', 'pl', 'uk'],
    venue: at('fs-grunerlokka'),
    schedule: weekly([slot(THU, '12:00', '14:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: [...STEP_FREE, A.HEARING_LOOP],
    contact: 1,
    verifiedDaysAgo: 8,
  }),
  activity({
    key: 'fs-grl-sprakkafe',
    organisationKey: 'fs-grunerlokka',
    title: 'Språkkafé – norsktrening',
    description: 'Øv på å snakke norsk i en hyggelig atmosfære med frivillige samtaleledere. Alle nivåer er velkomne.',
    category: C.LANGUAGE,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 16,
    languages: ['no'],
    venue: at('fs-grunerlokka'),
    schedule: weekly([slot(TUE, '18:00', '20:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 15,
  }),
  activity({
    key: 'fs-grl-fredagsmiddag',
    organisationKey: 'fs-grunerlokka',
    title: 'Fredagsmiddag for alle',
    description: 'Vi lager og spiser middag sammen hver fredag. Små og store er velkomne; si gjerne fra om allergier.',
    category: C.SOCIAL,
    targetGroups: [T.FAMILIES, T.ADULTS, T.SENIORS],
    languages: ['no', 'en', 'so'],
    venue: at('fs-grunerlokka'),
    schedule: weekly([slot(FRI, '16:30', '19:00')]),
    costKind: CostKind.PAID,
    priceNok: 40,
    capacity: 40,
    placesAvailable: 12,
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 2,
  }),
  activity({
    key: 'fs-grl-malegruppe',
    organisationKey: 'fs-grunerlokka',
    title: 'Malegruppe',
    description: 'Akvarell og akryl for nybegynnere og viderekomne. Materialer finnes på stedet.',
    category: C.CULTURE,
    targetGroups: [T.ADULTS, T.SENIORS],
    venue: at('fs-grunerlokka'),
    schedule: weekly([slot(WED, '11:00', '13:30')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 200,
  }),
  activity({
    key: 'bs-grl-apen-barnehage',
    organisationKey: 'bydel-grunerlokka-familiesenter',
    title: 'Åpen barnehage',
    description: 'Et gratis møtested for barn 0–6 år sammen med en voksen. Barnehagelærer leder sang, lek og samlingsstund.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN, T.FAMILIES],
    ageMin: 0,
    ageMax: 6,
    languages: ['no', 'en'],
    venue: at('bs-grunerlokka'),
    schedule: weekly([slot(MON, '09:30', '13:30'), slot(TUE, '09:30', '13:30'), slot(THU, '09:30', '13:30')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 25,
  }),
  activity({
    key: 'bs-grl-foreldregruppe',
    organisationKey: 'bydel-grunerlokka-familiesenter',
    title: 'Foreldregruppe: trygghet og samspill',
    description: 'Gruppe for foreldre med barn 0–12 år om samspill, grenser og trygghet i hverdagen, basert på ICDP. Barnepass under samlingene.',
    category: C.NETWORK,
    targetGroups: [T.FAMILIES, T.ADULTS],
    languages: ['no', 'ar', 'so'],
    venue: at('bs-grunerlokka'),
    schedule: weekly([slot(TUE, '17:30', '19:30')], { validFrom: '2027-01-12', validUntil: '2027-03-16' }),
    joinMode: JoinMode.SIGN_UP,
    capacity: 12,
    placesAvailable: 5,
    accessibility: [A.CHILDCARE_AVAILABLE, A.WHEELCHAIR_ACCESSIBLE],
    contact: 1,
    verifiedDaysAgo: 6,
  }),
  activity({
    key: 'bs-grl-boligveiledning',
    organisationKey: 'bydel-grunerlokka-familiesenter',
    title: 'Boligveiledning',
    description: 'Få hjelp til å søke kommunal bolig, bostøtte og startlån, eller til å forstå en leiekontrakt. Drop-in uten timebestilling.',
    category: C.HOUSING,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.FAMILIES],
    ageMin: 18,
    languages: ['no', 'en', 'so'],
    venue: at('bs-grunerlokka'),
    schedule: weekly([slot(WED, '12:00', '15:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 40,
  }),

  // --- Sagene (030103) ---
  activity({
    key: 'fs-sag-turgruppe',
    organisationKey: 'fs-sagene',
    title: 'Turgruppe langs Akerselva',
    description: 'Rolig gåtur i eget tempo langs Akerselva, med kaffepause underveis. For alle som vil ha selskap på tur.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.ADULTS, T.SENIORS],
    venue: at('fs-sagene'),
    schedule: weekly([slot(TUE, '11:00', '12:30')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 60,
  }),
  activity({
    key: 'fs-sag-digital-hjelp',
    organisationKey: 'fs-sagene',
    title: 'Digital hjelp – mobil, PC og BankID',
    description: 'Frivillige hjelper deg med mobil, nettbank, BankID, Helsenorge og e-post. Ta med egen enhet.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.SENIORS, T.ADULTS],
    languages: ['no', 'en', 'ur'],
    venue: at('fs-sagene'),
    // Every other Thursday, counted from the week of validFrom.
    schedule: weekly([{ ...slot(THU, '10:00', '12:00'), interval: 2 }], { validFrom: '2026-11-05' }),
    joinMode: JoinMode.OPEN,
    accessibility: [A.WHEELCHAIR_ACCESSIBLE, A.HEARING_LOOP],
    contact: 1,
    verifiedDaysAgo: 33,
  }),
  activity({
    key: 'rku-leksehjelp-torshov',
    organisationKey: 'rode-kors-ungdom',
    title: 'Leksehjelp for ungdomsskole og videregående',
    description: 'Unge frivillige hjelper med matte, naturfag, engelsk og norsk. Du kan også få hjelp med skriveoppgaver og eksamensforberedelser.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.YOUTH],
    ageMin: 13,
    ageMax: 19,
    languages: ['no', 'en'],
    venue: at('rku-torshov'),
    schedule: weekly([slot(MON, '17:00', '19:00'), slot(WED, '17:00', '19:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 9,
  }),
  activity({
    key: 'rku-aktivitetskveld',
    organisationKey: 'rode-kors-ungdom',
    title: 'Fritid for alle – aktivitetskveld',
    description: 'Spill, matlaging, musikk og turer for ungdom. Gratis, og du kan ta med en venn.',
    category: C.YOUTH,
    targetGroups: [T.YOUTH],
    ageMin: 13,
    ageMax: 18,
    languages: ['no', 'en', 'ar'],
    venue: at('rku-torshov'),
    schedule: weekly([slot(FRI, '18:00', '21:00')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 70,
  }),

  // --- St. Hanshaugen (030104) ---
  activity({
    key: 'kb-sth-seniorkafe',
    organisationKey: 'kirkens-bymisjon',
    title: 'Seniorkafé med lunsj',
    description: 'Varm lunsj, avislesing og samtale for seniorer. Hver første mandag i måneden har vi besøk av en foredragsholder.',
    category: C.SOCIAL,
    targetGroups: [T.SENIORS],
    ageMin: 60,
    venue: at('kb-st-hanshaugen'),
    schedule: weekly([slot(MON, '11:00', '13:00')]),
    costKind: CostKind.PAID,
    priceNok: 30,
    joinMode: JoinMode.OPEN,
    accessibility: [...STEP_FREE, A.HEARING_LOOP],
    contact: 1,
    verifiedDaysAgo: 100,
  }),
  activity({
    key: 'kb-sth-sittetrim',
    organisationKey: 'kirkens-bymisjon',
    title: 'Sittetrim for seniorer',
    description: 'Enkel trening på stol for bedre balanse og styrke, ledet av en frivillig fysioterapeut.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.SENIORS],
    ageMin: 60,
    venue: at('kb-st-hanshaugen'),
    schedule: weekly([slot(WED, '10:30', '11:30')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 57,
  }),
  activity({
    key: 'os-ressursvenn-infomote',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Ressursvenn – informasjonsmøte',
    description: 'Vil du vite mer om Ressursvenn? Koordinatorene forteller hvordan ordningen fungerer, og du kan stille spørsmål uten å forplikte deg.',
    category: C.MENTORING,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'fa'],
    venue: at('os-bislett'),
    schedule: onDates('17:00', '18:30', '2026-12-03', '2027-01-14', '2027-02-11'),
    joinMode: JoinMode.SIGN_UP,
    audience: OfferAudience.NETWORK,
    accessibility: [A.QUIET_ROOM],
    contact: 1,
    verifiedDaysAgo: 14,
  }),
  activity({
    key: 'os-ressursvenn-samtalegruppe',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Ressursvenn – samtalegruppe',
    description:
      'En lukket samtalegruppe for kvinner som har eller venter på en ressursvenn. Vi deler erfaringer og støtter hverandre i hverdagen etter krisesenteret.',
    category: C.NETWORK,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'fa'],
    venue: at('os-bislett'),
    schedule: weekly([slot(WED, '18:00', '20:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    audience: OfferAudience.NETWORK,
    capacity: 10,
    placesAvailable: 3,
    accessibility: [A.QUIET_ROOM, A.CHILDCARE_AVAILABLE],
    contact: 2,
    verifiedDaysAgo: 21,
  }),

  // --- Frogner (030105) ---
  activity({
    key: 'fs-fro-norsk-ukraina',
    organisationKey: 'fs-frogner',
    title: 'Norsktrening for ukrainere',
    description:
      'Samtalegrupper på norsk for deg som har kommet fra Ukraina. Vi snakker om hverdag, jobb og skole, og frivillige forklarer på ukrainsk og engelsk ved behov.',
    category: C.LANGUAGE,
    targetGroups: [T.ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 16,
    languages: ['no', 'uk', 'en'],
    venue: at('fs-frogner'),
    schedule: weekly([slot(MON, '18:00', '19:30')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 5,
  }),
  activity({
    key: 'fs-fro-seniortreff',
    organisationKey: 'fs-frogner',
    title: 'Seniortreff med foredrag',
    description: 'Kaffe, kaker og et foredrag om lokalhistorie, helse eller natur, den andre torsdagen i måneden. Etterpå er det tid til prat.',
    category: C.SOCIAL,
    targetGroups: [T.SENIORS],
    ageMin: 60,
    venue: at('fs-frogner'),
    // The 2nd Thursday of every month.
    schedule: { ...weekly([]), monthly: [{ weekday: THU, week: 2, startTime: '12:00', endTime: '14:00' }] },
    costKind: CostKind.PAID,
    priceNok: 50,
    joinMode: JoinMode.OPEN,
    accessibility: [...STEP_FREE, A.HEARING_LOOP],
    contact: 1,
    verifiedDaysAgo: 120,
  }),
  activity({
    key: 'fs-fro-jobbmentor',
    organisationKey: 'fs-frogner',
    title: 'Jobbmentor',
    description: 'Få en frivillig mentor med arbeidslivserfaring som hjelper deg med CV, søknader og intervjutrening. Dere møtes annenhver uke i tre måneder.',
    category: C.MENTORING,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'en', 'fa', 'ar'],
    venue: at('fs-frogner'),
    schedule: weekly([slot(TUE, '17:00', '19:00')]),
    joinMode: JoinMode.SIGN_UP,
    capacity: 15,
    placesAvailable: 4,
    contact: 1,
    verifiedDaysAgo: 50,
  }),
  activity({
    key: 'fs-fro-museumsbesok',
    organisationKey: 'fs-frogner',
    title: 'Museumsbesøk med omvisning',
    description: 'Vi besøker et museum i Oslo sammen og får en egen omvisning. Inngangen er sponset.',
    category: C.CULTURE,
    targetGroups: [T.ADULTS, T.SENIORS, T.IMMIGRANT_BACKGROUND],
    languages: ['no', 'en'],
    venue: at('fs-frogner'),
    schedule: onDates('12:00', '14:00', '2026-12-05', '2027-01-23', '2027-03-06'),
    costKind: CostKind.SPONSORED,
    joinMode: JoinMode.SIGN_UP,
    capacity: 20,
    placesAvailable: 9,
    contact: 1,
    verifiedDaysAgo: 18,
  }),

  // --- Ullern (030106) ---
  activity({
    key: 'os-ull-strikkegruppe',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Strikkegruppe – babytøy til fødeavdelingen',
    description: 'Vi strikker luer og sokker som gis til nyfødte. Garn får du av oss; nybegynnere får hjelp.',
    category: C.SOCIAL,
    targetGroups: [T.SENIORS, T.ADULTS],
    venue: at('os-ullern'),
    schedule: weekly([slot(WED, '11:00', '13:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 90,
  }),
  activity({
    key: 'os-ull-sprakvenn',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Språkvenn',
    description: 'Bli koblet med en frivillig språkvenn og øv på norsk en time i uka. Første møte er her; senere avtaler dere tid og sted selv.',
    category: C.LANGUAGE,
    targetGroups: [T.ADULTS, T.WOMEN_ONLY, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'fa', 'ar'],
    venue: at('os-ullern'),
    schedule: weekly([slot(THU, '18:00', '19:00')]),
    joinMode: JoinMode.SIGN_UP,
    contact: 2,
    verifiedDaysAgo: 150,
  }),
  activity({
    key: 'rb-sommerferie-skoyen',
    organisationKey: 'redd-barna',
    title: 'Sommerferietilbud for barn',
    description: 'En uke med aktiviteter, turer og bading for barn som er i Oslo i sommerferien. Lunsj er inkludert.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN],
    ageMin: 7,
    ageMax: 12,
    languages: ['no', 'en'],
    venue: at('rb-skoyen'),
    schedule: onDates('09:00', '15:00', '2027-06-28', '2027-06-29', '2027-06-30', '2027-07-01', '2027-07-02'),
    costKind: CostKind.SPONSORED,
    joinMode: JoinMode.SIGN_UP,
    capacity: 30,
    placesAvailable: 30,
    contact: 2,
    verifiedDaysAgo: 7,
  }),

  // --- Vestre Aker (030107) ---
  activity({
    key: 'fs-va-turvenn',
    organisationKey: 'fs-vestre-aker',
    title: 'Turvenn',
    description: 'Gå tur sammen med en fast turvenn i nærområdet. Vi møtes ved frivilligsentralen og deler oss i små grupper.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.SENIORS],
    ageMin: 60,
    venue: at('fs-vestre-aker'),
    schedule: weekly([slot(MON, '11:00', '13:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 75,
  }),
  activity({
    key: 'fs-va-leksehjelp',
    organisationKey: 'fs-vestre-aker',
    title: 'Leksehjelp på Vinderen',
    description: 'Frivillige studenter og pensjonerte lærere hjelper barneskoleelever med lekser og lesing.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN],
    ageMin: 8,
    ageMax: 13,
    languages: ['no', 'fa', 'en'],
    venue: at('fs-vestre-aker'),
    schedule: weekly([slot(TUE, '15:30', '17:30')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 28,
  }),
  activity({
    key: 'dnt-familietur-frognerseteren',
    organisationKey: 'dnt-oslo',
    title: 'Familietur: bål og kakao i Nordmarka',
    description: 'En kort tur fra Frognerseteren med bål, kakao og leker i skogen. Turlederne har med ekstra votter og sitteunderlag.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.FAMILIES, T.CHILDREN],
    ageMin: 3,
    ageMax: 12,
    languages: ['no', 'en'],
    venue: at('dnt-frognerseteren'),
    schedule: onDates('11:00', '14:00', '2026-12-13', '2027-01-17', '2027-02-14'),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 11,
  }),
  activity({
    key: 'fs-va-kulturkafe',
    organisationKey: 'fs-vestre-aker',
    title: 'Kulturkafé med foredrag',
    description: 'Foredrag om kunst og musikk med kaffe og vafler. Tilbudet er avsluttet.',
    category: C.CULTURE,
    targetGroups: [T.SENIORS, T.ADULTS],
    venue: at('fs-vestre-aker'),
    schedule: weekly([slot(WED, '12:00', '14:00')]),
    joinMode: JoinMode.OPEN,
    status: OfferStatus.ARCHIVED,
    contact: 1,
    verifiedDaysAgo: 380,
  }),

  // --- Nordre Aker (030108) ---
  activity({
    key: 'fs-na-utstyrsutlan',
    organisationKey: 'fs-nordre-aker',
    title: 'Gratis utlån av sports- og fritidsutstyr',
    description: 'Lån ski, skøyter, telt, sykkelhjelm og annet utstyr gratis i inntil en uke.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.CHILDREN, T.YOUTH, T.FAMILIES, T.ADULTS],
    languages: ['no', 'pl'],
    venue: at('fs-nordre-aker'),
    schedule: weekly([slot(TUE, '15:00', '18:00'), slot(THU, '15:00', '18:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: [A.STEP_FREE_ENTRANCE],
    contact: 2,
    verifiedDaysAgo: 4,
  }),
  activity({
    key: 'fs-na-kor',
    organisationKey: 'fs-nordre-aker',
    title: 'Kor for alle',
    description: 'Et uhøytidelig kor der alle kan synge med, uten opptaksprøve. Vi synger på mange språk.',
    category: C.CULTURE,
    targetGroups: [T.ADULTS, T.SENIORS],
    venue: at('fs-nordre-aker'),
    schedule: weekly([slot(WED, '19:00', '21:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 95,
  }),
  activity({
    key: 'fs-na-jobbsokerkafe',
    organisationKey: 'fs-nordre-aker',
    title: 'Jobbsøkerkafé',
    description: 'Drop-in med hjelp til jobbsøknader, CV og registrering hos Nav. Under planlegging.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS],
    ageMin: 18,
    venue: at('fs-nordre-aker'),
    schedule: weekly([slot(MON, '12:00', '14:00')], { validFrom: '2027-01-11' }),
    joinMode: JoinMode.OPEN,
    status: OfferStatus.DRAFT,
    contact: 1,
    verifiedDaysAgo: 1,
  }),
  activity({
    key: 'dnt-ut-pa-tur',
    organisationKey: 'dnt-oslo',
    title: 'Ut på tur – turgruppe for nye i Norge',
    description:
      'Lær å gå på tur i Oslomarka sammen med erfarne turledere. Vi låner ut utstyr og forklarer allemannsretten og hvordan du kler deg etter været.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 16,
    languages: ['no', 'en', 'ar', 'ti'],
    venue: at('dnt-sognsvann'),
    schedule: weekly([slot(SAT, '11:00', '14:00')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 35,
  }),

  // --- Bjerke (030109) ---
  activity({
    key: 'rb-lordagsklubb-linderud',
    organisationKey: 'redd-barna',
    title: 'Barnas lørdagsklubb',
    description: 'Lek, spill, forming og et varmt måltid for barn 6–12 år. Foreldre er velkomne til å bli med.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN, T.FAMILIES],
    ageMin: 6,
    ageMax: 12,
    languages: ['no', 'so', 'ar', 'ur'],
    venue: at('rb-linderud'),
    schedule: weekly([slot(SAT, '11:00', '14:00')]),
    joinMode: JoinMode.OPEN,
    capacity: 35,
    placesAvailable: 10,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 16,
  }),
  activity({
    key: 'nf-norsktrening-arvoll',
    organisationKey: 'norsk-folkehjelp',
    title: 'Norsktrening med Norsk Folkehjelp',
    description: 'Samtaletrening og hjelp med norskleksene fra voksenopplæringen, i små grupper etter nivå.',
    category: C.LANGUAGE,
    targetGroups: [T.ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'pl', 'en'],
    venue: at('nf-arvoll'),
    schedule: weekly([slot(MON, '18:00', '20:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 55,
  }),
  activity({
    key: 'nf-bolighjelp-arvoll',
    organisationKey: 'norsk-folkehjelp',
    title: 'Bolighjelp: å leie bolig i Oslo',
    description: 'Kurs om hvordan du finner og leier bolig, hva depositum og husleiekontrakt innebærer, og hvilke rettigheter du har som leietaker.',
    category: C.HOUSING,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'en', 'pl'],
    venue: at('nf-arvoll'),
    schedule: onDates('18:00', '20:00', '2027-01-20', '2027-02-17'),
    joinMode: JoinMode.SIGN_UP,
    capacity: 25,
    placesAvailable: 18,
    contact: 2,
    verifiedDaysAgo: 22,
  }),

  // --- Grorud (030110) ---
  activity({
    key: 'ork-familienettverk-grorud',
    organisationKey: 'oslo-rode-kors',
    title: 'Familienettverk',
    description: 'Et nettverk for familier som vil bli kjent med andre familier i nærmiljøet. Vi møtes til aktiviteter, middager og turer.',
    category: C.NETWORK,
    targetGroups: [T.FAMILIES, T.CHILDREN, T.IMMIGRANT_BACKGROUND],
    languages: ['no', 'ar', 'so', 'ur', 'en'],
    venue: at('ork-grorud'),
    schedule: weekly([slot(SUN, '14:00', '17:00')]),
    joinMode: JoinMode.SIGN_UP,
    accessibility: [A.WHEELCHAIR_ACCESSIBLE, A.STEP_FREE_ENTRANCE],
    contact: 2,
    verifiedDaysAgo: 48,
  }),
  activity({
    key: 'ork-jobbsokerkurs-grorud',
    organisationKey: 'oslo-rode-kors',
    title: 'Jobbsøkerkurs',
    description: 'Tolv kvelder om CV, søknad, intervju og arbeidslivet i Norge. Du får en frivillig kontaktperson gjennom kurset.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'en', 'ar'],
    venue: at('ork-grorud'),
    schedule: weekly([slot(THU, '17:00', '19:00')], { validFrom: '2027-01-07', validUntil: '2027-04-01' }),
    joinMode: JoinMode.SIGN_UP,
    capacity: 16,
    placesAvailable: 7,
    contact: 1,
    verifiedDaysAgo: 13,
  }),
  activity({
    key: 'rb-aktivitetsgruppe-romsas',
    organisationKey: 'redd-barna',
    title: 'Aktivitetsgruppe for barn på Romsås',
    description: 'Fotball, innebandy og lek i gymsalen for barn 8–13 år. Frivillige voksne er til stede hele tiden.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN],
    ageMin: 8,
    ageMax: 13,
    languages: ['no', 'ur', 'so'],
    venue: at('rb-romsas'),
    schedule: weekly([slot(TUE, '17:00', '19:00')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 260,
  }),

  // --- Stovner (030111) ---
  activity({
    key: 'fs-sto-kvinnetreff',
    organisationKey: 'fs-stovner',
    title: 'Kvinnetreff med sying',
    description: 'Et trygt treffsted for kvinner i alle aldre. Vi syr, reparerer klær og prater over en kopp te. Symaskiner finnes på stedet.',
    category: C.SOCIAL,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS, T.IMMIGRANT_BACKGROUND],
    languages: ['no', 'so', 'ar', 'ur', 'ti'],
    venue: at('fs-stovner'),
    schedule: weekly([slot(WED, '11:00', '14:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: [A.CHILDCARE_AVAILABLE, A.WHEELCHAIR_ACCESSIBLE, A.STEP_FREE_ENTRANCE],
    contact: 1,
    verifiedDaysAgo: 31,
  }),
  activity({
    key: 'fs-sto-fredagsklubb',
    organisationKey: 'fs-stovner',
    title: 'Fredagsklubb for ungdom',
    description: 'Et rusfritt sted å være på fredagskvelden, med musikk, spill, mat og voksne å snakke med.',
    category: C.YOUTH,
    targetGroups: [T.YOUTH],
    ageMin: 13,
    ageMax: 17,
    languages: ['no', 'so', 'ur'],
    venue: at('fs-stovner'),
    schedule: weekly([slot(FRI, '18:00', '22:00')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 64,
  }),
  activity({
    key: 'fs-sto-fortellerkafe',
    organisationKey: 'fs-stovner',
    title: 'Fortellerkafé – historier fra hele verden',
    description: 'Naboer forteller eventyr og historier fra landene de kommer fra. Det serveres te og kaker.',
    category: C.CULTURE,
    targetGroups: [T.ADULTS, T.FAMILIES, T.SENIORS],
    languages: ['no', 'so', 'ti', 'ar'],
    venue: at('fs-stovner'),
    schedule: onDates('18:00', '20:00', '2026-12-10', '2027-02-04', '2027-04-08'),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 19,
  }),
  activity({
    key: 'fs-sto-leksehjelp',
    organisationKey: 'fs-stovner',
    title: 'Leksehjelp på Stovner',
    description: 'Leksehjelp for barn på 1.–7. trinn med frivillige voksne. Vi har også lesestund for de yngste.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN],
    ageMin: 6,
    ageMax: 12,
    languages: ['no', 'so', 'ur'],
    venue: at('fs-stovner'),
    schedule: weekly([slot(MON, '16:00', '18:00'), slot(THU, '16:00', '18:00')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 330,
  }),

  // --- Alna (030112) ---
  activity({
    key: 'kn-samtalegruppe-haugerud',
    organisationKey: 'kvinnenettverket-alna',
    title: 'Samtalegruppe for kvinner',
    description: 'En liten, fast gruppe der kvinner snakker om hverdag, familie og helse, med tolk ved behov. Det er barnepass under møtene.',
    category: C.NETWORK,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'ar', 'so', 'fa'],
    venue: at('kn-haugerud'),
    schedule: weekly([slot(TUE, '11:00', '13:00')]),
    joinMode: JoinMode.SIGN_UP,
    audience: OfferAudience.NETWORK,
    accessibility: [A.QUIET_ROOM, A.CHILDCARE_AVAILABLE],
    contact: 2,
    verifiedDaysAgo: 110,
  }),
  activity({
    key: 'kn-norsk-modre',
    organisationKey: 'kvinnenettverket-alna',
    title: 'Norskkurs for mødre med barnepass',
    description: 'Norskundervisning for mødre som er hjemme med små barn. Barna passes i rommet ved siden av.',
    category: C.LANGUAGE,
    targetGroups: [T.WOMEN_ONLY, T.IMMIGRANT_BACKGROUND, T.FAMILIES],
    ageMin: 18,
    languages: ['no', 'ar', 'so'],
    venue: at('kn-haugerud'),
    schedule: weekly([slot(MON, '10:00', '12:00'), slot(THU, '10:00', '12:00')]),
    joinMode: JoinMode.SIGN_UP,
    capacity: 15,
    placesAvailable: 2,
    accessibility: [A.CHILDCARE_AVAILABLE],
    contact: 1,
    verifiedDaysAgo: 26,
  }),
  activity({
    key: 'rb-ungdomsgruppe-tveita',
    organisationKey: 'redd-barna',
    title: 'Ungdomsgruppa på Tveita',
    description: 'Ungdom planlegger egne aktiviteter sammen med frivillige: turer, matlaging og prosjekter om barns rettigheter.',
    category: C.YOUTH,
    targetGroups: [T.YOUTH],
    ageMin: 13,
    ageMax: 18,
    languages: ['no', 'en'],
    venue: at('rb-tveita'),
    schedule: weekly([slot(THU, '18:00', '20:30')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 39,
  }),
  activity({
    key: 'ork-boligkafe-furuset',
    organisationKey: 'oslo-rode-kors',
    title: 'Boligkafé: hjelp med bolig og husleie',
    description: 'Frivillige hjelper deg å lete etter bolig, skrive søknader om bostøtte og forstå leiekontrakten.',
    category: C.HOUSING,
    targetGroups: [T.ADULTS, T.FAMILIES, T.YOUNG_ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'ar', 'ur'],
    venue: at('ork-furuset'),
    schedule: weekly([slot(TUE, '16:00', '18:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 58,
  }),
  activity({
    key: 'nf-forstehjelp-furuset',
    organisationKey: 'norsk-folkehjelp',
    title: 'Førstehjelpskurs for alle',
    description: 'Lær grunnleggende førstehjelp: hjerte-lunge-redning, frie luftveier og hva du gjør ved ulykker hjemme.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.YOUTH],
    ageMin: 14,
    languages: ['no', 'en'],
    venue: at('nf-furuset'),
    schedule: onDates('10:00', '14:00', '2027-01-30', '2027-03-06'),
    joinMode: JoinMode.SIGN_UP,
    capacity: 20,
    placesAvailable: 11,
    contact: 2,
    verifiedDaysAgo: 17,
  }),

  // --- Østensjø (030113) ---
  activity({
    key: 'os-trening-kvinner-oppsal',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Trening for kvinner',
    description: 'Styrke og bevegelse i rolig tempo, bare for kvinner. Prisen gjelder for et halvår.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS, T.SENIORS],
    ageMin: 18,
    venue: at('os-oppsal'),
    schedule: weekly([slot(MON, '10:00', '11:00'), slot(THU, '10:00', '11:00')]),
    costKind: CostKind.PAID,
    priceNok: 300,
    joinMode: JoinMode.SIGN_UP,
    accessibility: [A.WHEELCHAIR_ACCESSIBLE, A.ACCESSIBLE_TOILET],
    contact: 1,
    verifiedDaysAgo: 85,
  }),
  activity({
    key: 'kb-matutdeling-boler',
    organisationKey: 'kirkens-bymisjon',
    title: 'Matutdeling',
    description: 'Gratis matposer med tørrvarer, frukt og grønt. Ingen spørsmål, ingen registrering.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS, T.FAMILIES, T.SENIORS],
    languages: ['no', 'en', 'so', 'pl'],
    venue: at('kb-boler'),
    schedule: weekly([slot(FRI, '12:00', '14:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: [A.STEP_FREE_ENTRANCE],
    contact: 1,
    verifiedDaysAgo: 3,
  }),
  activity({
    key: 'kb-familiekafe-boler',
    organisationKey: 'kirkens-bymisjon',
    title: 'Familiekafé på Bøler',
    description: 'Søndagskafé med lekehjørne, vafler og god plass for barnevogner.',
    category: C.SOCIAL,
    targetGroups: [T.FAMILIES, T.CHILDREN],
    ageMin: 0,
    ageMax: 10,
    venue: at('kb-boler'),
    schedule: weekly([slot(SUN, '12:00', '15:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 140,
  }),

  // --- Nordstrand (030114) ---
  activity({
    key: 'os-ressursvenn-fellestreff',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Ressursvenn – fellestreff',
    description: 'Sosialt treff for kvinner i Ressursvenn og ressursvennene deres, med middag og en rolig kveld sammen.',
    category: C.MENTORING,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'fa'],
    venue: at('os-lambertseter'),
    schedule: onDates('18:00', '20:00', '2026-12-09', '2027-01-13', '2027-03-10'),
    joinMode: JoinMode.SIGN_UP,
    audience: OfferAudience.NETWORK,
    accessibility: [A.QUIET_ROOM, A.CHILDCARE_AVAILABLE],
    contact: 1,
    verifiedDaysAgo: 14,
  }),
  activity({
    key: 'dnt-kvinnetur-ljan',
    organisationKey: 'dnt-oslo',
    title: 'Turgruppe for kvinner – Ljanskollen',
    description: 'Søndagstur i rolig tempo med kvinnelige turledere. Vi går 5–7 km og tar pause med bål når været tillater det.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 16,
    languages: ['no', 'en', 'ur'],
    venue: at('dnt-ljan'),
    schedule: weekly([slot(SUN, '11:00', '13:30')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 44,
  }),
  activity({
    key: 'os-babytreff-lambertseter',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Babytreff',
    description: 'Treff for foreldre i permisjon med babyer under ett år. Tilbudet er lagt ned.',
    category: C.NETWORK,
    targetGroups: [T.FAMILIES],
    ageMin: 0,
    ageMax: 1,
    venue: at('os-lambertseter'),
    schedule: weekly([slot(TUE, '11:00', '13:00')]),
    joinMode: JoinMode.OPEN,
    status: OfferStatus.ARCHIVED,
    contact: 1,
    verifiedDaysAgo: 230,
  }),

  // --- Søndre Nordstrand (030115) ---
  activity({
    key: 'fs-snd-sprakkafe',
    organisationKey: 'fs-sondre-nordstrand',
    title: 'Språkkafé på Holmlia',
    description: 'Norsktrening over en kopp kaffe, med frivillige samtalepartnere. Vi har også egen gruppe for nybegynnere.',
    category: C.LANGUAGE,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 16,
    languages: ['no', 'ti', 'en'],
    venue: at('fs-sondre-nordstrand'),
    schedule: weekly([slot(THU, '18:00', '20:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 12,
  }),
  activity({
    key: 'fs-snd-jobbklubb',
    organisationKey: 'fs-sondre-nordstrand',
    title: 'Jobbklubb',
    description: 'Fast gruppe som søker jobb sammen: vi øver på intervju, skriver søknader og deler tips om ledige stillinger.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'ti'],
    venue: at('fs-sondre-nordstrand'),
    schedule: weekly([slot(TUE, '10:00', '12:00')]),
    joinMode: JoinMode.SIGN_UP,
    capacity: 12,
    placesAvailable: 0,
    contact: 1,
    verifiedDaysAgo: 27,
  }),
  activity({
    key: 'fs-snd-sykkelverksted-barn',
    organisationKey: 'fs-sondre-nordstrand',
    title: 'Sykkelverksted for barn og unge',
    description: 'Barn og unge lærer å fikse sin egen sykkel. Brukte sykler kan også lånes for sesongen.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.CHILDREN, T.YOUTH],
    ageMin: 8,
    ageMax: 16,
    venue: at('fs-sondre-nordstrand'),
    schedule: weekly([slot(WED, '15:00', '18:00')]),
    joinMode: JoinMode.OPEN,
    contact: 2,
    verifiedDaysAgo: 190,
  }),
  activity({
    key: 'rb-vinterferie-mortensrud',
    organisationKey: 'redd-barna',
    title: 'Ferietilbud for barn i vinterferien',
    description: 'Aktiviteter, aking og utflukter for barn i vinterferien. Lunsj og utstyr er inkludert.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN],
    ageMin: 6,
    ageMax: 12,
    languages: ['no', 'en', 'so'],
    venue: at('rb-mortensrud'),
    schedule: onDates('10:00', '15:00', '2027-02-22', '2027-02-23', '2027-02-24', '2027-02-25', '2027-02-26'),
    costKind: CostKind.SPONSORED,
    joinMode: JoinMode.SIGN_UP,
    capacity: 25,
    placesAvailable: 25,
    contact: 2,
    verifiedDaysAgo: 1,
  }),
  activity({
    key: 'ork-leksehjelp-holmlia',
    organisationKey: 'oslo-rode-kors',
    title: 'Leksehjelp Holmlia',
    description: 'Leksehjelp for mellomtrinn og ungdomsskole, med vekt på matte og lesing.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.CHILDREN, T.YOUTH],
    ageMin: 10,
    ageMax: 16,
    languages: ['no', 'en', 'ti'],
    venue: at('ork-holmlia'),
    schedule: weekly([slot(TUE, '17:00', '19:00'), slot(THU, '17:00', '19:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 400,
  }),
  activity({
    key: 'bs-snd-ungdomsklubb',
    organisationKey: 'bydel-sondre-nordstrand-ungdom',
    title: 'Ungdomsklubb Mortensrud',
    description: 'Bydelens ungdomsklubb med musikkstudio, gaming, biljard og ansatte å snakke med.',
    category: C.YOUTH,
    targetGroups: [T.YOUTH],
    ageMin: 13,
    ageMax: 18,
    languages: ['no', 'en'],
    venue: at('bs-sondre-nordstrand'),
    schedule: weekly([slot(MON, '18:00', '21:00'), slot(WED, '18:00', '21:00'), slot(FRI, '18:00', '22:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 10,
  }),
  activity({
    key: 'bs-snd-sommerjobb',
    organisationKey: 'bydel-sondre-nordstrand-ungdom',
    title: 'Sommerjobb for ungdom – søknadsverksted',
    description: 'Få hjelp til å søke sommerjobb gjennom bydelen og lokale bedrifter.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.YOUTH],
    ageMin: 15,
    ageMax: 18,
    venue: at('bs-sondre-nordstrand'),
    schedule: onDates('16:00', '18:00', '2027-03-10', '2027-03-17'),
    joinMode: JoinMode.SIGN_UP,
    status: OfferStatus.DRAFT,
    contact: 2,
    verifiedDaysAgo: 2,
  }),

  // --- Sentrum (030116) ---
  activity({
    key: 'kb-kafe-sentrum',
    organisationKey: 'kirkens-bymisjon',
    title: 'Kafé for alle',
    description: 'Gratis kaffe og enkel mat, avisene og et varmt sted å sitte. Ansatte og frivillige kan hjelpe deg videre.',
    category: C.SOCIAL,
    targetGroups: [T.ADULTS, T.SENIORS, T.YOUNG_ADULTS],
    languages: ['no', 'en', 'pl'],
    venue: at('kb-sentrum'),
    schedule: weekly([
      slot(MON, '10:00', '14:00'),
      slot(TUE, '10:00', '14:00'),
      slot(WED, '10:00', '14:00'),
      slot(THU, '10:00', '14:00'),
      slot(FRI, '10:00', '14:00'),
    ]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 1,
    verifiedDaysAgo: 6,
  }),
  activity({
    key: 'kb-boligveiledning-sentrum',
    organisationKey: 'kirkens-bymisjon',
    title: 'Boligveiledning for deg som står uten bolig',
    description: 'Samtale med en boligveileder om midlertidig bolig, søknad om kommunal bolig og kontakt med Nav.',
    category: C.HOUSING,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS],
    ageMin: 18,
    languages: ['no', 'so', 'en'],
    venue: at('kb-sentrum'),
    schedule: weekly([slot(TUE, '12:00', '15:00'), slot(THU, '12:00', '15:00')]),
    joinMode: JoinMode.OPEN,
    accessibility: STEP_FREE,
    contact: 2,
    verifiedDaysAgo: 65,
  }),

  // --- At the shelter (audience NETWORK; location confidential; no bydel) ---
  activity({
    key: 'os-ressursvenn-forste-mote',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Ressursvenn – første møte på krisesenteret',
    description: 'Koordinatoren møter kvinner som bor på krisesenteret og ønsker en ressursvenn når de skal flytte ut. Samtalen er frivillig og uforpliktende.',
    category: C.MENTORING,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'fa'],
    venue: atShelter(),
    schedule: weekly([slot(WED, '13:00', '15:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    accessibility: [A.QUIET_ROOM],
    contact: 2,
    verifiedDaysAgo: 20,
  }),
  activity({
    key: 'rb-lekegruppe-krisesenter',
    organisationKey: 'redd-barna',
    title: 'Lek og aktiviteter for barn på krisesenteret',
    description: 'Frivillige fra Redd Barna kommer til krisesenteret med lek, forming og spill for barna som bor der.',
    category: C.CHILDREN,
    targetGroups: [T.CHILDREN],
    ageMin: 3,
    ageMax: 12,
    languages: ['no', 'en'],
    venue: atShelter(),
    schedule: weekly([slot(TUE, '16:00', '18:00'), slot(SAT, '11:00', '13:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    contact: 1,
    verifiedDaysAgo: 8,
  }),
  activity({
    key: 'okr-norskgruppe',
    organisationKey: 'oslo-krisesenter',
    title: 'Norskgruppe for beboere',
    description: 'Norsktrening i liten gruppe for beboere på krisesenteret, med fokus på ord du trenger hos lege, Nav og skole.',
    category: C.LANGUAGE,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'en', 'ar', 'so'],
    venue: atShelter(),
    schedule: weekly([slot(MON, '11:00', '12:30'), slot(THU, '11:00', '12:30')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    contact: 2,
    verifiedDaysAgo: 15,
  }),
  activity({
    key: 'os-rolig-bevegelse-krisesenter',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Rolig bevegelse og pust',
    description: 'Enkel, traumesensitiv bevegelse og pusteøvelser for kvinner på krisesenteret. Ingen forkunnskaper trengs.',
    category: C.PHYSICAL_ACTIVITY,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    venue: atShelter(),
    schedule: weekly([slot(FRI, '10:00', '11:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    accessibility: [A.QUIET_ROOM],
    contact: 1,
    verifiedDaysAgo: 52,
  }),
  activity({
    key: 'ork-juleverksted-krisesenter',
    organisationKey: 'oslo-rode-kors',
    title: 'Juleverksted på krisesenteret',
    description: 'Pepperkakebaking, julekort og juleverksted for barn og foreldre som bor på krisesenteret.',
    category: C.CULTURE,
    targetGroups: [T.FAMILIES, T.CHILDREN],
    languages: ['no', 'en', 'ar'],
    venue: atShelter(),
    schedule: onDates('12:00', '15:00', '2026-12-12', '2026-12-19'),
    joinMode: JoinMode.REFERRAL_ONLY,
    contact: 1,
    verifiedDaysAgo: 4,
  }),
  activity({
    key: 'menn-samtalegruppe',
    organisationKey: 'krisesenter-menn',
    title: 'Samtalegruppe for menn',
    description: 'Samtalegruppe for menn som bor eller har bodd på krisesenteret, ledet av en miljøterapeut.',
    category: C.NETWORK,
    targetGroups: [T.MEN, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'ti'],
    venue: atShelter('menn-skjermet'),
    schedule: weekly([slot(TUE, '18:00', '19:30')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    accessibility: [A.QUIET_ROOM],
    contact: 2,
    verifiedDaysAgo: 37,
  }),

  // --- Online (no location, no bydel) ---
  activity({
    key: 'os-ressursvenn-digitalt',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Ressursvenn – digitalt kveldstreff',
    description: 'Et kort digitalt treff for kvinner i Ressursvenn som ikke kan komme på fysiske treff. Lenke sendes etter påmelding.',
    category: C.MENTORING,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en'],
    venue: ONLINE,
    schedule: weekly([slot(TUE, '20:00', '21:00')]),
    joinMode: JoinMode.SIGN_UP,
    audience: OfferAudience.NETWORK,
    contact: 1,
    verifiedDaysAgo: 29,
  }),
  activity({
    key: 'rku-digital-leksehjelp',
    organisationKey: 'rode-kors-ungdom',
    title: 'Digital leksehjelp',
    description: 'Få hjelp med leksene på video eller chat fra frivillige studenter. Du kan være anonym.',
    category: C.WORK_AND_EDUCATION,
    targetGroups: [T.YOUTH],
    ageMin: 13,
    ageMax: 19,
    languages: ['no', 'en'],
    venue: ONLINE,
    schedule: weekly([slot(MON, '18:00', '21:00'), slot(TUE, '18:00', '21:00'), slot(WED, '18:00', '21:00'), slot(THU, '18:00', '21:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 7,
  }),
  activity({
    key: 'nf-norsktrening-nett',
    organisationKey: 'norsk-folkehjelp',
    title: 'Norsktrening på nett',
    description: 'Samtaletrening i små grupper på video. Passer for deg som ikke kan komme på kveldstid.',
    category: C.LANGUAGE,
    targetGroups: [T.ADULTS, T.IMMIGRANT_BACKGROUND],
    ageMin: 18,
    languages: ['no', 'en', 'pl', 'uk'],
    venue: ONLINE,
    schedule: weekly([slot(WED, '19:00', '20:00')]),
    joinMode: JoinMode.OPEN,
    contact: 1,
    verifiedDaysAgo: 160,
  }),
  activity({
    key: 'bs-grl-nettkurs-okonomi',
    organisationKey: 'bydel-grunerlokka-familiesenter',
    title: 'Nettkurs: privatøkonomi og budsjett',
    description: 'Lær å sette opp et budsjett, få oversikt over regninger og vite hvor du kan få hjelp med gjeld.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS, T.YOUNG_ADULTS, T.FAMILIES],
    ageMin: 18,
    languages: ['no', 'en'],
    venue: ONLINE,
    schedule: onDates('18:00', '19:30', '2027-01-19', '2027-02-16'),
    joinMode: JoinMode.SIGN_UP,
    capacity: 50,
    placesAvailable: 31,
    contact: 2,
    verifiedDaysAgo: 11,
  }),
  // --- Follow-ups after the shelter: Ressursvenn and the frivilligsentralers' helpers (volunteer terms) ---
  activity({
    key: 'os-ressursvenn',
    organisationKey: 'oslo-sanitetsforening',
    title: 'Ressursvenn – en frivillig venn i ett år',
    description:
      'En kvinnelig frivillig ressursvenn følger deg i ett år etter krisesenteret: praktisk hjelp, sosial støtte og en å snakke med. Ressursvennene har tatt kurs om vold og om rollen. Koordinatorene treffes tirsdager. Henvisning fra krisesenteret.',
    category: C.MENTORING,
    targetGroups: [T.WOMEN_ONLY, T.ADULTS],
    ageMin: 18,
    languages: ['no', 'en', 'fa', 'ar'],
    venue: at('os-bislett'),
    schedule: weekly([slot(TUE, '17:00', '19:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    audience: OfferAudience.NETWORK,
    contact: 1,
    verifiedDaysAgo: 10,
    volunteers: { commitmentMonths: 12, requiresVolunteerCourse: true, womenOnlyVolunteers: true },
  }),
  activity({
    key: 'fs-grl-hjelp-etter-krisesenteret',
    organisationKey: 'fs-grunerlokka',
    title: 'Hjelp etter krisesenteret – frivillig hjelper',
    description:
      'En frivillig hjelper de første ukene etter at du har flyttet fra krisesenteret: boligvisninger, flytting, og hvordan tjenestene i bydel Grünerløkka fungerer. Kort hjelp eller fast kontakt i tre måneder; koordinatoren treffes onsdager. Henvisning fra krisesenteret.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS],
    languages: ['no', 'en', 'so'],
    venue: at('fs-grunerlokka'),
    schedule: weekly([slot(WED, '10:00', '14:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    audience: OfferAudience.NETWORK,
    contact: 1,
    verifiedDaysAgo: 12,
    volunteers: { commitmentMonths: 3, requiresVolunteerCourse: true, womenOnlyVolunteers: false },
  }),
  activity({
    key: 'fs-sag-hjelp-etter-krisesenteret',
    organisationKey: 'fs-sagene',
    title: 'Hjelp etter krisesenteret – frivillig hjelper',
    description:
      'En frivillig hjelper de første ukene etter at du har flyttet fra krisesenteret: boligvisninger, flytting, og hvordan tjenestene i bydel Sagene fungerer. Kort hjelp eller fast kontakt i tre måneder; koordinatoren treffes onsdager. Henvisning fra krisesenteret.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS],
    languages: ['no', 'en', 'ur'],
    venue: at('fs-sagene'),
    schedule: weekly([slot(WED, '10:00', '14:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    audience: OfferAudience.NETWORK,
    contact: 1,
    verifiedDaysAgo: 20,
    volunteers: { commitmentMonths: 3, requiresVolunteerCourse: true, womenOnlyVolunteers: false },
  }),
  activity({
    key: 'fs-sto-hjelp-etter-krisesenteret',
    organisationKey: 'fs-stovner',
    title: 'Hjelp etter krisesenteret – frivillig hjelper',
    description:
      'En frivillig hjelper de første ukene etter at du har flyttet fra krisesenteret: boligvisninger, flytting, og hvordan tjenestene i bydel Stovner fungerer. Kort hjelp eller fast kontakt i tre måneder; koordinatoren treffes onsdager. Henvisning fra krisesenteret.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS],
    languages: ['no', 'en', 'ar', 'so'],
    venue: at('fs-stovner'),
    schedule: weekly([slot(WED, '10:00', '14:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    audience: OfferAudience.NETWORK,
    contact: 1,
    verifiedDaysAgo: 8,
    volunteers: { commitmentMonths: 3, requiresVolunteerCourse: true, womenOnlyVolunteers: false },
  }),
  activity({
    key: 'fs-snd-hjelp-etter-krisesenteret',
    organisationKey: 'fs-sondre-nordstrand',
    title: 'Hjelp etter krisesenteret – frivillig hjelper',
    description:
      'En frivillig hjelper de første ukene etter at du har flyttet fra krisesenteret: boligvisninger, flytting, og hvordan tjenestene i bydel Søndre Nordstrand fungerer. Kort hjelp eller fast kontakt i tre måneder; koordinatoren treffes onsdager. Henvisning fra krisesenteret.',
    category: C.PRACTICAL_HELP,
    targetGroups: [T.ADULTS],
    languages: ['no', 'en', 'ta'],
    venue: at('fs-sondre-nordstrand'),
    schedule: weekly([slot(WED, '10:00', '14:00')]),
    joinMode: JoinMode.REFERRAL_ONLY,
    audience: OfferAudience.NETWORK,
    contact: 1,
    verifiedDaysAgo: 30,
    volunteers: { commitmentMonths: 3, requiresVolunteerCourse: true, womenOnlyVolunteers: false },
  }),
];

// ---------------------------------------------------------------------------------------------
// Pet-care offers (never any place where an animal stays)
// ---------------------------------------------------------------------------------------------

const VIA_STAFF = 'Forespørsel sendes av ansatte på krisesenteret. Fosterhjemmet får ikke vite eierens navn eller oppholdssted.';

export const DEMO_PET_CARE_OFFERS: readonly DemoPetCareOffer[] = [
  {
    key: 'dyr-fosterhjem-hund',
    organisationKey: 'dyrebeskyttelsen',
    title: 'Fosterhjem for hund',
    description: 'Frivillige fosterhjem tar vare på hunden mens eieren bor på krisesenter. Fosterhjemmet sender jevnlige hilsener via kontaktpersonen.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.DOG],
    maxAnimalSize: AnimalSize.LARGE,
    maxAnimals: 1,
    maxStayDays: 90,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: true,
    requirementsNote: `Hunden må være vaksinert og ID-merket. ${VIA_STAFF}`,
    bydeler: ALL_BYDELER,
    placesAvailable: 3,
    contactKey: 'dyrebeskyttelsen/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 9,
  },
  {
    key: 'dyr-fosterhjem-katt',
    organisationKey: 'dyrebeskyttelsen',
    title: 'Fosterhjem for katt',
    description: 'Fosterhjem for én eller to katter fra samme hjem. Fôr og sand dekkes av Dyrebeskyttelsen.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.CAT],
    maxAnimalSize: null,
    maxAnimals: 2,
    maxStayDays: 90,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: false,
    requirementsNote: VIA_STAFF,
    bydeler: ALL_BYDELER,
    placesAvailable: 5,
    contactKey: 'dyrebeskyttelsen/2',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 16,
  },
  {
    key: 'dyr-fosterhjem-smadyr',
    organisationKey: 'dyrebeskyttelsen',
    title: 'Fosterhjem for smådyr og fugler',
    description: 'Kaniner, marsvin, hamstere og små fugler kan bo i fosterhjem. Bur og utstyr tas med fra hjemmet der det er mulig.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.SMALL_MAMMAL, Species.BIRD],
    maxAnimalSize: AnimalSize.SMALL,
    maxAnimals: 4,
    maxStayDays: 60,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: false,
    vetCheckRequired: false,
    requirementsNote: VIA_STAFF,
    bydeler: ALL_BYDELER,
    placesAvailable: 2,
    contactKey: 'dyrebeskyttelsen/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 44,
  },
  {
    key: 'dyr-akuttplass',
    organisationKey: 'dyrebeskyttelsen',
    title: 'Akuttplass de første dagene',
    description: 'Kortvarig akuttplass for små hunder og katter mens et fast fosterhjem blir funnet.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.DOG, Species.CAT],
    maxAnimalSize: AnimalSize.SMALL,
    maxAnimals: 1,
    maxStayDays: 14,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: false,
    vetCheckRequired: true,
    requirementsNote: 'Dyret blir sjekket av veterinær innen to døgn. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 1,
    contactKey: 'dyrebeskyttelsen/2',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 240,
  },
  {
    key: 'dyr-langtid-hund',
    organisationKey: 'dyrebeskyttelsen',
    title: 'Langtidsfosterhjem for hund',
    description: 'For hunder som trenger fosterhjem i flere måneder, for eksempel mens eieren venter på ny bolig.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.DOG],
    maxAnimalSize: AnimalSize.MEDIUM,
    maxAnimals: 1,
    maxStayDays: 180,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: true,
    requirementsNote: `Hunden må være vaksinert, ID-merket og vant til andre hunder. ${VIA_STAFF}`,
    bydeler: ADMINISTRATIVE_BYDELER,
    placesAvailable: 0,
    contactKey: 'dyrebeskyttelsen/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 310,
  },
  {
    key: 'pot-fosterhjem-krypdyr',
    organisationKey: 'poteringen',
    title: 'Fosterhjem for krypdyr, fugler og andre dyr',
    description: 'Erfarne fosterhjem for dyr med særlige behov for varme, lys eller fôr: skilpadder, øgler, slanger, papegøyer og lignende.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.REPTILE, Species.BIRD, Species.OTHER],
    maxAnimalSize: null,
    maxAnimals: 2,
    maxStayDays: 120,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: false,
    vetCheckRequired: false,
    requirementsNote: 'Eier må oppgi art, fôring og behov for lys og varme. Terrarium eller bur tas med. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 1,
    contactKey: 'poteringen/2',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 33,
  },
  {
    key: 'pot-fosterhjem-kanin',
    organisationKey: 'poteringen',
    title: 'Fosterhjem for kanin og marsvin',
    description: 'Fosterhjem med plass til kaniner og marsvin, gjerne flere fra samme hjem.',
    careModel: CareModel.FOSTER_HOME,
    species: [Species.SMALL_MAMMAL],
    maxAnimalSize: AnimalSize.SMALL,
    maxAnimals: 3,
    maxStayDays: 60,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: false,
    vetCheckRequired: false,
    requirementsNote: null,
    bydeler: ALL_BYDELER,
    placesAvailable: 2,
    contactKey: 'poteringen/1',
    status: OfferStatus.DRAFT,
    verifiedDaysAgo: 5,
  },
  {
    key: 'tp-sponset-hundepensjonat',
    organisationKey: 'trygg-pote',
    title: 'Sponset plass på hundepensjonat',
    description: 'Stiftelsen betaler pensjonatplass for hunden mens eieren bor på krisesenter. Pensjonatet får bare vite det som trengs for å passe hunden.',
    careModel: CareModel.SPONSORED_KENNEL,
    species: [Species.DOG],
    maxAnimalSize: AnimalSize.LARGE,
    maxAnimals: 2,
    maxStayDays: 60,
    costKind: CostKind.SPONSORED,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: true,
    requirementsNote: 'Gyldig vaksinasjonsattest (valpesyke, parvo, kennelhoste) og ID-merking. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 4,
    contactKey: 'trygg-pote/2',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 2,
  },
  {
    key: 'tp-sponset-kattepensjonat',
    organisationKey: 'trygg-pote',
    title: 'Sponset plass på kattepensjonat',
    description: 'Stiftelsen betaler pensjonatplass for katter mens eieren bor på krisesenter.',
    careModel: CareModel.SPONSORED_KENNEL,
    species: [Species.CAT],
    maxAnimalSize: null,
    maxAnimals: 2,
    maxStayDays: 60,
    costKind: CostKind.SPONSORED,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: false,
    requirementsNote: 'Katten må være vaksinert mot kattepest og kattesnue. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 3,
    contactKey: 'trygg-pote/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 23,
  },
  {
    key: 'granli-hundepensjonat',
    organisationKey: 'granli-pensjonat',
    title: 'Hundepensjonat, redusert pris',
    description: 'Pensjonatplass for hund med daglig lufting og lek. Krisesentre får redusert døgnpris.',
    careModel: CareModel.KENNEL,
    species: [Species.DOG],
    maxAnimalSize: AnimalSize.LARGE,
    maxAnimals: 2,
    maxStayDays: 30,
    costKind: CostKind.PAID,
    pricePerDayNok: 350,
    vaccinationRequired: true,
    vetCheckRequired: false,
    requirementsNote: 'Vaksinasjonsattest og ID-merking kreves. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 6,
    contactKey: 'granli-pensjonat/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 60,
  },
  {
    key: 'granli-kattepensjonat',
    organisationKey: 'granli-pensjonat',
    title: 'Kattepensjonat, redusert pris',
    description: 'Eget kattepensjonat med enkeltrom. Katter fra samme hjem kan bo sammen.',
    careModel: CareModel.CATTERY,
    species: [Species.CAT],
    maxAnimalSize: null,
    maxAnimals: 3,
    maxStayDays: 30,
    costKind: CostKind.PAID,
    pricePerDayNok: 180,
    vaccinationRequired: true,
    vetCheckRequired: false,
    requirementsNote: 'Vaksinasjonsattest kreves. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 8,
    contactKey: 'granli-pensjonat/2',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 130,
  },
  {
    key: 'granli-smadyr',
    organisationKey: 'granli-pensjonat',
    title: 'Pensjonat for smådyr',
    description: 'Pensjonatplass for kaniner, marsvin og små fugler. Tilbudet er avviklet.',
    careModel: CareModel.KENNEL,
    species: [Species.SMALL_MAMMAL, Species.BIRD],
    maxAnimalSize: AnimalSize.SMALL,
    maxAnimals: 4,
    maxStayDays: 21,
    costKind: CostKind.PAID,
    pricePerDayNok: 120,
    vaccinationRequired: false,
    vetCheckRequired: false,
    requirementsNote: null,
    bydeler: ALL_BYDELER,
    placesAvailable: null,
    contactKey: 'granli-pensjonat/1',
    status: OfferStatus.ARCHIVED,
    verifiedDaysAgo: 365,
  },
  {
    key: 'tryggstad-dyr-pa-senteret',
    organisationKey: 'krisesenter-menn',
    title: 'Kjæledyr kan bo med eieren på senteret',
    description: 'Ett rom er tilrettelagt for beboere med hund eller katt. Dyret bor sammen med eieren under oppholdet.',
    careModel: CareModel.SHELTER_ON_SITE,
    species: [Species.DOG, Species.CAT],
    maxAnimalSize: AnimalSize.MEDIUM,
    maxAnimals: 1,
    maxStayDays: 42,
    costKind: CostKind.FREE,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: false,
    requirementsNote: 'Dyret må være vaksinert og husrent, og eieren har ansvar for stell og lufting.',
    bydeler: [],
    placesAvailable: 1,
    contactKey: 'krisesenter-menn/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 19,
  },
  {
    key: 'granli-sponset-hundepensjonat',
    organisationKey: 'granli-pensjonat',
    sponsorKey: 'trygg-pote',
    title: 'Sponset hundepensjonat hos Granli',
    description: 'Granli tar imot hunder fra krisesentre; Stiftelsen Trygg Pote betaler plassen.',
    careModel: CareModel.SPONSORED_KENNEL,
    species: [Species.DOG],
    maxAnimalSize: AnimalSize.LARGE,
    maxAnimals: 2,
    maxStayDays: 45,
    costKind: CostKind.SPONSORED,
    pricePerDayNok: null,
    vaccinationRequired: true,
    vetCheckRequired: false,
    requirementsNote: 'Vaksinasjonsattest og ID-merking kreves. Forespørsel sendes av ansatte på krisesenteret.',
    bydeler: ALL_BYDELER,
    placesAvailable: 2,
    contactKey: 'granli-pensjonat/1',
    status: OfferStatus.PUBLISHED,
    verifiedDaysAgo: 8,
  },
];

// ---------------------------------------------------------------------------------------------
// Integrity checks at module load: a broken edit fails loudly instead of seeding bad data.
// ---------------------------------------------------------------------------------------------

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`demo data: ${message}`);
}

function unique(kind: string, keys: string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    check(!seen.has(key), `duplicate ${kind} key ${key}`);
    seen.add(key);
  }
}

(function validateDemoData(): void {
  unique(
    'organisation',
    DEMO_ORGANISATIONS.map((o) => o.key),
  );
  unique(
    'location',
    DEMO_LOCATIONS.map((l) => l.key),
  );
  unique(
    'contact',
    DEMO_CONTACT_PERSONS.map((c) => c.key),
  );
  unique(
    'activity',
    DEMO_ACTIVITIES.map((a) => a.key),
  );
  unique(
    'pet-care offer',
    DEMO_PET_CARE_OFFERS.map((p) => p.key),
  );
  unique(
    'volunteer routine',
    DEMO_VOLUNTEER_ROUTINES.map((r) => `${r.organisationKey}:${r.requirement}`),
  );

  const orgs = new Map(DEMO_ORGANISATIONS.map((o) => [o.key, o]));
  const contacts = new Map(DEMO_CONTACT_PERSONS.map((c) => [c.key, c]));
  const bydelPattern = /^0301(0[1-9]|1[0-7])$/;
  const e164 = /^\+47\d{8}$/;

  for (const org of DEMO_ORGANISATIONS) {
    if (org.organisationNumber !== null) {
      check(isValidDemoOrganisationNumber(org.organisationNumber), `invalid organisasjonsnummer ${org.organisationNumber} (${org.key})`);
    }
    check(org.parentKey === null || orgs.has(org.parentKey), `unknown parent of ${org.key}`);
    if (org.mainLocationKey !== null) {
      const location = LOCATION_BY_KEY.get(org.mainLocationKey);
      check(location && location.organisationKey === org.key, `main location of ${org.key} must be its own`);
      if (org.kind === OrganisationKind.SHELTER) {
        check(location.visibility === LocationVisibility.CONFIDENTIAL, `shelter ${org.key} must have a confidential main location`);
      }
    }
    check(
      org.bydeler.every((b) => bydelPattern.test(b)),
      `bad bydel code in ${org.key}`,
    );
    check(org.publicPhone === null || e164.test(org.publicPhone), `bad phone of ${org.key}`);
  }
  for (const routine of DEMO_VOLUNTEER_ROUTINES) {
    check(orgs.has(routine.organisationKey), `routine of unknown organisation ${routine.organisationKey}`);
    check(
      routine.status !== VolunteerRoutineStatus.NOT_APPLICABLE || routine.requirement === VolunteerRequirement.POLICE_CERTIFICATE,
      `only the police certificate may be NOT_APPLICABLE (${routine.organisationKey})`,
    );
  }
  for (const location of DEMO_LOCATIONS) {
    check(orgs.has(location.organisationKey), `location ${location.key} of unknown organisation`);
    check(location.postalCode === null || /^\d{4}$/.test(location.postalCode), `bad postal code of ${location.key}`);
    check(location.bydel === null || bydelPattern.test(location.bydel), `bad bydel of ${location.key}`);
  }
  for (const contact of DEMO_CONTACT_PERSONS) {
    check(orgs.has(contact.organisationKey), `contact ${contact.key} of unknown organisation`);
    check(e164.test(contact.phone), `bad phone of ${contact.key}`);
    check(contact.email.endsWith('@example.org'), `contact ${contact.key} must use example.org`);
  }
  for (const a of DEMO_ACTIVITIES) {
    check(orgs.has(a.organisationKey), `activity ${a.key} of unknown organisation`);
    check(a.contactKey === null || contacts.get(a.contactKey)?.organisationKey === a.organisationKey, `contact of ${a.key} must belong to its organisation`);
    check(a.ageMin === null || a.ageMax === null || a.ageMin <= a.ageMax, `age range of ${a.key}`);
    check((a.costKind === CostKind.PAID) === (a.priceNok !== null), `price of ${a.key} must be set exactly when PAID`);
    check(a.placesAvailable === null || (a.capacity !== null && a.placesAvailable <= a.capacity), `places of ${a.key}`);
    check(a.schedule.weekly.length > 0 || (a.schedule.monthly?.length ?? 0) > 0 || a.schedule.dates.length > 0, `schedule of ${a.key} is empty`);
    const location = a.locationKey === null ? undefined : LOCATION_BY_KEY.get(a.locationKey);
    check(audienceFitsPlace(a.audience, location?.visibility), `${a.key} is ${a.audience} at a ${location?.visibility} place: never wider than its place`);
    switch (a.venueKind) {
      case VenueKind.LOCATION:
        check(location && location.visibility !== LocationVisibility.CONFIDENTIAL, `${a.key} must be at a non-confidential location`);
        check(a.bydel === location.bydel, `bydel of ${a.key} must be its location's`);
        break;
      case VenueKind.AT_SHELTER:
        check(
          location?.visibility === LocationVisibility.CONFIDENTIAL && orgs.get(location.organisationKey)?.kind === OrganisationKind.SHELTER,
          `${a.key} must point at a shelter's confidential location`,
        );
        check(a.bydel === null && a.audience === OfferAudience.NETWORK, `${a.key} at a shelter must have no bydel and audience NETWORK`);
        break;
      case VenueKind.ONLINE:
        check(a.locationKey === null && a.bydel === null, `online ${a.key} must have no location or bydel`);
        break;
    }
  }
  for (const p of DEMO_PET_CARE_OFFERS) {
    check(orgs.has(p.organisationKey), `pet-care offer ${p.key} of unknown organisation`);
    check(p.contactKey === null || contacts.get(p.contactKey)?.organisationKey === p.organisationKey, `contact of ${p.key} must belong to its organisation`);
    check((p.costKind === CostKind.PAID) === (p.pricePerDayNok !== null), `price of ${p.key} must be set exactly when PAID`);
    check(p.species.length > 0 && p.bydeler.every((b) => bydelPattern.test(b)), `species/bydeler of ${p.key}`);
    check(
      p.sponsorKey === undefined || (orgs.get(p.sponsorKey)?.kind === OrganisationKind.SPONSOR && p.careModel === CareModel.SPONSORED_KENNEL),
      `sponsor of ${p.key} must be a SPONSOR, of a SPONSORED_KENNEL`,
    );
  }
})();
