import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CONFIG_VARIABLES } from '../config/config.js';

describe('.env.example', () => {
  const text = readFileSync(path.resolve(__dirname, '../../../../.env.example'), 'utf8');
  const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

  it('documents every variable the configuration reads', () => {
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents no variable the configuration does not read', () => {
    expect([...documented].filter((name) => !CONFIG_VARIABLES.includes(name))).toEqual([]);
  });
});
