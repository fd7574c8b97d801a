import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { TokenVerifier } from '../auth/tokens.js';
import { parseConfig } from '../config/config.js';

const run = promisify(execFile);
const script = path.resolve(__dirname, '../../../../scripts/issue-token.mjs');
// Only PATH, and the clock: under `pnpm test:clock` the script must run on the same (faked) clock as this test.
const CLOCK_VARIABLES = /^(LD_PRELOAD|FAKETIME.*|DONT_FAKE_MONOTONIC)$/;
const env = { PATH: process.env.PATH ?? '', ...Object.fromEntries(Object.entries(process.env).filter(([name]) => CLOCK_VARIABLES.test(name))) };

describe('scripts/issue-token.mjs (uses the compiled packages)', () => {
  const verifier = new TokenVerifier(parseConfig({}).auth);

  it('issues a token that the platform accepts, with the role and scope asked for', async () => {
    const { stdout } = await run('node', [script, '--role', 'ORG_EDITOR', '--org', '00000000-0000-4000-8000-000000000002', '--subject', 'kari'], { env });
    expect(await verifier.verify(stdout.trim())).toEqual({
      kind: 'user',
      subject: 'kari',
      role: 'ORG_EDITOR',
      organisationId: '00000000-0000-4000-8000-000000000002',
      bydelCode: undefined,
    });
  });

  it('prints one valid token per demo user with --demo', async () => {
    const { stdout } = await run('node', [script, '--demo'], { env });
    const tokens = stdout.split('\n').filter((line) => line.startsWith('eyJ'));
    const roles = await Promise.all(tokens.map(async (t) => ((await verifier.verify(t)) as { role: string }).role));
    expect(roles).toEqual(['SHELTER_STAFF', 'ORG_EDITOR', 'ORG_EDITOR', 'BYDEL_INTEGRATOR', 'PLATFORM_ADMIN']);
  });

  it('refuses a scoped role without its organisation, with exit code 2 and a clear message', async () => {
    await expect(run('node', [script, '--role', 'SHELTER_STAFF'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--org <organisation id> is required for SHELTER_STAFF'),
    });
  });
});
