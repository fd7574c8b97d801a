import type { Role } from '@samspill/core';

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
  return [
    {
      // The smallest read, served from memory without SQL: what the stack itself costs a request.
      name: 'bydeler',
      floorRoute: '/bydeler',
      as: staff,
      read: true,
      query: `{ bydeler { code name } }`,
      variables: {},
    },
    {
      name: 'page',
      floorRoute: '/page',
      as: staff,
      read: true,
      query: `{ bydeler { code name organisations(first: 5) { name contactPersons { name phone } activities(first: 3) { title contactPerson { name phone } } } } }`,
      variables: {},
    },
    {
      name: 'activity search',
      floorRoute: '/activity-search',
      as: staff,
      read: true,
      query: `query($f: ActivityFilter) { activities(filter: $f, first: 20) { totalCount nodes { title relevance organisation { name } } pageInfo { endCursor } } }`,
      variables: { f: { text: 'leksehjelp', bydeler: [sample.bydel], includeNeighbouringBydeler: true, freeOnly: true } },
    },
    {
      // Browsing rather than searching: a bydel's and its neighbours' free activities by title.
      name: 'activity list',
      floorRoute: '/activity-search',
      as: staff,
      read: true,
      query: `query($f: ActivityFilter) { activities(filter: $f, first: 20) { totalCount nodes { title organisation { name } } pageInfo { endCursor } } }`,
      variables: { f: { bydeler: [sample.bydel], includeNeighbouringBydeler: true, freeOnly: true } },
    },
    {
      name: 'pet-care availability',
      floorRoute: '/pet-care-availability',
      as: staff,
      read: true,
      query: `query($b: String) { petCareOffers(filter: { species: [DOG], bydel: $b, availableNow: true }, first: 20) { totalCount nodes { title placesAvailable placesUpdatedAt organisation { name } } } }`,
      variables: { b: sample.bydel },
    },
    {
      name: 'activity by id',
      floorRoute: '/activity-by-id',
      as: staff,
      read: true,
      query: `query($id: ID!) { activity(id: $id) { title description venueLabel organisation { name } location { name streetAddress } contactPerson { name phone } nextOccurrences(first: 3) { startsAt } } }`,
      variables: { id: sample.activityId },
    },
    {
      name: 'referral inbox',
      floorRoute: '/referral-inbox',
      as: editor,
      read: true,
      query: `{ referrals(first: 20) { totalCount nodes { id status ageGroup needDescription activity { title } sendingShelter { name } } } }`,
      variables: {},
    },
    {
      name: 'create referral',
      floorRoute: '/create-referral',
      as: staff,
      read: false,
      query: `mutation($input: CreateReferralInput!) { createReferral(input: $input) { id status } }`,
      variables: {
        input: { activityId: sample.activityId, pseudonymousReference: 'SK-9999', ageGroup: 'ADULT', languages: ['no'], needDescription: 'Ønsker å delta.' },
      },
    },
  ];
}
