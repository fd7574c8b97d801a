import 'reflect-metadata';

export * from './auth/access.js';
export * from './auth/oidc-tokens.js';
export * from './auth/principal.js';
export * from './auth/tokens.js';
export * from './config/config.js';
export * from './db/database.js';
export * from './db/migration-generator.js';
export * from './db/orm.js';
export * from './db/paginate.js';
export * from './errors/domain-errors.js';
export * from './errors/format-error.js';
export * from './graphql/http-server.js';
export * from './graphql/limits.js';
export * from './graphql/pagination.js';
export * from './graphql/subgraph-schema.js';
export * from './logging/logger.js';
export * from './validation/validators.js';
