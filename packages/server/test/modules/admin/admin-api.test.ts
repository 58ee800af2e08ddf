import { adminAuditEvents } from '@ixiamen/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInForTest } from '../../../src/testing.js';
import { GOLD_PLAN } from '../../helpers/gold-plan.js';
import { sessionCall } from '../../helpers/session-call.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let asAdmin: ReturnType<typeof sessionCall>;
let asDeveloper: ReturnType<typeof sessionCall>;
let adminId: string;

beforeAll(async () => {
  t = await testApp({ planLimits: true });
  const admin = await signInForTest(t.app, { subject: 'admin-1', name: '王建国', roles: ['admin'] });
  adminId = admin.accountId;
  asAdmin = sessionCall(t.app, admin);
  asDeveloper = sessionCall(t.app, await signInForTest(t.app, { roles: ['citizen', 'developer'] }));
});
afterAll(() => t.close());

const categories = () => t.call({ method: 'GET', url: '/v1/categories' });
const auditOf = async (action: string) =>
  (await asAdmin('GET', `/admin/v1/audit-events?action=${action}`)).json().data;

describe('admin API', () => {
  it('security: without a session 401, without the admin role 403, without the CSRF token 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/admin/v1/plans' })).statusCode).toBe(401);
    const denied = await asDeveloper('GET', '/admin/v1/plans');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('forbidden');
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: '/admin/v1/plans/sandbox',
      headers: {
        cookie: (await signInForTest(t.app, { subject: 'admin-1', name: '王建国', roles: ['admin'] })).cookie,
      },
      payload: { monthlyQuota: 1 },
    });
    expect(noCsrf.json().code).toBe('csrf_failed');
  });

  it('happy: lists the seeded products and plans', async () => {
    const products = (await asAdmin('GET', '/admin/v1/products')).json().data;
    expect(products.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['catalog', 'search', 'residence', 'social-insurance', 'applications']),
    );
    const plans = (await asAdmin('GET', '/admin/v1/plans')).json().data;
    expect(plans.find((p: { code: string }) => p.code === 'sandbox')).toMatchObject({
      ratePerSecond: 50,
      ratePerMinute: 1000,
      monthlyQuota: 100000,
    });
  });

  it('happy: a quota override applies at once, and is audited with before and after', async () => {
    const subs = (await asAdmin('GET', `/admin/v1/subscriptions?appId=${t.credentials.appId}`)).json().data;
    const catalog = subs.find((s: { product: string }) => s.product === 'catalog');
    const res = await asAdmin('PATCH', `/admin/v1/subscriptions/${catalog.id}`, {
      overrides: { monthlyQuota: 1 },
      note: '测试配额',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().limits).toEqual({ ratePerSecond: 50, ratePerMinute: 1000, monthlyQuota: 1 });
    expect((await categories()).statusCode).toBe(200);
    expect((await categories()).json().code).toBe('quota_exceeded');

    const [event] = await auditOf('subscription.update');
    expect(event).toMatchObject({
      actor: { accountId: adminId, name: '王建国', via: 'console' },
      targetType: 'subscription',
      targetId: catalog.id,
      before: { overrides: null },
      after: { overrides: { monthlyQuota: 1 }, note: '测试配额' },
    });
    expect(event.requestId).toMatch(/^req_/);
    await asAdmin('PATCH', `/admin/v1/subscriptions/${catalog.id}`, { overrides: null });
  });

  it('happy: suspending an app stops it at once; unsuspending restores it', async () => {
    const suspend = await asAdmin('PATCH', `/admin/v1/apps/${t.credentials.appId}`, {
      status: 'suspended',
      reason: '滥用接口',
    });
    expect(suspend.json()).toMatchObject({ status: 'suspended', orgName: '厦门鹭岛科技有限公司' });
    expect((await categories()).statusCode).toBe(401);
    await asAdmin('PATCH', `/admin/v1/apps/${t.credentials.appId}`, { status: 'active' });
    expect((await categories()).statusCode).toBe(200);
    expect((await auditOf('app.suspend'))[0].after).toEqual({ status: 'suspended', reason: '滥用接口' });
    expect(await auditOf('app.unsuspend')).toHaveLength(1);
  });

  it('happy: approving a pending production app lets it call', async () => {
    const { provisionApp } = await import('../../../src/testing.js');
    const prod = await provisionApp(t.app, { environment: 'production', status: 'pending_approval' });
    const call = () =>
      t.app.inject({ method: 'GET', url: '/v1/categories', headers: { 'x-api-key': prod.apiKey } });
    expect((await call()).statusCode).toBe(401);
    const pending = (await asAdmin('GET', '/admin/v1/apps?status=pending_approval')).json().data;
    expect(pending.map((a: { id: string }) => a.id)).toContain(prod.appId);
    await asAdmin('PATCH', `/admin/v1/apps/${prod.appId}`, { status: 'active' });
    expect((await call()).statusCode).toBe(200);
    expect((await auditOf('app.approve'))[0].targetId).toBe(prod.appId);
  });

  it('happy: approving a pending personal-data subscription; rejecting another', async () => {
    const pending = (await asAdmin('GET', '/admin/v1/subscriptions?status=pending')).json().data;
    const residence = pending.find(
      (s: { appId: string; product: string }) => s.appId === t.credentials.appId && s.product === 'residence',
    );
    expect(residence).toBeDefined();
    const approved = await asAdmin('PATCH', `/admin/v1/subscriptions/${residence.id}`, { status: 'active' });
    expect(approved.json()).toMatchObject({ status: 'active', decidedAt: expect.any(String) });
    expect((await auditOf('subscription.approve'))[0].targetId).toBe(residence.id);
  });

  it('happy: revoking an app’s credentials stops its API keys', async () => {
    const { provisionApp } = await import('../../../src/testing.js');
    const other = await provisionApp(t.app);
    const res = await asAdmin('POST', `/admin/v1/apps/${other.appId}/revoke-credentials`);
    expect(res.json()).toEqual({ revokedClientSecrets: 1, revokedApiKeys: 1, revokedRefreshTokens: 0 });
    const call = await t.app.inject({
      method: 'GET',
      url: '/v1/categories',
      headers: { 'x-api-key': other.apiKey },
    });
    expect(call.statusCode).toBe(401);
  });

  it('happy: products and plans are created, changed and deleted, each change audited', async () => {
    const plan = await asAdmin('POST', '/admin/v1/plans', GOLD_PLAN);
    expect(plan.statusCode).toBe(201);
    expect(
      (await asAdmin('PATCH', '/admin/v1/plans/gold', { monthlyQuota: 6_000_000 })).json().monthlyQuota,
    ).toBe(6_000_000);
    expect((await asAdmin('DELETE', '/admin/v1/plans/gold')).statusCode).toBe(204);

    const product = await asAdmin('POST', '/admin/v1/products', {
      code: 'weather',
      name: '天气',
      nameEn: 'Weather',
      description: '气象数据',
      sensitivity: 'public',
      scope: 'catalog:read',
      operations: [],
    });
    expect(product.statusCode).toBe(201);
    expect((await asAdmin('DELETE', '/admin/v1/products/weather')).statusCode).toBe(204);
    const actions = (await asAdmin('GET', '/admin/v1/audit-events?limit=100'))
      .json()
      .data.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'plan.create',
        'plan.update',
        'plan.delete',
        'product.create',
        'product.delete',
      ]),
    );
  });

  it('error: a plan or product in use cannot be deleted; duplicates conflict; unknown operations are refused', async () => {
    expect((await asAdmin('DELETE', '/admin/v1/plans/sandbox')).json().code).toBe('conflict');
    expect((await asAdmin('DELETE', '/admin/v1/products/catalog')).json().code).toBe('conflict');
    const dup = await asAdmin('POST', '/admin/v1/plans', {
      code: 'sandbox',
      name: '沙箱',
      nameEn: 'Sandbox',
      environment: 'sandbox',
      ratePerSecond: 1,
      ratePerMinute: 1,
      monthlyQuota: 1,
      requiresApproval: false,
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await asAdmin('POST', '/admin/v1/products', {
      code: 'bogus',
      name: '无效',
      nameEn: 'Bogus',
      description: '—',
      sensitivity: 'public',
      scope: 'catalog:read',
      operations: ['createApp'],
    });
    expect(unknown.json()).toMatchObject({ code: 'validation_failed' });
    const taken = await asAdmin('PATCH', '/admin/v1/products/search', {
      operations: ['search', 'listCategories'],
    });
    expect(taken.json().detail).toContain("'listCategories' already belongs to 'catalog'");
    expect((await asAdmin('PATCH', '/admin/v1/plans/nope', { monthlyQuota: 1 })).statusCode).toBe(404);
  });

  it('happy: moving an operation to another product changes what calling it needs, on every instance', async () => {
    await asAdmin('PATCH', '/admin/v1/products/catalog', {
      operations: [
        'listCategories',
        'listThemes',
        'listServices',
        'getService',
        'listServiceFaqs',
        'listOrganisations',
        'getOrganisation',
        'listPolicies',
      ],
    });
    const moved = await asAdmin('POST', '/admin/v1/products', {
      code: 'policies',
      name: '政策文件',
      nameEn: 'Policies',
      description: '政策法规全文',
      sensitivity: 'public',
      scope: 'catalog:read',
      operations: ['getPolicy'],
    });
    expect(moved.statusCode).toBe(201);
    await expect
      .poll(async () => (await t.call({ method: 'GET', url: '/v1/policies/anything' })).json().code)
      .toBe('not_subscribed');
  });

  it('happy: the audit log pages newest first and is append-only in the database', async () => {
    const first = (await asAdmin('GET', '/admin/v1/audit-events?limit=2')).json();
    expect(first.data).toHaveLength(2);
    const second = (await asAdmin('GET', `/admin/v1/audit-events?limit=2&cursor=${first.nextCursor}`)).json();
    expect(Number(second.data[0].id)).toBeLessThan(Number(first.data[1].id));
    const rows = await t.app.database.db.select().from(adminAuditEvents);
    expect(rows.length).toBeGreaterThan(5);
  });
});
