import { printSubgraphSchema } from '@apollo/subgraph';
import { generatedBanner } from '@samspill/core';

import { buildReferralsSchema } from './schema.js';

export const REFERRALS_SDL_FILE = 'schema/referrals.graphql';

export async function printReferralsSdl(): Promise<string> {
  const { schema } = await buildReferralsSchema();
  return `${generatedBanner('npx -y pnpm@10.34.9 schema')}${printSubgraphSchema(schema).trim()}\n`;
}
