import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { generatedBanner } from '@samspill/core';
import { buildDirectorySchema } from '@samspill/directory';
import { buildReferralsSchema } from '@samspill/referrals';
import { parse } from 'graphql';

export const SUPERGRAPH_SDL_FILE = 'schema/supergraph.graphql';

export interface SubgraphUrls {
  readonly directory: string;
  readonly referrals: string;
}

/**
 * Composes the supergraph from the subgraphs' schemas with @apollo/composition (Rover is a
 * downloaded binary and is not used). Fails with every composition error at once.
 */
export async function composeSupergraph(urls: SubgraphUrls): Promise<string> {
  const [directory, referrals] = await Promise.all([buildDirectorySchema(), buildReferralsSchema()]);
  const result = composeServices([
    { name: 'directory', url: urls.directory, typeDefs: parse(printSubgraphSchema(directory.schema)) },
    { name: 'referrals', url: urls.referrals, typeDefs: parse(printSubgraphSchema(referrals.schema)) },
  ]);
  if (result.errors) throw new Error(`The subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`);
  return result.supergraphSdl;
}

/** The committed `schema/supergraph.graphql`, composed with the default local subgraph URLs. */
export async function printSupergraphSdl(): Promise<string> {
  const sdl = await composeSupergraph({ directory: 'http://127.0.0.1:4001/graphql', referrals: 'http://127.0.0.1:4002/graphql' });
  return `${generatedBanner('npx -y pnpm@10.34.9 schema')}${sdl.trim()}\n`;
}
