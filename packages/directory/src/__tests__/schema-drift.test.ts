import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { DIRECTORY_SDL_FILE, printDirectorySdl } from '../schema-sdl.js';

describe('committed schema', () => {
  it('schema/directory.graphql matches the code (run `npx -y pnpm@10.34.9 schema` after changing the API)', async () => {
    const committed = await readFile(path.resolve(__dirname, '../../../..', DIRECTORY_SDL_FILE), 'utf8');
    expect(committed).toBe(await printDirectorySdl());
  });
});
