import { type DatabaseHandle, usageHourly } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { freePort, provisionApp } from '../../../src/testing.js';
import { setLimits } from '../../helpers/set-limits.js';

// Two instances on one database (and one Redis when TEST_REDIS_URL is set), hammered at once
// over real HTTP: quotas are exact and metering matches what the clients saw.
let database: DatabaseHandle;
let instances: FastifyInstance[] = [];

afterEach(async () => {
  await Promise.all(instances.map((i) => i.close()));
  instances = [];
  await database?.close();
});

async function twoListening(config: Record<string, unknown>) {
  database = await openTestDatabase();
  const urls: string[] = [];
  for (let i = 0; i < 2; i++) {
    const app = await buildApp({ database, config: { LOG_LEVEL: 'silent', ...config } });
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    instances.push(app);
    urls.push(`http://127.0.0.1:${port}`);
  }
  return urls as [string, string];
}

/** `total` calls, `concurrency` at a time, alternating between the instances. */
async function hammer(urls: string[], key: string, total: number, concurrency: number) {
  const answers: { status: number; headers: Headers; body: { code?: string } }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const res = await fetch(`${urls[i % urls.length]}/v1/categories`, { headers: { 'x-api-key': key } });
        answers.push({ status: res.status, headers: res.headers, body: await res.json() });
      }
    }),
  );
  return answers;
}

async function meteredTotals() {
  const rows = await database.db.select().from(usageHourly);
  const sum = (cls: string) => rows.filter((r) => r.statusClass === cls).reduce((n, r) => n + r.calls, 0);
  return { ok: sum('2xx'), rejected: sum('429') };
}

const redis = process.env.TEST_REDIS_URL;

describe('two instances on one PostgreSQL and one Redis', () => {
  it('happy: quota Q admits exactly Q counted calls, and usage equals what the clients saw', async () => {
    const urls = await twoListening({ REDIS_URL: redis, METERING_FLUSH_MS: 60_000 });
    const creds = await provisionApp(instances[0]!);
    const Q = 250;
    await setLimits(instances[0]!, creds.appId, 'catalog', {
      ratePerSecond: 100_000,
      ratePerMinute: 1_000_000,
      monthlyQuota: Q,
    });
    await instances[1]!.auth.nudge();

    const answers = await hammer(urls, creds.apiKey, 3 * Q, 24);
    const ok = answers.filter((a) => a.status === 200);
    const rejected = answers.filter((a) => a.status === 429);
    expect(ok).toHaveLength(Q);
    expect(rejected).toHaveLength(2 * Q);
    for (const r of rejected) {
      expect(r.body.code).toBe('quota_exceeded');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.headers.get('ratelimit')).toMatch(/^"monthly";r=0;t=\d+$/);
      expect(r.headers.get('ratelimit-policy')).toContain(`"monthly";q=${Q};`);
    }

    await Promise.all(instances.map((i) => i.close()));
    instances = [];
    expect(await meteredTotals()).toEqual({ ok: Q, rejected: 2 * Q });
  });

  it.runIf(redis)('happy: with Redis, a rate limit is one limit across both instances', async () => {
    const urls = await twoListening({ REDIS_URL: redis });
    const creds = await provisionApp(instances[0]!);
    await setLimits(instances[0]!, creds.appId, 'catalog', { ratePerSecond: 1000, ratePerMinute: 12 });
    await instances[1]!.auth.nudge();
    const answers = await hammer(urls, creds.apiKey, 40, 4);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(12);
    const limited = answers.filter((a) => a.status === 429);
    expect(limited).toHaveLength(28);
    expect(limited.every((a) => a.body.code === 'rate_limited')).toBe(true);
    expect(limited.every((a) => /^"sustained";r=0;t=\d+$/.test(a.headers.get('ratelimit') ?? ''))).toBe(true);
  });

  it('happy: without Redis, each instance limits on its own (the documented single-instance default)', async () => {
    const urls = await twoListening({});
    const creds = await provisionApp(instances[0]!);
    await setLimits(instances[0]!, creds.appId, 'catalog', { ratePerSecond: 1000, ratePerMinute: 12 });
    await instances[1]!.auth.nudge();
    const answers = await hammer(urls, creds.apiKey, 40, 4);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(24);
  });
});
