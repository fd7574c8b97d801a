import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import en from '../en.json';
import nb from '../nb.json';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' || name === '__tests__' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const nbKeys = new Set(keys(nb));
/** A plural key ("x_one", "x_other") is used as "x". */
const usable = new Set([...nbKeys].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

describe('the string catalogues', () => {
  it('hold the same keys in bokmål and English', () => {
    expect(keys(en).sort()).toEqual([...nbKeys].sort());
  });

  it('hold every key the app asks for', () => {
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..', '..'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\('([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]);
      for (const m of text.matchAll(/(?:key|usePageTitle\()[:(]?\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !usable.has(k))).toEqual([]);
  });

  it('has no empty string', () => {
    expect(keys(nb).filter((k) => !k.split('.').reduce<any>((o, p) => o[p], nb))).toEqual([]);
    expect(keys(en).filter((k) => !k.split('.').reduce<any>((o, p) => o[p], en))).toEqual([]);
  });
});
