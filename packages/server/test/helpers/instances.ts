import type { DatabaseHandle } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { type BuildOptions, buildApp } from '../../src/app.js';

/**
 * Server instances on one test database, as several instances of a deployment share theirs;
 * closed after each test. Call in a test file or describe block; the function it returns starts
 * `count` instances with the given config.
 */
export function instancesOnOneDatabase() {
  let database: DatabaseHandle | undefined;
  let instances: FastifyInstance[] = [];
  afterEach(async () => {
    await Promise.all(instances.map((i) => i.close()));
    instances = [];
    await database?.close();
    database = undefined;
  });
  return async (count: number, config: BuildOptions['config']) => {
    database = await openTestDatabase();
    for (let i = 0; i < count; i++) {
      instances.push(await buildApp({ database, config: { LOG_LEVEL: 'silent', ...config } }));
    }
    return instances;
  };
}
