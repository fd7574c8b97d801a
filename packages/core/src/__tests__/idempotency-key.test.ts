import { createHash, createHmac } from 'node:crypto';

import { parse } from 'graphql';
import stringify from 'safe-stable-stringify';

import { checkIdempotentOperation, parseIdempotencyKey } from '../idempotency/idempotency-key.js';
import { requestDigest } from '../idempotency/idempotent.js';

describe('the Idempotency-Key header', () => {
  it.each([
    ['8e03978e-40d5-43e8-bc93-6894a57f9324', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['"8e03978e-40d5-43e8-bc93-6894a57f9324"', '8e03978e-40d5-43e8-bc93-6894a57f9324'],
    ['  01HZX3Q9VJ2K8M4N6P7R  ', '01HZX3Q9VJ2K8M4N6P7R'],
    ['aGVsbG8/d29ybGQ=', 'aGVsbG8/d29ybGQ='],
    [undefined, undefined],
  ])('%j is the key %j', (header, key) => {
    expect(parseIdempotencyKey(header)).toEqual({ ok: true, key });
  });

  it.each(['', '""', '   ', 'k'.repeat(256), 'a b', 'a,b', 'nøkkel', 'a"b', 'a;b', '"unterminated'])('%j is refused', (header) => {
    expect(parseIdempotencyKey(header)).toEqual({ ok: false, message: expect.stringMatching(/^Idempotency-Key /) });
  });

  it('given twice, it is refused', () => {
    expect(parseIdempotencyKey(['a', 'b']).ok).toBe(false);
  });
});

describe('which operations a key may come with', () => {
  const check = (source: string, name?: string) => checkIdempotentOperation(parse(source), name)?.extensions;

  it('a mutation with one field (and __typename) is fine; queries ignore the key', () => {
    expect(check('mutation { createActivity(input: {}) { id } }')).toBeUndefined();
    expect(check('mutation { __typename createActivity(input: {}) { id } }')).toBeUndefined();
    expect(check('query { a: activities { totalCount } b: organisations { totalCount } }')).toBeUndefined();
    expect(check('query Q { a } mutation M { a b }', 'Q')).toBeUndefined();
  });

  it('a mutation with two fields, or a fragment at its root, is refused with 400 BAD_USER_INPUT', () => {
    const refused = { code: 'BAD_USER_INPUT', field: 'Idempotency-Key', http: { status: 400 } };
    expect(check('mutation { a: createActivity(input: {}) { id } b: createActivity(input: {}) { id } }')).toEqual(refused);
    expect(check('mutation { ...F } fragment F on Mutation { createActivity(input: {}) { id } }')).toEqual(refused);
    expect(check('query Q { a } mutation M { a b }', 'M')).toEqual(refused);
  });
});

const SECRET = 'a-test-secret-of-at-least-32-characters';

describe('the digest of a request', () => {
  it('does not depend on the order of keys, and does on every value and on the operation', () => {
    const a = requestDigest(SECRET, 'createReferral', { input: { activityId: 'x', languages: ['no', 'ar'] } });
    expect(requestDigest(SECRET, 'createReferral', { input: { languages: ['no', 'ar'], activityId: 'x' } })).toBe(a);
    expect(requestDigest(SECRET, 'createReferral', { input: { activityId: 'x', languages: ['ar', 'no'] } })).not.toBe(a);
    expect(requestDigest(SECRET, 'redirectReferral', { input: { activityId: 'x', languages: ['no', 'ar'] } })).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is an HMAC under the server secret: without the secret, a guessed request cannot be confirmed', () => {
    const args = { input: { activityId: 'x', ageGroup: 'ADULT', needDescription: 'Trenger leksehjelp' } };
    const digest = requestDigest(SECRET, 'createReferral', args);
    const body = stringify({ operation: 'createReferral', args })!;
    expect(digest).toBe(createHmac('sha256', SECRET).update(body).digest('hex'));
    expect(digest).not.toBe(createHash('sha256').update(body).digest('hex'));
    expect(requestDigest('another-secret-of-at-least-32-characters', 'createReferral', args)).not.toBe(digest);
  });
});
