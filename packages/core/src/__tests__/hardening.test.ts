import { DriverException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { SignJWT } from 'jose';

import { TokenVerifier } from '../auth/tokens.js';
import { assertDeployable, ConfigError, parseConfig } from '../config/config.js';
import { createErrorFormatter } from '../errors/format-error.js';
import { createLogger, serializeError } from '../logging/logger.js';

const SECRET = 'samspill-development-signing-key-not-for-production';

function databaseError(message: string, sqlState: string): DriverException {
  return Object.assign(new DriverException(Object.assign(new Error(message), { code: sqlState })), { sqlState, code: sqlState });
}

describe('hardening', () => {
  it('never logs the statement (with its values) of a database error, only its codes', () => {
    const error = databaseError(`insert into "referrals"."referral" ("need_description") values ('Mor med to barn, flyktet fra Stovner')`, '23514');
    const logged = JSON.stringify(serializeError(error));
    expect(logged).not.toMatch(/Stovner|insert into/);
    expect(serializeError(error)).toMatchObject({ type: 'DriverException', sqlState: '23514' });
    expect(JSON.stringify(serializeError(new UniqueConstraintViolationException(new Error('duplicate key (email)=(kari@example.org)'))))).not.toMatch(/kari/);
  });

  it('answers a data exception from PostgreSQL (SQLSTATE 22…) as BAD_USER_INPUT without details', () => {
    const format = createErrorFormatter(createLogger('silent', 't'));
    const raw = new GraphQLError('x', { originalError: databaseError("invalid input syntax for type uuid: 'abc'", '22P02'), path: ['a'] });
    expect(format(raw.toJSON(), raw)).toEqual({
      message: 'A value in the request is not valid',
      path: ['a'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it.each([
    ['08P01', 'invalid message format'],
    ['22021', 'invalid byte sequence for encoding "UTF8": 0x00'],
  ])('answers PostgreSQL %s (a NUL or a bad byte that got past validation) as BAD_USER_INPUT without details', (sqlState, message) => {
    const format = createErrorFormatter(createLogger('silent', 't'));
    const raw = new GraphQLError('x', { originalError: databaseError(message, sqlState), path: ['createActivity'] });
    expect(format(raw.toJSON(), raw)).toEqual({
      message: 'A value in the request is not valid',
      path: ['createActivity'],
      locations: undefined,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('the production entry points refuse the development key and a missing gateway secret, whatever NODE_ENV says', () => {
    const dev = parseConfig({});
    expect(() => assertDeployable(dev, { database: true, gatewaySecret: true })).toThrow(ConfigError);
    try {
      assertDeployable(dev, { database: true, gatewaySecret: true });
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(':')[0])).toEqual([
        'AUTH_SIGNING_KEYS',
        'DATABASE_URL',
        'IDEMPOTENCY_SECRET',
        'GATEWAY_SHARED_SECRET',
      ]);
    }
    const ready = parseConfig({
      AUTH_SIGNING_KEYS: `k=${'x'.repeat(40)}`,
      DATABASE_URL: 'postgres://a@b/c',
      GATEWAY_SHARED_SECRET: 'y'.repeat(40),
      IDEMPOTENCY_SECRET: 'z'.repeat(40),
    });
    expect(() => assertDeployable(ready, { database: true, gatewaySecret: true })).not.toThrow();
  });

  it('the production entry points refuse short secrets too, whatever NODE_ENV says', () => {
    const weak = parseConfig({
      AUTH_SIGNING_KEYS: 'k=short',
      DATABASE_URL: 'postgres://a@b/c',
      GATEWAY_SHARED_SECRET: 'only-sixteen-chr',
      IDEMPOTENCY_SECRET: 'short',
    });
    expect(() => assertDeployable(weak, { database: true, gatewaySecret: true })).toThrow(ConfigError);
    try {
      assertDeployable(weak, { database: true, gatewaySecret: true });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'AUTH_SIGNING_KEYS: each secret needs at least 32 characters',
        'IDEMPOTENCY_SECRET: needs at least 32 characters',
        'GATEWAY_SHARED_SECRET: is required, at least 32 characters, or the subgraphs answer anyone',
      ]);
    }
  });

  it.each<[Record<string, string>, string]>([
    [{ role: 'PLATFORM_ADMIN', org: '00000000-0000-4000-8000-000000000002' }, 'an admin with an org claim'],
    [{ role: 'BYDEL_INTEGRATOR', bydel: '030102', org: '00000000-0000-4000-8000-000000000002' }, 'an integrator with an org claim'],
    [{ role: 'ORG_EDITOR', org: '00000000-0000-4000-8000-000000000002', bydel: '030102' }, 'an editor with a bydel claim'],
  ])('refuses tokens whose scope does not fit the role: %j (%s)', async (claims: Record<string, string>) => {
    const config = parseConfig({});
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'dev' })
      .setSubject('x')
      .setIssuer(config.auth.issuer)
      .setAudience(config.auth.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(SECRET));
    await expect(new TokenVerifier(config.auth).verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
