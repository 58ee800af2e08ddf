import { usageHourly } from '@ixiamen/db';
import { afterEach, describe, expect, it } from 'vitest';
import { monthOf } from '../../../src/platform/limits/period.js';
import { setLimits } from '../../helpers/set-limits.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
afterEach(() => t?.close());

const categories = (headers: Record<string, string> = {}) =>
  t.call({ method: 'GET', url: '/v1/categories', headers });

describe('rate limits and quotas on the hot path', () => {
  it('happy: answers carry RateLimit-Policy and RateLimit for the app’s plan', async () => {
    t = await testApp({ planLimits: true });
    const res = await categories();
    expect(res.statusCode).toBe(200);
    const month = monthOf(Date.now());
    expect(res.headers['ratelimit-policy']).toBe(
      `"burst";q=50;w=1, "sustained";q=1000;w=60, "monthly";q=100000;w=${(month.end - month.start) / 1000}`,
    );
    expect(res.headers.ratelimit).toMatch(/^"burst";r=49;t=1, "sustained";r=999;t=(60|59)$/);
  });

  it('error: the per-second burst is enforced with rate_limited and Retry-After', async () => {
    t = await testApp({ planLimits: true });
    await setLimits(t.app, t.credentials.appId, 'catalog', { ratePerSecond: 3 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await categories()).statusCode);
    expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
    const res = await categories();
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(res.headers['retry-after']).toBe('1');
    expect(res.headers.ratelimit).toBe('"burst";r=0;t=1');
    expect(res.headers['ratelimit-policy']).toContain('"burst";q=3;w=1');
    // Another product of the same app has its own counters.
    expect((await t.call({ method: 'GET', url: '/v1/search?q=居住证' })).statusCode).toBe(200);
  });

  it('security: a change to the app (a reload of its state) does not reset its windows', async () => {
    t = await testApp({ planLimits: true });
    await setLimits(t.app, t.credentials.appId, 'catalog', { ratePerSecond: 1000, ratePerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await categories()).statusCode).toBe(200);
    // Another product's override: the app's state is loaded again, with new objects.
    await setLimits(t.app, t.credentials.appId, 'search', { ratePerSecond: 7 });
    const res = await categories();
    expect(res.statusCode).toBe(429);
    expect(res.headers.ratelimit).toMatch(/^"sustained";r=0;t=\d+$/);
  });

  it('error: the per-minute limit is enforced after the burst allows', async () => {
    t = await testApp({ planLimits: true });
    await setLimits(t.app, t.credentials.appId, 'catalog', { ratePerSecond: 100, ratePerMinute: 5 });
    for (let i = 0; i < 5; i++) expect((await categories()).statusCode).toBe(200);
    const res = await categories();
    expect(res.statusCode).toBe(429);
    expect(res.headers.ratelimit).toMatch(/^"sustained";r=0;t=\d+$/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(1);
  });

  it('error: the monthly quota ends with quota_exceeded, its reset time and Retry-After', async () => {
    t = await testApp({ planLimits: true });
    await setLimits(t.app, t.credentials.appId, 'catalog', { monthlyQuota: 3 });
    for (let i = 0; i < 3; i++) expect((await categories()).statusCode).toBe(200);
    const res = await categories();
    expect(res.statusCode).toBe(429);
    const month = monthOf(Date.now());
    expect(res.json()).toMatchObject({ code: 'quota_exceeded', resetsAt: new Date(month.end).toISOString() });
    const retry = Number(res.headers['retry-after']);
    expect(Math.abs(retry - (month.end - Date.now()) / 1000)).toBeLessThan(5);
    expect(res.headers.ratelimit).toBe(`"monthly";r=0;t=${retry}`);
  });

  it('happy: 4xx caused by the caller count against the quota', async () => {
    t = await testApp({ planLimits: true });
    await setLimits(t.app, t.credentials.appId, 'catalog', { monthlyQuota: 2 });
    expect((await t.call({ method: 'GET', url: '/v1/categories?colour=red' })).statusCode).toBe(400);
    expect((await t.call({ method: 'GET', url: '/v1/services/no-such-service' })).statusCode).toBe(404);
    expect((await categories()).json()).toMatchObject({ code: 'quota_exceeded' });
  });

  it('happy: 429s and 5xx do not count against the quota', async () => {
    t = await testApp({ planLimits: true });
    t.app.get(
      '/v1/test-failure',
      { config: { operationId: 'listCategories', security: [{ apiKey: [] }] } },
      () => {
        throw new Error('a failure inside the platform');
      },
    );
    await setLimits(t.app, t.credentials.appId, 'catalog', { ratePerSecond: 1, monthlyQuota: 2 });
    expect((await t.call({ method: 'GET', url: '/v1/test-failure' })).statusCode).toBe(500);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await categories()).statusCode).toBe(200);
    expect((await categories()).json()).toMatchObject({ code: 'rate_limited' });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await categories()).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await categories()).json()).toMatchObject({ code: 'quota_exceeded' });
  });

  it('happy: a retry with the same Idempotency-Key counts once', async () => {
    t = await testApp({ planLimits: true });
    await setLimits(t.app, t.credentials.appId, 'catalog', { monthlyQuota: 2 });
    expect((await categories({ 'idempotency-key': 'order-1' })).statusCode).toBe(200);
    expect((await categories({ 'idempotency-key': 'order-1' })).statusCode).toBe(200);
    expect((await categories({ 'idempotency-key': 'order-1' })).statusCode).toBe(200);
    expect((await categories({ 'idempotency-key': 'order-2' })).statusCode).toBe(200);
    expect((await categories({ 'idempotency-key': 'order-3' })).json()).toMatchObject({
      code: 'quota_exceeded',
    });
    await t.app.limits.meter.flush();
    const rows = await t.app.database.db.select().from(usageHourly);
    expect(rows.filter((r) => r.statusClass === '2xx').reduce((n, r) => n + r.calls, 0)).toBe(2);
  });

  it('error: an unusable Idempotency-Key is a validation error', async () => {
    t = await testApp({ planLimits: true });
    const res = await categories({ 'idempotency-key': 'x'.repeat(256) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].location).toBe('headers/idempotency-key');
  });

  it('security: a product without an active subscription answers not_subscribed, though the app was just using it', async () => {
    t = await testApp({ planLimits: true });
    expect((await categories()).statusCode).toBe(200);
    for (const status of ['pending', 'rejected', 'suspended'] as const) {
      await setLimits(t.app, t.credentials.appId, 'catalog', null, status);
      const res = await categories();
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'not_subscribed' });
    }
    expect((await t.call({ method: 'GET', url: '/v1/search?q=社保' })).statusCode).toBe(200);
    // Back to the first product with the same credential: its own subscription, still suspended.
    expect((await categories()).statusCode).toBe(403);
  });

  it('happy: calls are metered per operation, status class and hour, written in one batch', async () => {
    t = await testApp({ planLimits: true });
    await categories();
    await categories();
    await t.call({ method: 'GET', url: '/v1/services?limit=0' });
    await t.call({ method: 'GET', url: '/v1/search?q=户口' });
    expect(await t.app.database.db.select().from(usageHourly)).toEqual([]);
    await t.app.limits.meter.flush();
    const rows = await t.app.database.db.select().from(usageHourly);
    const byKey = Object.fromEntries(
      rows.map((r) => [`${r.product}/${r.operationId}/${r.statusClass}`, r.calls]),
    );
    expect(byKey).toEqual({
      'catalog/listCategories/2xx': 2,
      'catalog/listServices/4xx': 1,
      'search/search/2xx': 1,
    });
    expect(rows.every((r) => r.hour.getTime() % 3_600_000 === 0)).toBe(true);
  });
});
