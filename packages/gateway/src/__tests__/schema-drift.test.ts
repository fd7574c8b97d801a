import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { generatedBanner } from '@samspill/core';
import { printReferralsSdl, REFERRALS_SDL_FILE } from '@samspill/referrals';

import { COMMITTED_SUBGRAPHS, printSupergraphSdl, SUPERGRAPH_SDL_FILE } from '../supergraph.js';

const root = path.resolve(__dirname, '../../../..');
const read = (file: string) => readFile(path.join(root, file), 'utf8');

describe('committed schema', () => {
  it(`${REFERRALS_SDL_FILE} matches the code (run \`npx -y pnpm@10.34.9 schema\` after changing the API)`, async () => {
    expect(await read(REFERRALS_SDL_FILE)).toBe(await printReferralsSdl());
  });

  it(`${SUPERGRAPH_SDL_FILE} is the composition of the committed subgraph SDL files (run \`npx -y pnpm@10.34.9 schema\`)`, async () => {
    const subgraphs = await Promise.all(COMMITTED_SUBGRAPHS.map(async (subgraph) => ({ ...subgraph, sdl: await read(subgraph.sdlFile) })));
    expect(await read(SUPERGRAPH_SDL_FILE)).toBe(printSupergraphSdl(subgraphs, generatedBanner('npx -y pnpm@10.34.9 schema')));
  });
});
