import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/testing.js';
import { setLimits } from '../../helpers/set-limits.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

// A Redis of this test's own, so stopping it disturbs no other test.
const REDIS = '/usr/bin/redis-server';
let redis: ChildProcess | undefined;
let t: TestApp | undefined;

afterEach(async () => {
  await t?.close();
  redis?.kill('SIGKILL');
});

async function startRedis(port: number) {
  const child = spawn(REDIS, ['--port', String(port), '--save', '', '--appendonly', 'no'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    child.once('exit', () => reject(new Error('redis-server exited')));
  });
  return child;
}

describe.runIf(existsSync(REDIS))('when Redis is unreachable', () => {
  it('error: limits fall back to the instance’s share, with no 500s and no hangs, and recover', async () => {
    const port = await freePort();
    redis = await startRedis(port);
    t = await testApp({
      planLimits: true,
      config: { REDIS_URL: `redis://127.0.0.1:${port}`, RATE_LIMIT_FALLBACK_SHARE: 0.5 },
    });
    await setLimits(t.app, t.credentials.appId, 'catalog', { ratePerSecond: 1000, ratePerMinute: 10 });
    const call = () => t!.call({ method: 'GET', url: '/v1/categories' }).then((r) => r.statusCode);

    for (let i = 0; i < 3; i++) expect(await call()).toBe(200);

    redis.kill('SIGKILL');
    await new Promise((r) => redis!.once('exit', r));
    const started = Date.now();
    const during = [];
    for (let i = 0; i < 8; i++) during.push(await call());
    expect(Date.now() - started).toBeLessThan(5_000);
    // Half of the per-minute limit of 10, counted on this instance alone.
    expect(during).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);

    redis = await startRedis(port);
    // Back on the shared (and, after the restart, empty) windows once the client reconnects.
    await expect.poll(call, { timeout: 10_000, interval: 200 }).toBe(200);
  });
});
