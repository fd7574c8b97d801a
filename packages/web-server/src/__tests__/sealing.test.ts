import { hashSessionId, randomToken, Sealer } from '../http/sealing.js';

describe('Sealer', () => {
  const sealer = new Sealer('a-session-secret-of-at-least-32-characters');

  it('opens what it sealed, for the same purpose only', () => {
    const sealed = sealer.seal({ accessToken: 'eyJ.secret' }, 'session-tokens');
    expect(sealed).not.toContain('eyJ');
    expect(sealer.open(sealed, 'session-tokens')).toEqual({ accessToken: 'eyJ.secret' });
    expect(sealer.open(sealed, 'login-state')).toBeUndefined();
  });

  it('refuses a value that was altered or sealed under another secret', () => {
    const sealed = sealer.seal({ returnTo: '/' }, 'login-state');
    const raw = Buffer.from(sealed, 'base64url');
    raw[raw.length - 1]! ^= 1;
    expect(sealer.open(raw.toString('base64url'), 'login-state')).toBeUndefined();
    expect(new Sealer('another-session-secret-of-32-characters!').open(sealed, 'login-state')).toBeUndefined();
    expect(sealer.open('not-sealed', 'login-state')).toBeUndefined();
  });

  it('makes 256-bit random ids and stores only their hash', () => {
    const id = randomToken();
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(randomToken()).not.toBe(id);
    expect(hashSessionId(id)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionId(id)).not.toContain(id);
  });
});
