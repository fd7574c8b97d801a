/** The PostgreSQL schema of the web server: its session table and its migration log. */
export const WEB_SCHEMA = 'web';
