export * from './channels.js';
export * from './notification.js';
export * from './outbox.entity.js';
export * from './outbox-worker.js';
export * from './webhook-signature.js';
