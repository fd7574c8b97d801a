import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { DEFAULT_TOKEN_LIFETIME_HOURS, TokenVerifier } from '../auth/tokens.js';
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
    expect(roles).toEqual(['SHELTER_STAFF', 'ORG_EDITOR', 'ORG_EDITOR', 'ORG_EDITOR', 'BYDEL_INTEGRATOR', 'PLATFORM_ADMIN']);
  });

  it('refuses a scoped role without its organisation, with exit code 2 and a clear message', async () => {
    await expect(run('node', [script, '--role', 'SHELTER_STAFF'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--org <organisation id> is required for SHELTER_STAFF'),
    });
  });

  it('prints its usage with --help, and no stack trace', async () => {
    const { stdout, stderr } = await run('node', [script, '--help'], { env });
    expect(stdout).toMatch(/^Usage: node scripts\/issue-token\.mjs/);
    expect(stdout).toContain(`--hours N         lifetime in hours (default ${DEFAULT_TOKEN_LIFETIME_HOURS}, at most 12`);
    expect(stderr).toBe('');
  });

  it('answers an unknown option with its usage and exit code 2, not a stack trace', async () => {
    const failure = await run('node', [script, '--colour', 'blue'], { env }).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--colour'") });
    expect((failure as { stderr: string }).stderr).toContain('Usage: node scripts/issue-token.mjs');
    expect((failure as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });

  it(`issues tokens of ${DEFAULT_TOKEN_LIFETIME_HOURS} hours by default, and refuses a lifetime over the maximum`, async () => {
    const { stdout } = await run('node', [script, '--role', 'PLATFORM_ADMIN'], { env });
    const { iat, exp } = JSON.parse(Buffer.from(stdout.trim().split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(exp - iat).toBe(DEFAULT_TOKEN_LIFETIME_HOURS * 3600);
    await expect(run('node', [script, '--role', 'PLATFORM_ADMIN', '--hours', '13'], { env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('at most 12 hours (AUTH_MAX_TOKEN_LIFETIME_HOURS)'),
    });
  });
});
