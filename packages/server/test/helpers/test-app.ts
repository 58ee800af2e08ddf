import { type DatabaseHandle, subscriptions } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type BuildOptions, buildApp } from '../../src/app.js';
import { provisionApp } from '../../src/testing.js';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** A sandbox app provisioned for this test file; `call` uses its API key. */
  credentials: Awaited<ReturnType<typeof provisionApp>>;
  /** `inject` as that app: the API key header is added unless the request names credentials. */
  call(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

const UNREACHABLE = { ratePerSecond: 1_000_000, ratePerMinute: 60_000_000, monthlyQuota: 2_000_000_000 };

export interface TestAppOptions extends Omit<BuildOptions, 'database'> {
  /** Keep the sandbox plan's limits; otherwise the test app's are too high for a test to reach. */
  planLimits?: boolean;
}

/** The real app on a fresh database of this run's driver (PGlite or PostgreSQL), not listening. */
export async function testApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ ...options, config: { LOG_LEVEL: 'silent', ...options.config }, database });
  const credentials = await provisionApp(app);
  if (!options.planLimits) {
    await app.database.db
      .update(subscriptions)
      .set({ overrides: UNREACHABLE })
      .where(eq(subscriptions.appId, credentials.appId));
  }
  return {
    app,
    database,
    credentials,
    call: (request) =>
      app.inject({ ...request, headers: { 'x-api-key': credentials.apiKey, ...request.headers } }),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
