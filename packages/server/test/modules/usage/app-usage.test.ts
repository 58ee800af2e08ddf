import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../../src/platform/limits/period.js';
import { provisionApp, signInForTest } from '../../../src/testing.js';
import { type SignedIn, sessionCall } from '../../helpers/session-call.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let owner: SignedIn;
let mine: Awaited<ReturnType<typeof provisionApp>>;

beforeAll(async () => {
  t = await testApp();
  owner = await signInForTest(t.app, { roles: ['developer'] });
  mine = await provisionApp(t.app, { accountId: owner.accountId });
  const call = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'x-api-key': mine.apiKey } });
  for (let i = 0; i < 3; i++) await call('/v1/categories');
  await call('/v1/services/no-such-service');
  await call('/v1/search?q=居住证');
  await t.app.limits.meter.flush();
});
afterAll(() => t.close());

describe('usage', () => {
  it('happy: a publisher sees its app’s series, breakdowns and quota left', async () => {
    const res = await sessionCall(t.app, owner)(
      'GET',
      `/console/v1/apps/${mine.appId}/usage?granularity=hour`,
    );
    expect(res.statusCode).toBe(200);
    const usage = res.json();
    const total = usage.series.reduce((n: number, p: { calls: number }) => n + p.calls, 0);
    expect(total).toBe(5);
    expect(usage.series).toHaveLength(7 * 24 + 1);
    expect(usage.byProduct).toEqual([
      { product: 'catalog', operationId: null, calls: 4, clientErrors: 1, rejected: 0, serverErrors: 0 },
      { product: 'search', operationId: null, calls: 1, clientErrors: 0, rejected: 0, serverErrors: 0 },
    ]);
    expect(usage.byOperation).toContainEqual({
      product: 'catalog',
      operationId: 'listCategories',
      calls: 3,
      clientErrors: 0,
      rejected: 0,
      serverErrors: 0,
    });
    const month = monthOf(Date.now());
    expect(usage.quotas).toContainEqual({
      product: 'catalog',
      period: month.period,
      limit: 100000,
      used: 4,
      remaining: 99996,
      resetsAt: new Date(month.end).toISOString(),
    });
  });

  it('happy: days are Beijing days', async () => {
    const res = await sessionCall(t.app, owner)('GET', `/console/v1/apps/${mine.appId}/usage`);
    const { series } = res.json();
    expect(series.every((p: { start: string }) => p.start.endsWith('T16:00:00.000Z'))).toBe(true);
  });

  it('error: a range longer than 92 days or reversed is refused', async () => {
    const call = sessionCall(t.app, owner);
    const long = await call(
      'GET',
      `/console/v1/apps/${mine.appId}/usage?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z`,
    );
    expect(long.json()).toMatchObject({ code: 'validation_failed' });
    const reversed = await call(
      'GET',
      `/console/v1/apps/${mine.appId}/usage?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z`,
    );
    expect(reversed.statusCode).toBe(400);
  });

  it('security: another publisher gets 404; platform usage needs the admin role', async () => {
    const stranger = sessionCall(t.app, await signInForTest(t.app));
    expect((await stranger('GET', `/console/v1/apps/${mine.appId}/usage`)).statusCode).toBe(404);
    expect((await stranger('GET', '/admin/v1/usage')).statusCode).toBe(403);
  });

  it('happy: an admin sees the platform’s totals, top apps and error rates', async () => {
    const admin = sessionCall(t.app, await signInForTest(t.app, { roles: ['admin'] }));
    const usage = (await admin('GET', '/admin/v1/usage')).json();
    expect(usage.totals).toMatchObject({
      calls: 5,
      success: 4,
      clientErrors: 1,
      rejected: 0,
      serverErrors: 0,
    });
    expect(usage.totals.errorRate).toBeCloseTo(0.2);
    expect(usage.topApps[0]).toMatchObject({ appId: mine.appId, appName: '鹭岛办事通', calls: 5 });
  });
});
