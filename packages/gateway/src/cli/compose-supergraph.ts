import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfigOrExit, type SubgraphEndpoint } from '@samspill/core';

import { composeSupergraph, fetchSubgraphSdl, type SubgraphSdl } from '../supergraph.js';

const USAGE = `Composes the supergraph the gateway serves from the subgraphs in GATEWAY_SUBGRAPHS.

  node packages/gateway/dist/cli/compose-supergraph.js [--sdl name=file …] [--out file]

Each subgraph's SDL is read from the file given with --sdl name=file, else asked from the running
subgraph at its URL ({ _service { sdl } }, with GATEWAY_SHARED_SECRET). The supergraph goes to
--out (then serve it with GATEWAY_SUPERGRAPH_FILE=file), else to standard output. Composition
errors are listed together and the exit code is 1.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sdl: { type: 'string', multiple: true, default: [] }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const config = loadConfigOrExit();
  const subgraphs: readonly SubgraphEndpoint[] = config.federation.subgraphs;
  const files = new Map<string, string>();
  for (const pair of values.sdl) {
    const separator = pair.indexOf('=');
    const name = pair.slice(0, separator);
    if (separator <= 0 || !subgraphs.some((s) => s.name === name)) {
      throw new Error(`--sdl ${pair}: expected name=file with a name from GATEWAY_SUBGRAPHS (${subgraphs.map((s) => s.name).join(', ')})`);
    }
    files.set(name, path.resolve(pair.slice(separator + 1)));
  }
  const sdls: SubgraphSdl[] = await Promise.all(
    subgraphs.map(async (subgraph) => {
      const file = files.get(subgraph.name);
      const sdl = file
        ? await readFile(file, 'utf8').catch((error: Error) => {
            throw new Error(`--sdl ${subgraph.name}: cannot read ${file}: ${error.message}`);
          })
        : await fetchSubgraphSdl(subgraph, config.federation.gatewaySharedSecret);
      return { ...subgraph, sdl };
    }),
  );
  const sources = sdls.map(
    (s) => `#   ${s.name} ${s.url} (SDL from ${files.has(s.name) ? path.relative(process.cwd(), files.get(s.name)!) : 'the running subgraph'})`,
  );
  const banner = `# Composed by packages/gateway/dist/cli/compose-supergraph.js from:\n${sources.join('\n')}\n\n`;
  const supergraph = `${banner}${composeSupergraph(sdls).trim()}\n`;
  if (values.out) {
    await writeFile(values.out, supergraph);
    process.stderr.write(`wrote ${values.out} (${sdls.map((s) => s.name).join(', ')})\n`);
  } else process.stdout.write(supergraph);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
