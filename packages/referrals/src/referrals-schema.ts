/** The PostgreSQL schema that holds the referrals subgraph's tables, apart from the directory's. */
export const REFERRALS_SCHEMA = 'referrals';
