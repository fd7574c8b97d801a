export * from './graphql-client.js';
export * from './mail-catcher.js';
export * from './raw-http.js';
export * from './test-clock.js';
export * from './test-database.js';
