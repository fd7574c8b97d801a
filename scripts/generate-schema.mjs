// Regenerates the committed SDL files in schema/ from the code (run through
// `npx -y pnpm@10.34.9 schema`, which builds first): each subgraph's SDL, and the supergraph the
// gateway serves, composed from those SDL (the gateway itself imports no subgraph's code). The
// test suite compares the same output with the committed files and fails on drift.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const load = (name) => require(path.join(root, 'packages', name, 'dist/index.js'));
const directory = load('directory');
const referrals = load('referrals');
const gateway = load('gateway');
const core = load('core');

const sdl = { directory: await directory.printDirectorySdl(), referrals: await referrals.printReferralsSdl() };
const subgraphs = gateway.COMMITTED_SUBGRAPHS.map((subgraph) => ({ ...subgraph, sdl: sdl[subgraph.name] }));
const files = [
  [directory.DIRECTORY_SDL_FILE, sdl.directory],
  [referrals.REFERRALS_SDL_FILE, sdl.referrals],
  [gateway.SUPERGRAPH_SDL_FILE, gateway.printSupergraphSdl(subgraphs, core.generatedBanner('npx -y pnpm@10.34.9 schema'))],
];
for (const [file, sdl] of files) {
  await writeFile(path.join(root, file), sdl);
  console.log(`wrote ${file}`);
}
