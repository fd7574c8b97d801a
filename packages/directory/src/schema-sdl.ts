import { printSubgraphSchema } from '@apollo/subgraph';
import { generatedBanner } from '@samspill/core';

import { buildDirectorySchema } from './schema.js';

export const DIRECTORY_SDL_FILE = 'schema/directory.graphql';

/** The directory subgraph's SDL as committed in `schema/directory.graphql`. */
export async function printDirectorySdl(): Promise<string> {
  const { schema } = await buildDirectorySchema();
  return `${generatedBanner('npx -y pnpm@10.34.9 schema')}${printSubgraphSchema(schema).trim()}\n`;
}
