// The benchmark's "database floor": the fixed operations (packages/gateway/src/testing/
// operations.ts) written by hand with `pg`: batched, parameterized SQL, JSON built in JavaScript,
// served by a bare `node:http` server. No GraphQL, no ORM, no tokens: the caller is always the
// operation's caller (SHELTER_STAFF of `shelterId`, or ORG_EDITOR of `organisationId` for the
// inbox), named by the variables. Started by run.mjs; prints "ready <url>" once listening.
//
//   env: DATABASE_URL, PORT (binds 127.0.0.1); FLOOR_AUDIT_READS=0 leaves out the inbox's LIST
//        audit rows (the platform writes them, so they are in by default)
//
// Every route is POST with a JSON body `{ "variables": { ... } }` and answers `{ "data": ... }`,
// shaped like the GraphQL operation's `data` (same fields, order, limits), or
// `{ "errors": [{ "message", "extensions": { "code" } }] }` with HTTP 400/404/500. run.mjs sends
// the operation's variables plus the dataset sample (shelterId, organisationId, activityId,
// bydel); keys a route does not use are ignored.
//
//   route                    variables                                        SQL statements
//   /bydeler                 none                                             0: read once at start, as the
//                                                                             platform's BydelCatalogue
//   /page                    none (shelterId accepted; only published
//                            activities are listed, so it changes nothing)    3: bydeler with their first
//                                                                             5 organisations; contact
//                                                                             persons ∥ first 3 activities
//   /activity-search         f: { text?, bydeler?,
//                                 includeNeighbouringBydeler?, freeOnly? }    1: page, totalCount
//                                                                             (window) and organisation;
//                                                                             2 when the words find nothing
//                                                                             (then the fuzzy title match)
//                            without text: the list by title, then id         1
//   /pet-care-availability   b (bydel code)                                   1: page, totalCount, organisation
//   /activity-by-id          id, shelterId                                    1: activity with organisation,
//                                                                             location, contact person
//   /referral-inbox          organisationId (the ORG_EDITOR's organisation),
//                            subject? (default "bench-editor")               1: page, totalCount, activity,
//                                                                             shelter, LIST audit rows (CTE)
//   /create-referral         input: { activityId | petCareOfferId,
//                                     pseudonymousReference?, ageGroup?,
//                                     languages?, interpreterNeeded?,
//                                     childrenAges?, pets?, needDescription? },
//                            shelterId, subject? (default "bench-staff")     2: offer look-up; referral +
//                                                                             status change + CREATE audit
//                                                                             row in one statement (so one
//                                                                             transaction)
//
// Left out on purpose: nextOccurrences (computed from the schedule, no SQL), consent on create
// (refused), the platform's content checks of free text (identity numbers, phone numbers).
import { Buffer } from 'node:buffer';
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { createRequire } from 'node:module';
import { URL } from 'node:url';

const pg = createRequire(new URL('../../packages/core/package.json', import.meta.url))('pg');

const DATABASE_URL = process.env.DATABASE_URL;
const PORT = Number(process.env.PORT ?? 0);
const AUDIT_READS = process.env.FLOOR_AUDIT_READS !== '0';
if (!DATABASE_URL) {
  process.stderr.write('floor-server: DATABASE_URL is required\n');
  process.exit(1);
}

/** As directory's WORD_SIMILARITY_THRESHOLD, set on every connection like the platform does. */
const WORD_SIMILARITY_THRESHOLD = '0.5';
// Given as a startup option of each connection rather than a `set` in the pool's `connect` event:
// the same session setting, without an extra round trip, and without pg's deprecation warning
// for a query sent while the pool's first query on a new client is already queued.
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10, options: `-c pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}` });
pool.on('error', (error) => process.stderr.write(`floor-server: idle client error: ${error.message}\n`));

// --- rules copied from the platform --------------------------------------------------------

// The neighbour table is data, not data access: the floor uses the platform's own (compiled).
const { withNeighbours } = createRequire(new URL('../../packages/directory/package.json', import.meta.url))('./dist/modules/bydeler/bydel-neighbours.js');

/** packages/directory/src/common/ranked-search.ts, textSearch, with numbered parameters. */
const PRECISE = /"|(^|\s)-\S|\sor\s/i;
function textSearch(alias, text, param, match) {
  const t = param(text);
  const fts = `websearch_to_tsquery('directory.samspill', ${t})`;
  if (PRECISE.test(text)) {
    return { where: `${alias}.search_vector @@ ${fts}`, rank: `round((2 * ts_rank_cd(${alias}.search_vector, ${fts}, 1))::numeric, 6)` };
  }
  const compact = text.replace(/\s+/g, '');
  const c = compact === text ? t : param(compact);
  const where =
    match === 'fuzzy'
      ? `(directory.search_text(${t}) <% ${alias}.search_title or directory.search_text(${c}) <% ${alias}.search_title)`
      : compact === text
        ? `${alias}.search_vector @@ ${fts}`
        : `${alias}.search_vector @@ (${fts} || websearch_to_tsquery('directory.samspill', ${c}))`;
  const titleWords =
    compact === text
      ? `word_similarity(directory.search_text(${t}), ${alias}.search_title)`
      : `greatest(word_similarity(directory.search_text(${t}), ${alias}.search_title), word_similarity(directory.search_text(${c}), ${alias}.search_title))`;
  return {
    where,
    rank: `round((2 * ts_rank_cd(${alias}.search_vector, ${fts}, 1) + ${titleWords} + similarity(directory.search_text(${t}), ${alias}.search_title))::numeric, 6)`,
  };
}
/** runRankedQuery's cursor: `<sha256(order name) base64url, 6>~<sort value>~<id>`. */
const RELEVANCE_SIGNATURE = createHash('sha256').update('activity-relevance').digest('base64url').slice(0, 6);
/** ... and for a column order: `<signature>~<the value as text, base64url>~<id>` (columnOrder). */
const TITLE_SIGNATURE = createHash('sha256').update('ActivityEntity-title-asc').digest('base64url').slice(0, 6);

/** referral.view.ts: an organisation sees consented fields only while the referral is active for it. */
const ACTIVE_FOR_ORGANISATION = new Set(['SENT', 'RECEIVED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD']);
const AGE_GROUPS = new Set(['CHILD', 'YOUTH', 'YOUNG_ADULT', 'ADULT', 'SENIOR']);
const PET_SPECIES = new Set(['DOG', 'CAT', 'SMALL_MAMMAL', 'BIRD', 'REPTILE', 'OTHER']);

// --- helpers -------------------------------------------------------------------------------

class RequestError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const badInput = (message) => new RequestError(400, 'BAD_USER_INPUT', message);
const notFound = (message) => new RequestError(404, 'NOT_FOUND', message);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BYDEL_CODE = /^0301\d{2}$/;
const isUuid = (value) => typeof value === 'string' && UUID.test(value);

function uuidVariable(variables, name) {
  const value = variables[name];
  if (!isUuid(value)) throw badInput(`variables.${name} must be a UUID`);
  return value;
}

function bydelVariable(value, name) {
  if (typeof value !== 'string' || !BYDEL_CODE.test(value)) throw badInput(`${name} must be a bydel code like 030101`);
  return value;
}

/** Groups rows by a key, keeping their order. */
function groupBy(rows, key) {
  const groups = new Map();
  for (const row of rows) {
    const list = groups.get(row[key]);
    if (list) list.push(row);
    else groups.set(row[key], [row]);
  }
  return groups;
}

// --- the operations ------------------------------------------------------------------------

/** The bydeler are reference data: read once, when the server starts, as the platform does. */
const bydelList = pool
  .query(`select b.code, b.name from directory.bydel b order by b.code`)
  .then(({ rows }) => rows)
  .catch((error) => {
    process.stderr.write(`floor-server: reading the bydeler: ${error.message}\n`);
    process.exit(1);
  });

/** `{ bydeler { code name } }` */
async function bydeler() {
  return { bydeler: await bydelList };
}

/** `{ bydeler { code name organisations(first: 5) { name contactPersons { name phone } activities(first: 3) { title contactPerson { name phone } } } } }` */
async function page() {
  const { rows: bydelRows } = await pool.query(
    // A window over the pivot rather than a lateral `limit` per bydel: one hash join and sort
    // instead of one per bydel (at 1 000 organisations a bydel, 9 ms against 21 ms).
    `select b.code, b.name, o.id as organisation_id, o.name as organisation_name
       from directory.bydel b
       left join (
              select p.bydel_code, o.id, o.name, row_number() over (partition by p.bydel_code order by o.name, o.id) as rank
                from directory.organisation_bydel p
                join directory.organisation o on o.id = p.organisation_id) o
         on o.bydel_code = b.code and o.rank <= $1
      order by b.code, o.name, o.id`,
    [5],
  );
  const organisationIds = [...new Set(bydelRows.filter((r) => r.organisation_id).map((r) => r.organisation_id))];
  const [contacts, activities] = organisationIds.length
    ? await Promise.all([
        pool.query(
          `select c.organisation_id, c.name, c.phone
             from directory.contact_person c
            where c.organisation_id = any($1::uuid[])
            order by c.organisation_id, c.name, c.id`,
          [organisationIds],
        ),
        pool.query(
          `select k.id as organisation_id, a.title, a.contact_person_id, c.name as contact_name, c.phone as contact_phone
             from unnest($1::uuid[]) as k(id)
             cross join lateral (
                    select a.id, a.title, a.contact_person_id
                      from directory.activity a
                     where a.organisation_id = k.id and a.status = 'PUBLISHED'
                     order by a.title, a.id
                     limit $2) a
             left join directory.contact_person c on c.id = a.contact_person_id
            order by k.id, a.title, a.id`,
          [organisationIds, 3],
        ),
      ])
    : [{ rows: [] }, { rows: [] }];
  const contactsByOrganisation = groupBy(contacts.rows, 'organisation_id');
  const activitiesByOrganisation = groupBy(activities.rows, 'organisation_id');
  const organisation = (id, name) => ({
    name,
    contactPersons: (contactsByOrganisation.get(id) ?? []).map((c) => ({ name: c.name, phone: c.phone })),
    activities: (activitiesByOrganisation.get(id) ?? []).map((a) => ({
      title: a.title,
      contactPerson: a.contact_person_id && a.contact_name !== null ? { name: a.contact_name, phone: a.contact_phone } : null,
    })),
  });
  const bydeler = [];
  for (const row of bydelRows) {
    let bydel = bydeler.at(-1);
    if (bydel?.code !== row.code) bydeler.push((bydel = { code: row.code, name: row.name, organisations: [] }));
    if (row.organisation_id) bydel.organisations.push(organisation(row.organisation_id, row.organisation_name));
  }
  return { bydeler };
}

const SEARCH_FILTER_KEYS = new Set(['text', 'bydeler', 'includeNeighbouringBydeler', 'freeOnly']);

/** One page of activities, with the total count: ranked for one way of matching the text, or by title without one. */
async function rankedActivities(f, text, match) {
  const params = [];
  const param = (value) => `$${params.push(value)}`;
  const where = [`a.status = 'PUBLISHED'`];
  if (f.bydeler?.length) {
    if (!Array.isArray(f.bydeler) || f.bydeler.length > 17) throw badInput('filter.bydeler must be a list of at most 17 bydel codes');
    f.bydeler.forEach((code, i) => bydelVariable(code, `filter.bydeler[${i}]`));
    where.push(`a.bydel_code = any(${param(f.includeNeighbouringBydeler ? withNeighbours(f.bydeler) : f.bydeler)}::text[])`);
  }
  if (f.freeOnly) where.push(`a.cost_kind in ('FREE', 'SPONSORED')`);
  const search = text ? textSearch('a', text, param, match) : { rank: 'a.title' };
  if (search.where) where.push(search.where);
  const first = 20;
  const direction = text ? 'desc' : 'asc';
  // One more than the page, as the platform reads (for hasNextPage).

  const { rows } = await pool.query(
    `select s.id, s.title, s.sort_value, s.total_count, o.name as organisation_name
       from (select a.id, a.title, a.organisation_id, ${search.rank} as sort_value, count(*) over () as total_count
               from directory.activity a
              where ${where.join(' and ')}
              order by sort_value ${direction}, a.id asc
              limit ${param(first + 1)}) s
       join directory.organisation o on o.id = s.organisation_id
      order by s.sort_value ${direction}, s.id asc`,
    params,
  );
  return rows.slice(0, first);
}

/**
 * `activities(filter: $f, first: 20) { totalCount nodes { title relevance organisation { name } } pageInfo { endCursor } }`,
 * or without `f.text` `… nodes { title organisation { name } } …`, by title.
 */
async function activitySearch(variables) {
  const f = variables.f ?? {};
  if (typeof f !== 'object' || Array.isArray(f)) throw badInput('variables.f must be an ActivityFilter object');
  for (const key of Object.keys(f)) if (!SEARCH_FILTER_KEYS.has(key)) throw badInput(`the floor does not implement filter.${key}`);
  const text = typeof f.text === 'string' ? f.text.trim() : '';
  if (text.length > 200) throw badInput('filter.text must be at most 200 characters');

  // As the platform: the words first, and the fuzzy title match only when they find nothing.
  let rows = await rankedActivities(f, text, 'words');
  if (text && rows.length === 0 && !PRECISE.test(text)) rows = await rankedActivities(f, text, 'fuzzy');
  const last = rows.at(-1);
  const cursor = (row) =>
    text
      ? `${RELEVANCE_SIGNATURE}~${String(row.sort_value)}~${row.id}`
      : `${TITLE_SIGNATURE}~${Buffer.from(row.title, 'utf8').toString('base64url')}~${row.id}`;
  return {
    activities: {
      totalCount: rows.length ? Number(rows[0].total_count) : 0,
      nodes: rows.map((r) =>
        text
          ? { title: r.title, relevance: Number(r.sort_value), organisation: { name: r.organisation_name } }
          : { title: r.title, organisation: { name: r.organisation_name } },
      ),
      pageInfo: { endCursor: last ? cursor(last) : null },
    },
  };
}

/** `petCareOffers(filter: { species: [DOG], bydel: $b, availableNow: true }, first: 20) { totalCount nodes { title placesAvailable placesUpdatedAt organisation { name } } }` */
async function petCareAvailability(variables) {
  const bydel = bydelVariable(variables.b, 'variables.b');
  const { rows } = await pool.query(
    `select s.id, s.title, s.places_available, s.places_updated_at, s.total_count, o.name as organisation_name
       from (select p.id, p.title, p.places_available, p.places_updated_at, p.organisation_id, count(*) over () as total_count
               from directory.pet_care_offer p
              where p.status = 'PUBLISHED'
                and p.species && $1::text[]
                and p.id in (select pb.pet_care_offer_id from directory.pet_care_offer_bydel pb where pb.bydel_code = any($2::text[]))
                and p.places_available > 0
              order by p.title, p.id
              limit $3) s
       join directory.organisation o on o.id = s.organisation_id
      order by s.title, s.id`,
    // One more than the page, as the platform reads (for hasNextPage).
    [['DOG'], [bydel], 21],
  );
  return {
    petCareOffers: {
      totalCount: rows.length ? Number(rows[0].total_count) : 0,
      nodes: rows.slice(0, 20).map((r) => ({
        title: r.title,
        placesAvailable: r.places_available,
        placesUpdatedAt: r.places_updated_at,
        organisation: { name: r.organisation_name },
      })),
    },
  };
}

/** `activity(id: $id) { title description venueLabel organisation { name } location { name streetAddress } contactPerson { name phone } }` */
async function activityById(variables) {
  const shelterId = uuidVariable(variables, 'shelterId');
  const id = variables.id;
  if (!isUuid(id)) throw notFound(`Activity ${String(id)} not found`);
  const { rows } = await pool.query(
    `select a.title, a.description, a.venue_kind, a.status, a.organisation_id, o.name as organisation_name,
            a.location_id, l.name as location_name, l.street_address, l.visibility as location_visibility,
            l.organisation_id as location_organisation_id,
            a.contact_person_id, c.name as contact_name, c.phone as contact_phone
       from directory.activity a
       join directory.organisation o on o.id = a.organisation_id
       left join directory.location l on l.id = a.location_id
       left join directory.contact_person c on c.id = a.contact_person_id
      where a.id = $1`,
    [id],
  );
  const a = rows[0];
  // A signed-in caller sees published activities and their own organisation's.
  if (!a || (a.status !== 'PUBLISHED' && a.organisation_id !== shelterId)) throw notFound(`Activity ${id} not found`);
  // PUBLIC and NETWORK: any signed-in caller; CONFIDENTIAL: the owning organisation's own people.
  const locationVisible =
    a.location_name !== null && (a.location_visibility === 'PUBLIC' || a.location_visibility === 'NETWORK' || a.location_organisation_id === shelterId);
  const location = locationVisible ? { name: a.location_name, streetAddress: a.street_address } : null;
  const venueLabel =
    a.venue_kind === 'AT_SHELTER' ? 'På krisesenteret' : a.venue_kind === 'ONLINE' ? 'Digitalt' : (location?.name ?? 'Sted oppgis ved påmelding');
  return {
    activity: {
      title: a.title,
      description: a.description,
      venueLabel,
      organisation: { name: a.organisation_name },
      location,
      contactPerson: a.contact_person_id && a.contact_name !== null ? { name: a.contact_name, phone: a.contact_phone } : null,
    },
  };
}

/** `referrals(first: 20) { totalCount nodes { id status ageGroup needDescription activity { title } sendingShelter { name } } }` as ORG_EDITOR */
async function referralInbox(variables) {
  const organisationId = uuidVariable(variables, 'organisationId');
  const subject = typeof variables.subject === 'string' && variables.subject ? variables.subject : 'bench-editor';
  const now = new Date();
  // One more than the page, as the platform reads (for hasNextPage); only the page is audited.
  const params = [organisationId, 21];
  // The platform audits every list (one LIST row per referral shown); here in the same statement.
  const audit = AUDIT_READS
    ? `, audit as (
         insert into referrals.audit_log (at, actor_subject, actor_role, actor_organisation_id, operation, referral_id)
         select $3::timestamptz, $4, 'ORG_EDITOR', $1::uuid, 'LIST', id from (select id from page order by created_at desc, id desc limit 20) shown)`
    : '';
  if (AUDIT_READS) params.push(now, subject);
  const { rows } = await pool.query(
    `with page as (
       select r.id, r.status, r.age_group, r.need_description, r.consent_given_at, r.consent_withdrawn_at,
              r.consent_expires_at, r.consent_scope, r.target_kind, r.target_id, r.sending_shelter_id, r.created_at,
              count(*) over () as total_count
         from referrals.referral r
        where r.receiving_organisation_id = $1::uuid and r.sent_at is not null
        order by r.created_at desc, r.id desc
        limit $2)${audit}
     select p.*, a.title as activity_title, a.status as activity_status, a.organisation_id as activity_organisation_id,
            s.name as shelter_name
       from page p
       left join directory.activity a on p.target_kind = 'ACTIVITY' and a.id = p.target_id
       left join directory.organisation s on s.id = p.sending_shelter_id
      order by p.created_at desc, p.id desc`,
    params,
  );
  return {
    referrals: {
      totalCount: rows.length ? Number(rows[0].total_count) : 0,
      nodes: rows.slice(0, 20).map((r) => {
        const consentValid = !!r.consent_given_at && !r.consent_withdrawn_at && !!r.consent_expires_at && r.consent_expires_at > now;
        const scope = consentValid && ACTIVE_FOR_ORGANISATION.has(r.status) ? r.consent_scope : [];
        // The activity as the directory shows it to this editor: published, or their own.
        const activityVisible = r.activity_title !== null && (r.activity_status === 'PUBLISHED' || r.activity_organisation_id === organisationId);
        return {
          id: r.id,
          status: r.status === 'REDIRECTED' ? 'DECLINED' : r.status,
          ageGroup: scope.includes('AGE_GROUP') ? r.age_group : null,
          needDescription: scope.includes('NEED_DESCRIPTION') ? r.need_description : null,
          activity: activityVisible ? { title: r.activity_title } : null,
          sendingShelter: r.shelter_name === null ? null : { name: r.shelter_name },
        };
      }),
    },
  };
}

/** The personal fields of CreateReferralInput, checked as the platform's input types do (but not for content). */
function personalFields(input) {
  const out = {
    pseudonymousReference: null,
    ageGroup: null,
    languages: null,
    interpreterNeeded: null,
    childrenAges: null,
    pets: null,
    needDescription: null,
  };
  const ref = input.pseudonymousReference;
  if (ref != null) {
    if (typeof ref !== 'string' || ref.length < 1 || ref.length > 40 || !/^[\p{L}\p{N} _./-]+$/u.test(ref) || !/\d/.test(ref)) {
      throw badInput('input.pseudonymousReference must be 1–40 letters, digits, spaces or _ . / - with a number in it');
    }
    out.pseudonymousReference = ref;
  }
  if (input.ageGroup != null) {
    if (!AGE_GROUPS.has(input.ageGroup)) throw badInput('input.ageGroup is not an AgeGroup');
    out.ageGroup = input.ageGroup;
  }
  if (input.languages != null) {
    if (!Array.isArray(input.languages) || input.languages.length > 10 || !input.languages.every((l) => typeof l === 'string' && /^[a-z]{2}$/.test(l))) {
      throw badInput('input.languages must be at most 10 ISO 639-1 codes');
    }
    out.languages = input.languages;
  }
  if (input.interpreterNeeded != null) {
    if (typeof input.interpreterNeeded !== 'boolean') throw badInput('input.interpreterNeeded must be a boolean');
    out.interpreterNeeded = input.interpreterNeeded;
  }
  if (input.childrenAges != null) {
    if (!Array.isArray(input.childrenAges) || input.childrenAges.length > 10 || !input.childrenAges.every((a) => Number.isInteger(a) && a >= 0 && a <= 17)) {
      throw badInput('input.childrenAges must be at most 10 ages 0–17');
    }
    out.childrenAges = input.childrenAges;
  }
  if (input.pets != null) {
    if (
      !Array.isArray(input.pets) ||
      input.pets.length > 6 ||
      !input.pets.every((p) => p && PET_SPECIES.has(p.species) && Number.isInteger(p.count) && p.count >= 1 && p.count <= 10)
    ) {
      throw badInput('input.pets must be at most 6 { species, count } with count 1–10');
    }
    out.pets = JSON.stringify(input.pets.map((p) => ({ species: p.species, count: p.count })));
  }
  if (input.needDescription != null) {
    if (typeof input.needDescription !== 'string' || input.needDescription.length > 500) throw badInput('input.needDescription must be at most 500 characters');
    out.needDescription = input.needDescription;
  }
  return out;
}

/** `createReferral(input: $input) { id status }` as SHELTER_STAFF of shelterId */
async function createReferral(variables) {
  const shelterId = uuidVariable(variables, 'shelterId');
  const subject = typeof variables.subject === 'string' && variables.subject ? variables.subject : 'bench-staff';
  const input = variables.input;
  if (!input || typeof input !== 'object') throw badInput('variables.input is required');
  if (input.consent != null) throw badInput('the floor does not implement consent on create');
  if (!!input.activityId === !!input.petCareOfferId) throw badInput('give exactly one of activityId and petCareOfferId');
  const kind = input.activityId ? 'ACTIVITY' : 'PET_CARE_OFFER';
  const field = input.activityId ? 'input.activityId' : 'input.petCareOfferId';
  const targetId = input.activityId ?? input.petCareOfferId;
  if (!isUuid(targetId)) throw badInput(`${field} must be a UUID`);
  const personal = personalFields(input);

  // The offer's facts, as the referrals subgraph asks the directory for them.
  const { rows } = await pool.query(
    kind === 'ACTIVITY'
      ? `select a.organisation_id, a.bydel_code, a.category, a.status from directory.activity a where a.id = $1`
      : `select p.organisation_id, null::text as bydel_code, 'PET_CARE' as category, p.status from directory.pet_care_offer p where p.id = $1`,
    [targetId],
  );
  const offer = rows[0];
  if (!offer || (offer.status !== 'PUBLISHED' && offer.organisation_id !== shelterId)) throw badInput(`${field}: no such offer that you can see`);
  if (offer.status !== 'PUBLISHED') throw badInput(`${field}: the offer is not published`);

  // The draft, its first status change and the audit entry: one statement, so one transaction.
  const now = new Date();
  const { rows: created } = await pool.query(
    `with r as (
       insert into referrals.referral (id, status, version, sending_shelter_id, created_by, target_kind, target_id,
              receiving_organisation_id, bydel_code, category, pseudonymous_reference, age_group, languages,
              interpreter_needed, children_ages, pets, need_description, consent_scope, created_at, updated_at)
       values ($1, 'DRAFT', 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '{}', $16, $16)
       returning id, status),
     s as (
       insert into referrals.referral_status_change (referral_id, from_status, to_status, at, actor_subject, actor_role)
       select id, null, 'DRAFT', $16, $3, 'SHELTER_STAFF' from r),
     l as (
       insert into referrals.audit_log (at, actor_subject, actor_role, actor_organisation_id, operation, referral_id)
       select $16, $3, 'SHELTER_STAFF', $2, 'CREATE', id from r)
     select id, status from r`,
    [
      randomUUID(),
      shelterId,
      subject,
      kind,
      targetId,
      offer.organisation_id,
      offer.bydel_code,
      offer.category,
      personal.pseudonymousReference,
      personal.ageGroup,
      personal.languages,
      personal.interpreterNeeded,
      personal.childrenAges,
      personal.pets,
      personal.needDescription,
      now,
    ],
  );
  return { createReferral: { id: created[0].id, status: created[0].status } };
}

const ROUTES = {
  '/bydeler': bydeler,
  '/page': page,
  '/activity-search': activitySearch,
  '/pet-care-availability': petCareAvailability,
  '/activity-by-id': activityById,
  '/referral-inbox': referralInbox,
  '/create-referral': createReferral,
};

// --- the server ----------------------------------------------------------------------------

const MAX_BODY = 64 * 1024;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new RequestError(413, 'PAYLOAD_TOO_LARGE', 'body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function handle(req, res) {
  const path = (req.url ?? '/').split('?', 1)[0];
  if (path === '/__stats' && req.method === 'GET') {
    const cpu = process.cpuUsage();
    return send(res, 200, { cpuUserMicros: cpu.user, cpuSystemMicros: cpu.system, rss: process.memoryUsage().rss });
  }
  const route = ROUTES[path];
  if (!route) return send(res, 404, { errors: [{ message: `no route ${path}`, extensions: { code: 'NOT_FOUND' } }] });
  if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'use POST', extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
  try {
    const raw = await readBody(req);
    let body;
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      throw badInput('the body is not JSON');
    }
    const variables = body?.variables ?? {};
    if (typeof variables !== 'object' || Array.isArray(variables)) throw badInput('variables must be an object');
    send(res, 200, { data: await route(variables) });
  } catch (error) {
    if (error instanceof RequestError) return send(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] });
    process.stderr.write(`floor-server: ${path}: ${error?.stack ?? error}\n`);
    send(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error) => {
    process.stderr.write(`floor-server: ${error?.stack ?? error}\n`);
    if (!res.headersSent) send(res, 500, { errors: [{ message: 'internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });
});
server.listen(PORT, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`ready http://127.0.0.1:${port}\n`);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await pool.end();
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Gone with run.mjs (its IPC channel), however that ends.
process.once('disconnect', stop);
