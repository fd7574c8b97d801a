import type { TokenRequest } from '@samspill/core';

import { DEMO_BYDEL, DEMO_IDS } from './demo-ids.js';

/** One demo user per role (three editors, to show that scope is checked on the data). */
export const DEMO_USERS: ReadonlyArray<{ label: string } & TokenRequest> = [
  {
    label: 'shelter staff, Oslo Krisesenter',
    subject: 'demo-shelter-staff',
    role: 'SHELTER_STAFF',
    organisationId: DEMO_IDS.osloKrisesenter,
    email: 'ansatt@krisesenter.example',
  },
  { label: 'editor, Oslo Røde Kors', subject: 'demo-editor-rodekors', role: 'ORG_EDITOR', organisationId: DEMO_IDS.osloRodeKors },
  { label: 'editor, Redd Barna', subject: 'demo-editor-reddbarna', role: 'ORG_EDITOR', organisationId: DEMO_IDS.reddBarna },
  // Runs the Ressursvenn follow-ups in the demo (mentoring after the shelter).
  {
    label: 'editor, Oslo Sanitetsforening',
    subject: 'demo-editor-sanitet',
    role: 'ORG_EDITOR',
    organisationId: DEMO_IDS.osloSanitetsforening,
  },
  { label: 'bydel integrator, Grünerløkka', subject: 'demo-bydel-grunerlokka', role: 'BYDEL_INTEGRATOR', bydelCode: DEMO_BYDEL },
  { label: 'platform admin', subject: 'demo-admin', role: 'PLATFORM_ADMIN' },
];
