import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { findStaticFile } from '../http/static-files.js';

describe('findStaticFile', () => {
  let root: string;
  beforeAll(async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'samspill-static-'));
    root = path.join(parent, 'dist');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'assets', 'app.js'), 'x');
    await writeFile(path.join(root, '.secret'), 'x');
    await writeFile(path.join(parent, 'outside.txt'), 'x');
  });

  it('finds files in the folder', async () => {
    expect(await findStaticFile(root, '/assets/app.js')).toEqual({ file: path.join(root, 'assets', 'app.js'), size: 1 });
  });

  it('finds nothing outside it, no dot-file, no folder', async () => {
    for (const attempt of [
      '/../outside.txt',
      '/assets/../../outside.txt',
      '/%2e%2e/outside.txt',
      '/..%2Foutside.txt',
      '/.secret',
      '/assets',
      '/assets\\..\\..\\outside.txt',
      '/a%00b',
      '/%E0%A4%A',
    ]) {
      expect({ attempt, found: await findStaticFile(root, attempt) }).toEqual({ attempt, found: undefined });
    }
  });
});
