import type { DatabaseHandle } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import type { FastifyInstance } from 'fastify';
import { type BuildOptions, buildApp } from '../../src/app.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The real app on a fresh database of this run's driver (PGlite or PostgreSQL), not listening. */
export async function testApp(options: Omit<BuildOptions, 'database'> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ ...options, config: { LOG_LEVEL: 'silent', ...options.config }, database });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
