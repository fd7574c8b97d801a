// Regenerates the committed SDL files in schema/ from the code (run through `pnpm schema`,
// which builds first). CI runs the same comparison as a test and fails on drift.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const directory = require(path.join(root, 'packages/directory/dist/index.js'));

const files = [[directory.DIRECTORY_SDL_FILE, await directory.printDirectorySdl()]];
for (const [file, sdl] of files) {
  await writeFile(path.join(root, file), sdl);
  console.log(`wrote ${file}`);
}
