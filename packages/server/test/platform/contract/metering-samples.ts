import { orgMembers, subscriptions } from '@ixiamen/db';
import { and, eq } from 'drizzle-orm';
import { signInForTest } from '../../../src/testing.js';
import { GOLD_PLAN } from '../../helpers/gold-plan.js';
import type { TestApp } from '../../helpers/test-app.js';

export interface Sample {
  url: string;
  status: number;
  headers?: Record<string, string>;
  payload?: object | string;
}

/** Samples of the products, subscriptions, usage and admin operations. */
export async function meteringSamples(t: TestApp): Promise<Record<string, Sample[]>> {
  const dev = await signInForTest(t.app, { roles: ['developer'] });
  const admin = await signInForTest(t.app, { roles: ['admin'] });
  const devRead = { cookie: dev.cookie };
  const adminRead = { cookie: admin.cookie };
  const adminWrite = { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
  const owner = await signInForTest(t.app, { roles: ['developer'] });
  await t.app.database.db
    .insert(orgMembers)
    .values({ orgId: t.credentials.orgId, accountId: owner.accountId, role: 'member' });
  const { appId } = t.credentials;
  const ownerRead = { cookie: owner.cookie };
  const ownerWrite = { cookie: owner.cookie, 'x-csrf-token': owner.csrfToken };
  const none = '00000000-0000-4000-8000-000000000000';
  const subscription = (
    await t.app.inject({ method: 'GET', url: `/admin/v1/subscriptions?appId=${appId}`, headers: adminRead })
  ).json().data[0].id;
  // A rejected subscription, which `createSubscription` requests again.
  await t.app.database.db
    .update(subscriptions)
    .set({ status: 'rejected' })
    .where(and(eq(subscriptions.appId, appId), eq(subscriptions.productCode, 'residence')));
  const product = {
    code: 'weather',
    name: '天气',
    nameEn: 'Weather',
    description: '气象数据',
    sensitivity: 'public',
    scope: 'catalog:read',
    operations: [],
  };
  return {
    listProducts: [
      { url: '/console/v1/products', status: 200, headers: devRead },
      { url: '/console/v1/products', status: 401 },
    ],
    listSubscriptions: [
      { url: `/console/v1/apps/${appId}/subscriptions`, status: 200, headers: ownerRead },
      { url: `/console/v1/apps/${none}/subscriptions`, status: 404, headers: ownerRead },
    ],
    createSubscription: [
      {
        url: `/console/v1/apps/${appId}/subscriptions`,
        status: 201,
        headers: ownerWrite,
        payload: { product: 'social-insurance', plan: 'sandbox' },
      },
      {
        url: `/console/v1/apps/${appId}/subscriptions`,
        status: 409,
        headers: ownerWrite,
        payload: { product: 'catalog', plan: 'sandbox' },
      },
      { url: `/console/v1/apps/${appId}/subscriptions`, status: 400, headers: ownerWrite, payload: {} },
      {
        url: `/console/v1/apps/${appId}/subscriptions`,
        status: 200,
        headers: ownerWrite,
        payload: { product: 'residence', plan: 'sandbox' },
      },
    ],
    changeSubscriptionPlan: [
      {
        url: `/console/v1/apps/${appId}/subscriptions/catalog`,
        status: 200,
        headers: ownerWrite,
        payload: { plan: 'sandbox' },
      },
      {
        url: `/console/v1/apps/${appId}/subscriptions/catalog`,
        status: 400,
        headers: ownerWrite,
        payload: { plan: 'premium' },
      },
      {
        url: `/console/v1/apps/${appId}/subscriptions/applications`,
        status: 404,
        headers: ownerWrite,
        payload: { plan: 'sandbox' },
      },
    ],
    getAppUsage: [
      { url: `/console/v1/apps/${appId}/usage?granularity=hour`, status: 200, headers: ownerRead },
      { url: `/console/v1/apps/${appId}/usage?granularity=week`, status: 400, headers: ownerRead },
    ],
    adminListProducts: [
      { url: '/admin/v1/products', status: 200, headers: adminRead },
      { url: '/admin/v1/products', status: 403, headers: devRead },
    ],
    createProduct: [
      { url: '/admin/v1/products', status: 201, headers: adminWrite, payload: product },
      { url: '/admin/v1/products', status: 409, headers: adminWrite, payload: product },
    ],
    updateProduct: [
      { url: '/admin/v1/products/weather', status: 200, headers: adminWrite, payload: { name: '天气预报' } },
      { url: '/admin/v1/products/nope', status: 404, headers: adminWrite, payload: { name: '无' } },
    ],
    deleteProduct: [
      { url: '/admin/v1/products/weather', status: 204, headers: adminWrite },
      { url: '/admin/v1/products/catalog', status: 409, headers: adminWrite },
    ],
    listPlans: [
      { url: '/admin/v1/plans', status: 200, headers: adminRead },
      { url: '/admin/v1/plans', status: 401 },
    ],
    createPlan: [
      { url: '/admin/v1/plans', status: 201, headers: adminWrite, payload: GOLD_PLAN },
      { url: '/admin/v1/plans', status: 409, headers: adminWrite, payload: GOLD_PLAN },
    ],
    updatePlan: [
      { url: '/admin/v1/plans/gold', status: 200, headers: adminWrite, payload: { monthlyQuota: 6000000 } },
      { url: '/admin/v1/plans/gold', status: 400, headers: adminWrite, payload: {} },
    ],
    deletePlan: [
      { url: '/admin/v1/plans/gold', status: 204, headers: adminWrite },
      { url: '/admin/v1/plans/sandbox', status: 409, headers: adminWrite },
    ],
    adminListSubscriptions: [
      { url: '/admin/v1/subscriptions?status=active&limit=2', status: 200, headers: adminRead },
      { url: '/admin/v1/subscriptions?awaitingDecision=true', status: 200, headers: adminRead },
      { url: '/admin/v1/subscriptions?status=maybe', status: 400, headers: adminRead },
    ],
    updateSubscription: [
      {
        url: `/admin/v1/subscriptions/${subscription}`,
        status: 200,
        headers: adminWrite,
        payload: { overrides: { ratePerSecond: 100000, ratePerMinute: 1000000 } },
      },
      { url: `/admin/v1/subscriptions/${none}`, status: 404, headers: adminWrite, payload: { note: '—' } },
    ],
    adminListApps: [
      { url: '/admin/v1/apps?limit=1', status: 200, headers: adminRead },
      { url: '/admin/v1/apps?status=gone', status: 400, headers: adminRead },
    ],
    adminUpdateApp: [
      { url: `/admin/v1/apps/${appId}`, status: 200, headers: adminWrite, payload: { status: 'active' } },
      { url: `/admin/v1/apps/${none}`, status: 404, headers: adminWrite, payload: { status: 'active' } },
    ],
    revokeAppCredentials: [
      { url: `/admin/v1/apps/${none}/revoke-credentials`, status: 404, headers: adminWrite },
      { url: `/admin/v1/apps/${appId}/revoke-credentials`, status: 403, headers: ownerWrite },
    ],
    getPlatformUsage: [
      { url: '/admin/v1/usage', status: 200, headers: adminRead },
      {
        url: '/admin/v1/usage?from=2026-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
        status: 400,
        headers: adminRead,
      },
    ],
    listAuditEvents: [
      { url: '/admin/v1/audit-events?limit=5', status: 200, headers: adminRead },
      { url: '/admin/v1/audit-events?cursor=broken', status: 400, headers: adminRead },
    ],
  };
}
