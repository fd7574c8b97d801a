import 'reflect-metadata';

export * from './context.js';
export * from './loaders.js';
export * from './orm.js';
export * from './schema.js';
export * from './server.js';
export * from './schema-sdl.js';
