// Where the platform's CPU time goes: reads a V8 .cpuprofile (written by
// `npx -y pnpm@10.34.9 bench -- --profile`) and prints self time by package and by function.
//   node scripts/bench/profile-summary.mjs .bench/profiles/<file>.cpuprofile [--top 30]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

/** The package (or workspace package, or node internal) a script URL belongs to. */
function packageOf(url) {
  if (!url) return '(native / gc / idle)';
  if (url.startsWith('node:')) return 'node internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const workspace = url.match(/packages\/([^/]+)\//);
  return workspace ? `@samspill/${workspace[1]}` : url;
}

export async function summariseProfile(file, top = 25) {
  const profile = JSON.parse(await readFile(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map();
  const byFunction = new Map();
  for (const [id, micros] of self) {
    const { callFrame } = byId.get(id);
    if (callFrame.functionName === '(idle)') continue;
    const pkg = packageOf(callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
    const name = `${callFrame.functionName || '(anonymous)'}  ${path.basename(callFrame.url || '')}:${callFrame.lineNumber + 1}  [${pkg}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const busy = [...byPackage.values()].reduce((a, b) => a + b, 0);
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: (micros / 1000).toFixed(0), '% busy': ((100 * micros) / busy).toFixed(1) }));
  process.stdout.write(`\n${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy\n`);
  console.table(rows(byPackage));
  console.table(rows(byFunction));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
  if (positionals.length !== 1) {
    process.stderr.write('usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [--top N]\n');
    process.exit(2);
  }
  await summariseProfile(positionals[0], Number(values.top));
}
