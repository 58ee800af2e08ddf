import { type SQL, sql } from 'drizzle-orm';

/**
 * One column of many rows as a single `text[]` parameter, for `unnest` in one statement, whatever
 * the row count (no limit of 65,535 parameters). Cast it in SQL (`::text[]::uuid[]`): postgres.js
 * under drizzle and PGlite serialize text arrays alike, but not arrays of dates or numbers.
 */
export const textArray = (values: readonly (string | number)[]): SQL =>
  sql`${sql.param(values.map(String))}::text[]`;
