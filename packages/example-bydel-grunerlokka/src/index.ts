export * from './access.js';
export * from './context.js';
export * from './demo-data.js';
export * from './migrations.js';
export * from './schema.js';
export * from './server.js';
export * from './store.js';
