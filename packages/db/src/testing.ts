import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from './client.js';

export type TestDriver = 'pglite' | 'postgres';

/** The driver this test run targets: the vitest project sets TEST_DB_DRIVER. */
export function testDriver(): TestDriver {
  return process.env.TEST_DB_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error(
      'TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test',
    );
  return url;
}

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new database created on the
 * PostgreSQL server of TEST_DATABASE_URL and dropped on close, so test files never share state.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (testDriver() === 'pglite') return openDatabase();
  const admin = adminUrl();
  const name = `ixm_test_${randomBytes(6).toString('hex')}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 5 });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}
