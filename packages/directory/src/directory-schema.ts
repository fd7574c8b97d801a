/** The PostgreSQL schema that holds the directory's tables. */
export const DIRECTORY_SCHEMA = 'directory';
