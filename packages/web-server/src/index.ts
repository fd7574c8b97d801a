import 'reflect-metadata';

export * from './dev-issuer/dev-issuer.js';
export * from './dev-web.js';
export * from './http/sealing.js';
export * from './http/security-headers.js';
export * from './orm.js';
export * from './sessions/session-store.js';
export * from './web-server.js';
