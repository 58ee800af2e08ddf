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

/** A new, empty database on the server of `adminUrl`, and how to drop it (connections and all). */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/**
 * A fresh, empty database for one test file: in-memory PGlite, or a new database created on the
 * PostgreSQL server of TEST_DATABASE_URL and dropped on close, so test files never share state.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (testDriver() === 'pglite') return openDatabase();
  const scratch = await createScratchDatabase(adminUrl(), 'ixm_test');
  const handle = await openDatabase({ url: scratch.url, maxConnections: 5 });
  return {
    ...handle,
    url: scratch.url,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
