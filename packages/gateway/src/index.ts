import 'reflect-metadata';

export * from './gateway.js';
export * from './supergraph.js';
