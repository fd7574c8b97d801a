import { featurePolicy, PLATFORM_ADMINS } from '../../common/authorization.js';
import { ALWAYS, policy } from '../../common/policy.js';
import type { OrganisationEntity } from './organisation.entity.js';
import type { OrganisationRow } from './organisation.row.js';

/**
 * Organisations are public (a shelter's whereabouts are kept by its places' and bydeler's own
 * rules); registering and correcting them, and confirming their volunteer routines, is for
 * platform admins alone: `organisation:edit`.
 */
export const organisationPolicy = featurePolicy(
  'organisation',
  'Organisation',
  policy<OrganisationRow, OrganisationEntity>(() => ALWAYS),
  PLATFORM_ADMINS,
);
