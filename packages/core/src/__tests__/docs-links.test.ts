import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import MarkdownIt from 'markdown-it';

/**
 * The repository's documentation is read in a clone: every link it makes must lead somewhere in
 * that clone, and every command it gives must run on a machine with only Node.js and npm.
 */
const root = path.resolve(__dirname, '../../../..');
const NOT_OURS = new Set(['node_modules', '.git', 'dist', '.data', '.bench', 'coverage']);
// Written in two parts so that this file does not name what it looks for.
const OUTSIDE_FOLDER = ['..', 'shared'].join('/');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (NOT_OURS.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : entry.isFile() ? [full] : [];
  });
}

const files = filesUnder(root);
const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
const texts = new Map(
  files
    .map((file) => [relative(file), readFileSync(file)] as const)
    .filter(([, bytes]) => !bytes.includes(0))
    .map(([name, bytes]) => [name, bytes.toString('utf8')] as const),
);
const markdownFiles = [...texts.keys()].filter((name) => name.endsWith('.md')).sort();

const markdown = new MarkdownIt({ html: true });
type Token = ReturnType<MarkdownIt['parse']>[number];

/** Every token of a document, inline ones included, with the line of the block it sits in. */
function* tokensOf(name: string): Generator<{ token: Token; line: number }> {
  for (const block of markdown.parse(texts.get(name)!, {})) {
    const line = (block.map?.[0] ?? 0) + 1;
    yield { token: block, line };
    for (const child of block.children ?? []) yield { token: child, line };
  }
}

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens. */
function anchorsOf(name: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const blocks = markdown.parse(texts.get(name)!, {});
  blocks.forEach((block, i) => {
    if (block.type !== 'heading_open') return;
    const text = (blocks[i + 1]!.children ?? [])
      .filter((t) => t.type === 'text' || t.type === 'code_inline')
      .map((t) => t.content)
      .join('');
    const slug = text
      .toLowerCase()
      .trim()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  });
  return anchors;
}

/** What is wrong with one link of `from`, or null when it leads to a file (and heading) in the repository. */
function problemWith(from: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return null; // https:, mailto: …
  const [target = '', anchor] = href.split('#', 2) as [string, string | undefined];
  const file = target === '' ? path.join(root, from) : path.resolve(path.dirname(path.join(root, from)), decodeURIComponent(target));
  if (path.relative(root, file).startsWith('..')) return 'leads out of the repository';
  if (!existsSync(file)) return 'no such file';
  if (anchor === undefined || statSync(file).isDirectory() || !file.endsWith('.md')) return null;
  return anchorsOf(relative(file)).has(anchor) ? null : `no heading #${anchor} there`;
}

describe('the documentation, as a clone has it', () => {
  it('has a README and the documents of docs/', () => {
    expect(markdownFiles).toEqual(expect.arrayContaining(['README.md', 'docs/README.md']));
  });

  it.each(markdownFiles)('%s: every relative link leads to a file (and heading) in the repository', (name) => {
    const broken: string[] = [];
    for (const { token, line } of tokensOf(name)) {
      const href = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (href === null) continue;
      const problem = problemWith(name, href);
      if (problem) broken.push(`${name}:${line} ${href}: ${problem}`);
    }
    expect(broken).toEqual([]);
  });

  it('docs/README.md links every document in docs/', () => {
    const linked = new Set(
      [...tokensOf('docs/README.md')].filter(({ token }) => token.type === 'link_open').map(({ token }) => token.attrGet('href')!.split('#')[0]),
    );
    const documents = markdownFiles.filter((name) => name.startsWith('docs/') && name !== 'docs/README.md').map((name) => name.slice('docs/'.length));
    expect(documents.length).toBeGreaterThan(0);
    expect(documents.filter((doc) => !linked.has(doc))).toEqual([]);
  });

  it(`no file refers to ${OUTSIDE_FOLDER}, which a clone does not have`, () => {
    expect([...texts].filter(([, text]) => text.includes(OUTSIDE_FOLDER)).map(([name]) => name)).toEqual([]);
  });
});

describe('commands need no global pnpm', () => {
  const { packageManager } = JSON.parse(texts.get('package.json')!) as { packageManager: string };
  const version = packageManager.replace(/^pnpm@/, '');

  it('every pnpm@<version> in the repository is the one package.json names', () => {
    const others = [...texts]
      .filter(([name]) => name !== 'pnpm-lock.yaml')
      .flatMap(([name, text]) => [...text.matchAll(/\bpnpm@(\d[^\s'"`]*)/g)].map((m) => `${name}: pnpm@${m[1]}`))
      .filter((found) => !found.endsWith(`pnpm@${version}`));
    expect(others).toEqual([]);
  });

  it('the README says `pnpm` only after defining it as npx -y pnpm@<version>', () => {
    const definition = `alias pnpm='npx -y pnpm@${version}'`;
    let defined = false;
    const early: string[] = [];
    for (const { token, line } of tokensOf('README.md')) {
      if (token.type !== 'fence' && token.type !== 'code_inline' && token.type !== 'code_block') continue;
      if (token.content.includes(definition)) defined = true;
      for (const command of token.content.split('\n')) {
        if (!defined && /^\s*(\$\s*)?pnpm\s/.test(command)) early.push(`README.md:${line} ${command.trim()}`);
      }
    }
    expect(defined).toBe(true);
    expect(early).toEqual([]);
  });
});
