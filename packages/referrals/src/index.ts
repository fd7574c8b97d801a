import 'reflect-metadata';

export * from './context.js';
export * from './jobs/follow-up-events.js';
export * from './jobs/referral-jobs.js';
export * from './modules/directory-link/directory-client.js';
export * from './modules/followups/follow-up.entity.js';
export * from './modules/followups/follow-up.service.js';
export * from './modules/followups/follow-up-enums.js';
export * from './modules/referrals/need-description.js';
export * from './modules/referrals/referral.entity.js';
export * from './modules/referrals/referral.service.js';
export * from './modules/referrals/referral-enums.js';
export { StatisticsSnapshots } from './modules/statistics/statistics-snapshots.js';
export * from './orm.js';
export * from './schema.js';
export * from './schema-sdl.js';
export * from './server.js';
