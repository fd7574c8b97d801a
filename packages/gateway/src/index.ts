import 'reflect-metadata';

export * from './gateway.js';
export * from './supergraph.js';
export * from './testing/operations.js';
export * from './testing/scale-dataset.js';
export * from './testing/web-stack.js';
