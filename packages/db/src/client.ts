import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDirectory, unlockDirectory } from './directory-lock.js';
import { migrationsFolder } from './paths.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The drizzle API shared by both drivers; repositories depend on this, never on a driver. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  driver: 'pglite' | 'postgres';
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Applies the committed migrations that have not run yet. Safe to call from several instances at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL. Unset means the embedded PGlite. */
  url?: string | undefined;
  /** Where PGlite keeps its files. Unset or `memory://` means in memory. */
  dataDir?: string | undefined;
  /** Connections in the postgres.js pool. */
  maxConnections?: number;
}

const casing = 'snake_case' as const;
// Any constant works; it only has to be the same for every instance migrating one database.
const MIGRATION_LOCK = 7_250_001;

export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options.maxConnections ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  const onDisk = dataDir && !dataDir.startsWith('memory://') ? dataDir : undefined;
  if (onDisk) {
    await mkdir(onDisk, { recursive: true });
    await lockDirectory(onDisk);
  }
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite({ client, schema, casing });
  return {
    db: db as unknown as Database,
    driver: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: async () => {
      await client.close();
      if (onDisk) await unlockDirectory(onDisk);
    },
  };
}

async function openPostgres(url: string, max: number): Promise<DatabaseHandle> {
  const sql = postgres(url, { max, onnotice: () => {}, connect_timeout: 10 });
  const db = drizzlePostgres({ client: sql, schema, casing });
  return {
    db: db as unknown as Database,
    driver: 'postgres',
    ping: async () => {
      await sql`select 1`;
    },
    migrate: async () => {
      // A one-connection client holds the advisory lock for the whole run, so concurrent
      // instances migrate one after another instead of racing.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres({ client: single, casing }), { migrationsFolder });
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
