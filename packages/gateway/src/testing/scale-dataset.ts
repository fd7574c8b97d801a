import { createHash } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { ACTIVITY_WORDS, DESCRIPTION_SENTENCES, TITLE_QUALIFIERS } from './listing-vocabulary.js';

/**
 * A deterministic dataset of any size for the statement-count test and the benchmark: per bydel
 * `organisationsPerBydel` organisations, each with 2 contact persons, a public location, 3
 * published activities and (every second one) a pet-care offer; one shelter sends referrals to
 * every third organisation's first activity. Ids, names and times follow from the position; the
 * activities' titles, descriptions and categories are drawn from a vocabulary of real listings
 * (listing-vocabulary.ts) by a PRNG seeded with the position, so a search word matches a fraction
 * of a percent of them, as in a real directory. Deterministic: `checksum` proves two runs built
 * the same data.
 */
export interface ScaleDataset {
  readonly organisations: number;
  readonly activities: number;
  readonly petCareOffers: number;
  readonly referrals: number;
  readonly checksum: string;
  /** Ids the fixed operations use. */
  readonly sample: { shelterId: string; organisationId: string; activityId: string; bydel: string };
}

const BASE = Date.UTC(2026, 10, 1, 12);
const BYDELER = Array.from({ length: 15 }, (_, i) => `0301${String(i + 1).padStart(2, '0')}`);
/** Every activity word of the vocabulary, with its category, each as likely as the next. */
const ACTIVITY_KINDS = Object.entries(ACTIVITY_WORDS).flatMap(([category, words]) => words.map((word) => ({ word, category })));
const LEKSEHJELP = ACTIVITY_KINDS.findIndex((kind) => kind.word === 'Leksehjelp');
/** Fixed: the same data on every run, and the seed is in the checksum's input. */
const SEED = 0x5a3d_2026;

/** A small seeded PRNG (mulberry32): numbers in [0, 1), the same for the same seed on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/**
 * An activity's title, description and category from the vocabulary of real listings, decided by
 * its position alone. The sample activity (position 0) is always a "Leksehjelp", so the benchmark's
 * search finds something at every size.
 */
function listing(i: number): { title: string; description: string; category: string } {
  const random = prng(SEED ^ Math.imul(i + 1, 0x9e3779b1));
  const kind = i === 0 ? ACTIVITY_KINDS[LEKSEHJELP]! : pick(random, ACTIVITY_KINDS);
  const qualifier = random() < 0.5 ? ` ${pick(random, TITLE_QUALIFIERS)}` : '';
  const title = `${kind.word}${qualifier}`;
  const first = pick(random, DESCRIPTION_SENTENCES);
  let second = pick(random, DESCRIPTION_SENTENCES);
  if (second === first) second = DESCRIPTION_SENTENCES[(DESCRIPTION_SENTENCES.indexOf(first) + 1) % DESCRIPTION_SENTENCES.length]!;
  return { title, description: `${title}, hver ${UKEDAGER[i % 7]}. ${first} ${second}`, category: kind.category };
}

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const UKEDAGER = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const CHUNK = 1000;

/** A UUID v4-shaped id from a table tag (1 hex digit) and a position. */
const id = (tag: number, n: number) => `00000000-0000-4000-8${tag.toString(16)}00-${n.toString(16).padStart(12, '0')}`;
const at = (minutesAgo: number) => new Date(BASE - minutesAgo * 60_000);

async function insert(em: EntityManager, table: string, rows: Array<Record<string, unknown>>, hash: ReturnType<typeof createHash>): Promise<void> {
  const knex = em.getKnex();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    hash.update(JSON.stringify(chunk));
    await knex.insert(chunk).into(knex.raw(table));
  }
}

export async function seedScaleDataset(
  directoryEm: EntityManager,
  referralsEm: EntityManager,
  organisationsPerBydel: number,
  onProgress?: (message: string) => void,
): Promise<ScaleDataset> {
  const hash = createHash('sha256');
  const shelterId = id(0, 0);
  const organisations: Array<Record<string, unknown>> = [
    { id: shelterId, kind: 'SHELTER', name: 'Skalakrisesenteret', description: 'Krisesenter.', version: 1, created_at: at(0), updated_at: at(0) },
  ];
  const pivot: Array<Record<string, unknown>> = [];
  const locations: Array<Record<string, unknown>> = [];
  const contacts: Array<Record<string, unknown>> = [];
  const activities: Array<Record<string, unknown>> = [];
  const petCare: Array<Record<string, unknown>> = [];
  const petCarePivot: Array<Record<string, unknown>> = [];
  const referrals: Array<Record<string, unknown>> = [];

  let n = 0;
  for (const [b, bydel] of BYDELER.entries()) {
    for (let k = 0; k < organisationsPerBydel; k++, n++) {
      const org = id(1, n);
      const location = id(2, n);
      // The organisation's first activity: what it describes itself by, and what it is referred to.
      const firstActivity = listing(n * 3);
      organisations.push({
        id: org,
        kind: n % 7 === 0 ? 'VOLUNTEER_CENTRE' : 'VOLUNTARY_ORGANISATION',
        name: `Forening ${String(n).padStart(6, '0')}`,
        description: `${firstActivity.title} og frivillig arbeid i bydelen.`,
        public_email: `post${n}@example.org`,
        main_location_id: null,
        volunteer_requirements_met_at: n % 3 === 0 ? at(n) : null,
        last_verified_at: at(n),
        version: 1,
        created_at: at(n),
        updated_at: at(n),
      });
      pivot.push({ organisation_id: org, bydel_code: bydel });
      locations.push({
        id: location,
        organisation_id: org,
        name: `Møtested ${n}`,
        street_address: `Testgata ${n % 200}`,
        postal_code: String(150 + (n % 800)).padStart(4, '0'),
        postal_town: 'OSLO',
        bydel_code: bydel,
        latitude: 59.88 + (b % 5) * 0.02 + (k % 10) * 0.001,
        longitude: 10.7 + Math.floor(b / 5) * 0.08 + (k % 10) * 0.001,
        visibility: 'PUBLIC',
        version: 1,
      });
      for (let c = 0; c < 2; c++) {
        contacts.push({
          id: id(3, n * 2 + c),
          organisation_id: org,
          name: `Kontakt ${n}-${c}`,
          title: 'Koordinator',
          phone: `+4740${String(n * 2 + c).padStart(6, '0')}`,
          email: `kontakt${n}-${c}@example.org`,
          languages: '{no,en}',
          last_verified_at: at(n),
          version: 1,
          created_at: at(n),
        });
      }
      for (let a = 0; a < 3; a++) {
        const i = n * 3 + a;
        const weekday = WEEKDAYS[i % 7]!;
        const { title, description, category } = listing(i);
        activities.push({
          id: id(4, i),
          organisation_id: org,
          title,
          description,
          category,
          target_groups: '{ADULTS,FAMILIES}',
          age_min: null,
          age_max: null,
          languages: i % 2 ? '{no,ar}' : '{no,en}',
          venue_kind: 'LOCATION',
          location_id: location,
          bydel_code: bydel,
          schedule: JSON.stringify({ weekly: [{ weekday, startTime: '17:00', endTime: '19:00' }], exceptions: [], dates: [] }),
          weekdays: `{${(i % 7) + 1}}`,
          cost_kind: i % 5 === 3 ? 'PAID' : 'FREE',
          price_nok: i % 5 === 3 ? 50 : null,
          join_mode: 'OPEN',
          accessibility: '{}',
          contact_person_id: id(3, n * 2),
          status: 'PUBLISHED',
          audience: 'PUBLIC',
          last_verified_at: at(i % 500),
          published_at: at(1000),
          version: 1,
          created_at: at(1000),
          updated_at: at(i % 700),
        });
      }
      if (n % 2 === 0) {
        const offer = id(5, n / 2);
        petCare.push({
          id: offer,
          organisation_id: org,
          title: `Fosterhjem for ${n % 4 === 0 ? 'hund' : 'katt'} ${n}`,
          description: 'Frivillige tar vare på dyret mens eieren bor på krisesenter.',
          care_model: 'FOSTER_HOME',
          species: n % 4 === 0 ? '{DOG}' : '{CAT}',
          cost_kind: 'FREE',
          vaccination_required: true,
          vet_check_required: false,
          places_available: 1 + (n % 3),
          places_updated_at: at(n),
          contact_person_id: id(3, n * 2 + 1),
          status: 'PUBLISHED',
          last_verified_at: at(n % 300),
          version: 1,
          created_at: at(1000),
          updated_at: at(1000),
        });
        petCarePivot.push({ pet_care_offer_id: offer, bydel_code: bydel });
      }
      if (n % 3 === 0) {
        referrals.push({
          id: id(6, n / 3),
          status: 'SENT',
          version: 2,
          sending_shelter_id: shelterId,
          created_by: 'bench-staff',
          target_kind: 'ACTIVITY',
          target_id: id(4, n * 3),
          receiving_organisation_id: org,
          bydel_code: bydel,
          category: firstActivity.category,
          pseudonymous_reference: `SK-${n}`,
          age_group: 'ADULT',
          languages: '{no}',
          need_description: 'Ønsker å delta jevnlig.',
          consent_given_at: at(60),
          consent_recorded_by: 'bench-staff',
          consent_scope: '{AGE_GROUP,LANGUAGES,NEED_DESCRIPTION}',
          consent_expires_at: new Date(Date.UTC(2099, 0, 1)),
          sent_at: at(30),
          answer_deadline: new Date(Date.UTC(2099, 0, 1)),
          created_at: at(60),
          updated_at: at(30),
        });
      }
    }
    onProgress?.(`  built bydel ${b + 1}/15`);
  }

  const d = '"directory"';
  await insert(directoryEm, `${d}."organisation"`, organisations, hash);
  await insert(directoryEm, `${d}."organisation_bydel"`, pivot, hash);
  await insert(directoryEm, `${d}."location"`, locations, hash);
  await insert(directoryEm, `${d}."contact_person"`, contacts, hash);
  onProgress?.(`  inserted ${organisations.length} organisations, ${contacts.length} contact persons`);
  await insert(directoryEm, `${d}."activity"`, activities, hash);
  onProgress?.(`  inserted ${activities.length} activities`);
  await insert(directoryEm, `${d}."pet_care_offer"`, petCare, hash);
  await insert(directoryEm, `${d}."pet_care_offer_bydel"`, petCarePivot, hash);
  await insert(referralsEm, '"referrals"."referral"', referrals, hash);
  await directoryEm.execute('analyze');
  onProgress?.(`  inserted ${petCare.length} pet-care offers, ${referrals.length} referrals`);

  return {
    organisations: organisations.length - 1,
    activities: activities.length,
    petCareOffers: petCare.length,
    referrals: referrals.length,
    checksum: hash.digest('hex').slice(0, 16),
    sample: { shelterId, organisationId: id(1, 0), activityId: id(4, 0), bydel: BYDELER[0]! },
  };
}
