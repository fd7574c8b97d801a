import type { Role } from '@samspill/core';
import { withNeighbours } from '@samspill/directory/dist/modules/bydeler/bydel-neighbours.js';

import type { ScaleDataset } from './scale-dataset.js';

export interface Operation {
  readonly name: string;
  readonly as: { role: Role; organisationId?: string; bydelCode?: string; subject: string };
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** Only reads are held to a constant number of statements. */
  readonly read: boolean;
  /** The route of the benchmark's hand-written floor (scripts/bench/floor-server.mjs) that does the same work. */
  readonly floorRoute: string;
  /**
   * Served by the directory subgraph alone: the benchmark also sends it straight there (with the
   * gateway's shared secret), without the gateway.
   */
  readonly directoryOnly: boolean;
  /**
   * The same operation for PostGraphile v5 (scripts/bench/postgraphile-server.mjs) over the
   * `directory` schema, asked for the same rows and fields; or why it cannot be written there.
   */
  readonly postgraphile: PostGraphileOperation | { readonly unavailable: string };
}

export interface PostGraphileOperation {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  /** The platform's fields PostGraphile does not have (computed ones, cursors): left out of the comparison. */
  readonly platformOnly: readonly string[];
}

/** Left out of every comparison: the cursors' formats differ. */
const CURSORS = ['endCursor', 'startCursor', 'cursor'];

/**
 * An answer as the values it gives, in order: every leaf (string, number, boolean, null) in the
 * order of the document, without the keys in `without` and with instants as ISO strings. Two
 * answers with the same values are the same rows in the same order with the same fields, however
 * differently the two schemas nest them (`bydels.nodes` against `bydeler`).
 */
export function answerValues(data: unknown, without: readonly string[] = []): unknown[] {
  const skip = new Set([...CURSORS, ...without]);
  const out: unknown[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) if (!skip.has(key)) walk(inner);
    } else if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) {
      out.push(new Date(value).toISOString());
    } else out.push(value);
  };
  walk(data);
  return out;
}

/**
 * Whether PostGraphile's answer to an operation is the platform's (the benchmark's pre-flight
 * check and the fairness test): the first difference, or undefined.
 */
export function postgraphileDifference(operation: Operation, platformData: unknown, postgraphileData: unknown): string | undefined {
  if (!('query' in operation.postgraphile)) return undefined;
  const platform = answerValues(platformData, operation.postgraphile.platformOnly);
  const postgraphile = answerValues(postgraphileData);
  const length = Math.max(platform.length, postgraphile.length);
  for (let i = 0; i < length; i++) {
    if (platform[i] !== postgraphile[i]) {
      return `value ${i + 1} of ${platform.length}/${postgraphile.length}: the platform gives ${JSON.stringify(platform[i])}, PostGraphile ${JSON.stringify(postgraphile[i])}`;
    }
  }
  return undefined;
}

/**
 * What the floor is sent for an operation: its variables, and the sample, which names the caller
 * (the floor has no tokens) and which the routes that need no variables read.
 */
export function floorVariables(operation: Operation, sample: ScaleDataset['sample']): Record<string, unknown> {
  return { ...operation.variables, ...sample };
}

/** The fixed operations of the statement-count test and the benchmark, through the gateway. */
export function fixedOperations(sample: ScaleDataset['sample']): Operation[] {
  const staff = { role: 'SHELTER_STAFF' as const, organisationId: sample.shelterId, subject: 'bench-staff' };
  const editor = { role: 'ORG_EDITOR' as const, organisationId: sample.organisationId, subject: 'bench-editor' };
  const published = `status: { equalTo: "PUBLISHED" }`;
  return [
    {
      // The smallest read, served from memory without SQL: what the stack itself costs a request.
      name: 'bydeler',
      floorRoute: '/bydeler',
      directoryOnly: true,
      // PostGraphile reads the table on every request; the platform keeps the catalogue in memory.
      postgraphile: { query: `{ bydels(orderBy: CODE_ASC) { nodes { code name } } }`, variables: {}, platformOnly: [] },
      as: staff,
      read: true,
      query: `{ bydeler { code name } }`,
      variables: {},
    },
    {
      name: 'page',
      floorRoute: '/page',
      directoryOnly: true,
      postgraphile: {
        // A bydel's organisations come through the organisation_bydel pivot, in its key's order
        // (organisation id): PostGraphile's Amber preset cannot order a table by a related table's
        // column. The dataset numbers the organisations' names as their ids, so it is the
        // platform's order by name (the answer check holds it to that); the platform sorts by
        // name where PostGraphile reads the pivot's index in order.
        query: `{ bydels(orderBy: CODE_ASC) { nodes { code name organisationBydelsByBydelCode(first: 5, orderBy: ORGANISATION_ID_ASC) { nodes { organisation { name contactPeople(orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { name phone } } activities(first: 3, orderBy: [TITLE_ASC, ROW_ID_ASC], filter: { ${published} }) { nodes { title contactPerson { name phone } } } } } } } } }`,
        variables: {},
        platformOnly: [],
      },
      as: staff,
      read: true,
      query: `{ bydeler { code name organisations(first: 5) { name contactPersons { name phone } activities(first: 3) { title contactPerson { name phone } } } } }`,
      variables: {},
    },
    {
      name: 'activity search',
      floorRoute: '/activity-search',
      directoryOnly: true,
      postgraphile: {
        unavailable:
          'ranked Norwegian full-text search with a trigram fallback: PostGraphile generates no text search from tables, and a custom SQL function would be the floor written again, not PostGraphile',
      },
      as: staff,
      read: true,
      query: `query($f: ActivityFilter) { activities(filter: $f, first: 20) { totalCount nodes { title relevance organisation { name } } pageInfo { endCursor } } }`,
      variables: { f: { text: 'leksehjelp', bydeler: [sample.bydel], includeNeighbouringBydeler: true, freeOnly: true } },
    },
    {
      // Browsing rather than searching: a bydel's and its neighbours' free activities by title.
      name: 'activity list',
      floorRoute: '/activity-search',
      directoryOnly: true,
      postgraphile: {
        // The neighbours are the platform's own table (data, not data access), applied by the caller.
        query: `query($b: [String!]) { activities(first: 20, orderBy: [TITLE_ASC, ROW_ID_ASC], filter: { ${published}, bydelCode: { in: $b }, costKind: { in: ["FREE", "SPONSORED"] } }) { totalCount nodes { title organisation { name } } pageInfo { endCursor } } }`,
        variables: { b: withNeighbours([sample.bydel]) },
        platformOnly: [],
      },
      as: staff,
      read: true,
      query: `query($f: ActivityFilter) { activities(filter: $f, first: 20) { totalCount nodes { title organisation { name } } pageInfo { endCursor } } }`,
      variables: { f: { bydeler: [sample.bydel], includeNeighbouringBydeler: true, freeOnly: true } },
    },
    {
      name: 'pet-care availability',
      floorRoute: '/pet-care-availability',
      directoryOnly: true,
      postgraphile: {
        query: `query($b: String!) { petCareOffers(first: 20, orderBy: [TITLE_ASC, ROW_ID_ASC], filter: { ${published}, species: { overlaps: ["DOG"] }, placesAvailable: { greaterThan: 0 }, petCareOfferBydels: { some: { bydelCode: { equalTo: $b } } } }) { totalCount nodes { title placesAvailable placesUpdatedAt organisation { name } } } }`,
        variables: { b: sample.bydel },
        platformOnly: [],
      },
      as: staff,
      read: true,
      query: `query($b: String) { petCareOffers(filter: { species: [DOG], bydel: $b, availableNow: true }, first: 20) { totalCount nodes { title placesAvailable placesUpdatedAt organisation { name } } } }`,
      variables: { b: sample.bydel },
    },
    {
      name: 'activity by id',
      floorRoute: '/activity-by-id',
      directoryOnly: true,
      postgraphile: {
        // Without the platform's rules: PostGraphile answers any activity, published or not (the
        // sample is published), and has no computed venueLabel or nextOccurrences.
        query: `query($id: UUID!) { activity(rowId: $id) { title description organisation { name } location { name streetAddress } contactPerson { name phone } } }`,
        variables: { id: sample.activityId },
        platformOnly: ['venueLabel', 'nextOccurrences'],
      },
      as: staff,
      read: true,
      query: `query($id: ID!) { activity(id: $id) { title description venueLabel organisation { name } location { name streetAddress } contactPerson { name phone } nextOccurrences(first: 3) { startsAt } } }`,
      variables: { id: sample.activityId },
    },
    {
      name: 'referral inbox',
      floorRoute: '/referral-inbox',
      directoryOnly: false,
      postgraphile: {
        unavailable:
          'referrals live in the referrals schema, and the inbox shows consented fields only while a referral is active (rules, not tables); the PostGraphile peer serves the directory schema alone',
      },
      as: editor,
      read: true,
      query: `{ referrals(first: 20) { totalCount nodes { id status ageGroup needDescription activity { title } sendingShelter { name } } } }`,
      variables: {},
    },
    {
      name: 'create referral',
      floorRoute: '/create-referral',
      directoryOnly: false,
      postgraphile: { unavailable: 'a write to the referrals schema, with its rules and audit trail; the PostGraphile peer is read-only' },
      as: staff,
      read: false,
      query: `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status } }`,
      variables: {
        input: { activityId: sample.activityId, pseudonymousReference: 'SK-9999', ageGroup: 'ADULT', languages: ['no'], needDescription: 'Ønsker å delta.' },
      },
    },
  ];
}
