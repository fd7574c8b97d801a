import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { printReferralsSdl, REFERRALS_SDL_FILE } from '@samspill/referrals';

import { printSupergraphSdl, SUPERGRAPH_SDL_FILE } from '../supergraph.js';

const root = path.resolve(__dirname, '../../../..');

describe('committed schema', () => {
  it.each([
    [REFERRALS_SDL_FILE, printReferralsSdl],
    [SUPERGRAPH_SDL_FILE, printSupergraphSdl],
  ])('%s matches the code (run `npx -y pnpm@10.34.9 schema` after changing the API)', async (file, print) => {
    expect(await readFile(path.join(root, file), 'utf8')).toBe(await print());
  });
});
