/**
 * One Jest run for the whole workspace. Tests import the TypeScript sources of the workspace
 * packages (SWC keeps decorator metadata); the global setup starts one real PostgreSQL.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages'],
  testMatch: ['**/__tests__/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+\\.js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }] },
  // Packages published only as ES modules: Jest's module registry needs them as CommonJS (Node itself loads them with require).
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/[^/]+/node_modules/)?(oidc-provider|openid-client|oauth4webapi|jose)/)'],
  moduleNameMapper: {
    '^@samspill/core$': '<rootDir>/packages/core/src/index.ts',
    '^@samspill/core/testkit$': '<rootDir>/packages/core/src/testkit/index.ts',
    '^@samspill/directory$': '<rootDir>/packages/directory/src/index.ts',
    '^@samspill/referrals$': '<rootDir>/packages/referrals/src/index.ts',
    '^@samspill/gateway$': '<rootDir>/packages/gateway/src/index.ts',
    '^@samspill/web-server$': '<rootDir>/packages/web-server/src/index.ts',
    '^@samspill/client$': '<rootDir>/packages/client/src/index.ts',
    '^@samspill/example-bydel-grunerlokka$': '<rootDir>/packages/example-bydel-grunerlokka/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/'],
  // Global setup runs outside Jest's module mapping, so it uses the compiled core (the `test` script builds first).
  globalSetup: '<rootDir>/packages/core/dist/testkit/global-setup.js',
  globalTeardown: '<rootDir>/packages/core/dist/testkit/global-teardown.js',
  testTimeout: 60_000,
  maxWorkers: 2,
};
