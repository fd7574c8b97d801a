import { isAuthenticated } from '@samspill/core';

import { featurePolicy } from '../../common/authorization.js';
import { ALWAYS, NEVER, policy } from '../../common/policy.js';
import type { ContactPersonEntity } from './contact-person.entity.js';
import type { ContactPersonRow } from './contact-person.row.js';

/**
 * Who sees which contact person: signed-in users, every one (anonymous callers none); editing
 * (`contactPerson:edit`) is the organisation's editors' and admins'.
 */
export const contactPersonPolicy = featurePolicy(
  'contactPerson',
  'ContactPerson',
  policy<ContactPersonRow, ContactPersonEntity>((principal) => (isAuthenticated(principal) ? ALWAYS : NEVER)),
);
