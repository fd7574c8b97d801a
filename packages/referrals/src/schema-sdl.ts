import { printSubgraphSchema } from '@apollo/subgraph';
import { generatedBanner } from '@samspill/core';

import { buildReferralsSchema } from './schema.js';

export const REFERRALS_SDL_FILE = 'schema/referrals.graphql';

export async function printReferralsSdl(): Promise<string> {
  const { schema } = await buildReferralsSchema();
  return `${generatedBanner('pnpm schema')}${printSubgraphSchema(schema).trim()}\n`;
}
