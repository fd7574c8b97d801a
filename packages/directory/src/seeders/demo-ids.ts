/**
 * Stable ids of the demo organisations that demo users are scoped to (the dev start-up prints
 * credentials for them, and tests refer to them). Literal UUID v4-shaped strings so that they are
 * the same in every database the demo data is loaded into.
 */
export const DEMO_IDS = {
  osloKrisesenter: '00000000-0000-4000-8000-000000000001',
  osloRodeKors: '00000000-0000-4000-8000-000000000002',
  reddBarna: '00000000-0000-4000-8000-000000000003',
  osloSanitetsforening: '00000000-0000-4000-8000-000000000004',
  dyrebeskyttelsen: '00000000-0000-4000-8000-000000000005',
  krisesenterForMenn: '00000000-0000-4000-8000-000000000006',
  grunerlokkaFrivilligsentral: '00000000-0000-4000-8000-000000000007',
  stovnerFrivilligsentral: '00000000-0000-4000-8000-000000000008',
  bydelGrunerlokkaFamiliesenter: '00000000-0000-4000-8000-000000000009',
  kennelSponsor: '00000000-0000-4000-8000-000000000010',
} as const;

/** The bydel of the demo BYDEL_INTEGRATOR: Grünerløkka. */
export const DEMO_BYDEL = '030102';
