import { type DatabaseHandle, orgMembers } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { provisionApp, signInForTest } from '../../../src/testing.js';

// Two instances on one database: a key revoked through one stops on the other within the
// stated bound, by the polled feed alone, and at once when Redis carries the nudge.
let database: DatabaseHandle;
let instances: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(instances.map((i) => i.close()));
  instances = [];
  await database?.close();
});

async function twoInstances(config: Record<string, unknown>) {
  database = await openTestDatabase();
  for (let i = 0; i < 2; i++) {
    instances.push(await buildApp({ database, config: { LOG_LEVEL: 'silent', ...config } }));
  }
  return instances as [FastifyInstance, FastifyInstance];
}

const call = (app: FastifyInstance, key: string) =>
  app
    .inject({ method: 'GET', url: '/v1/categories', headers: { 'x-api-key': key } })
    .then((r) => r.statusCode);

async function revokeThroughConsole(app: FastifyInstance, creds: Awaited<ReturnType<typeof provisionApp>>) {
  const session = await signInForTest(app, { subject: 'owner' });
  await app.database.db
    .insert(orgMembers)
    .values({ orgId: creds.orgId, accountId: session.accountId, role: 'member' });
  const res = await app.inject({
    method: 'DELETE',
    url: `/console/v1/apps/${creds.appId}/api-keys/${creds.apiKeyId}`,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
  expect(res.statusCode).toBe(204);
}

describe('revocation reaches every instance', () => {
  it('happy: by polling alone, within one poll interval (200 ms here, 1 s by default)', async () => {
    const [a, b] = await twoInstances({ CREDENTIAL_POLL_MS: 200 });
    const creds = await provisionApp(a);
    expect(await call(b, creds.apiKey)).toBe(200);
    await revokeThroughConsole(a, creds);
    expect(await call(a, creds.apiKey)).toBe(401);
    await expect.poll(() => call(b, creds.apiKey), { timeout: 2_000, interval: 50 }).toBe(401);
  });

  it.runIf(process.env.TEST_REDIS_URL)('happy: with Redis, at once even when polling is slow', async () => {
    const [a, b] = await twoInstances({ CREDENTIAL_POLL_MS: 60_000, REDIS_URL: process.env.TEST_REDIS_URL });
    const creds = await provisionApp(a);
    expect(await call(b, creds.apiKey)).toBe(200);
    await revokeThroughConsole(a, creds);
    await expect.poll(() => call(b, creds.apiKey), { timeout: 1_000, interval: 20 }).toBe(401);
  });
});
