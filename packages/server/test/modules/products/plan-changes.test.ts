import { plans } from '@ixiamen/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionApp, signInForTest } from '../../../src/testing.js';
import { GOLD_PLAN } from '../../helpers/gold-plan.js';
import { type SignedIn, sessionCall } from '../../helpers/session-call.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let owner: SignedIn;
let asOwner: ReturnType<typeof sessionCall>;
let asAdmin: ReturnType<typeof sessionCall>;

beforeAll(async () => {
  t = await testApp();
  owner = await signInForTest(t.app, { subject: 'company-1', roles: ['developer'] });
  asOwner = sessionCall(t.app, owner);
  asAdmin = sessionCall(t.app, await signInForTest(t.app, { subject: 'admin-1', roles: ['admin'] }));
});
afterAll(() => t.close());

/** A production app of the owner's, on `basic` for the public products, `residence` pending. */
async function productionApp() {
  return provisionApp(t.app, { accountId: owner.accountId, environment: 'production' });
}
const changePlan = (appId: string, product: string, plan: string) =>
  asOwner('PATCH', `/console/v1/apps/${appId}/subscriptions/${product}`, { plan });
const subscribe = (appId: string, product: string, plan: string) =>
  asOwner('POST', `/console/v1/apps/${appId}/subscriptions`, { product, plan });
const subscriptionOf = async (appId: string, product: string) =>
  (await asOwner('GET', `/console/v1/apps/${appId}/subscriptions`))
    .json()
    .data.find((s: { product: string }) => s.product === product);
/** The burst limit the gateway enforces for the app's calls to the catalogue. */
const burstLimit = async (apiKey: string) => {
  const res = await t.app.inject({ method: 'GET', url: '/v1/categories', headers: { 'x-api-key': apiKey } });
  expect(res.statusCode).toBe(200);
  return Number(/"burst";q=(\d+)/.exec(String(res.headers['ratelimit-policy']))?.[1]);
};
const queue = async () =>
  (await asAdmin('GET', '/admin/v1/subscriptions?awaitingDecision=true&limit=100')).json().data as {
    id: string;
  }[];
const lastAudit = async (action: string) =>
  (await asAdmin('GET', `/admin/v1/audit-events?action=${action}&limit=1`)).json().data[0];

describe('console: changing a subscription plan', () => {
  it('happy: a plan that needs approval is requested; the current plan holds until an admin approves, then the limits change', async () => {
    const mine = await productionApp();
    expect(await burstLimit(mine.apiKey)).toBe(20);

    const requested = await changePlan(mine.appId, 'catalog', 'standard');
    expect(requested.statusCode).toBe(200);
    expect(requested.json()).toMatchObject({
      plan: 'basic',
      requestedPlan: 'standard',
      status: 'active',
      limits: { ratePerSecond: 20, ratePerMinute: 600, monthlyQuota: 100000 },
    });
    expect(await burstLimit(mine.apiKey)).toBe(20);
    expect((await queue()).map((s) => s.id)).toContain(requested.json().id);

    const approved = await asAdmin('PATCH', `/admin/v1/subscriptions/${requested.json().id}`, {
      status: 'active',
      note: '同意升级',
    });
    expect(approved.json()).toMatchObject({
      plan: 'standard',
      requestedPlan: null,
      status: 'active',
      note: '同意升级',
      limits: { ratePerSecond: 100, ratePerMinute: 3000, monthlyQuota: 1000000 },
    });
    expect(await burstLimit(mine.apiKey)).toBe(100);
    expect((await queue()).map((s) => s.id)).not.toContain(requested.json().id);
    expect(await lastAudit('subscription.approve_plan')).toMatchObject({
      targetId: requested.json().id,
      before: { planCode: 'basic', requestedPlanCode: 'standard' },
      after: { planCode: 'standard', requestedPlanCode: null },
    });
  });

  it('happy: a plan that needs no approval applies at once, on the gateway too', async () => {
    const mine = await productionApp();
    await t.app.database.db
      .insert(plans)
      .values({
        code: 'starter',
        name: '入门版',
        nameEn: 'Starter',
        environment: 'production',
        ratePerSecond: 7,
        ratePerMinute: 300,
        monthlyQuota: 50_000,
        requiresApproval: false,
      })
      .onConflictDoNothing();
    const res = await changePlan(mine.appId, 'catalog', 'starter');
    expect(res.json()).toMatchObject({
      plan: 'starter',
      requestedPlan: null,
      status: 'active',
      limits: { ratePerSecond: 7, ratePerMinute: 300, monthlyQuota: 50000 },
    });
    expect(await burstLimit(mine.apiKey)).toBe(7);
    // An immediate change is no admin's decision: nothing waits in the queue.
    expect((await queue()).map((s) => s.id)).not.toContain(res.json().id);
  });

  it('happy: asking for the current plan again cancels a pending request', async () => {
    const mine = await productionApp();
    const requested = (await changePlan(mine.appId, 'search', 'premium')).json();
    expect(requested.requestedPlan).toBe('premium');
    const cancelled = await changePlan(mine.appId, 'search', 'basic');
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ plan: 'basic', requestedPlan: null, status: 'active' });
    expect((await queue()).map((s) => s.id)).not.toContain(requested.id);
    // Cancelling what is not there changes nothing.
    expect((await changePlan(mine.appId, 'search', 'basic')).json().updatedAt).toBe(
      cancelled.json().updatedAt,
    );
  });

  it('happy: an admin rejecting a requested plan drops the request and keeps the subscription on its plan', async () => {
    const mine = await productionApp();
    const requested = (await changePlan(mine.appId, 'catalog', 'premium')).json();
    const rejected = await asAdmin('PATCH', `/admin/v1/subscriptions/${requested.id}`, {
      status: 'rejected',
      note: '用量不足以支持高级版',
    });
    expect(rejected.json()).toMatchObject({
      plan: 'basic',
      requestedPlan: null,
      status: 'active',
      note: '用量不足以支持高级版',
    });
    expect(await burstLimit(mine.apiKey)).toBe(20);
    expect((await lastAudit('subscription.reject_plan')).targetId).toBe(requested.id);
  });

  it('happy: a pending subscription waits for an admin on the new plan', async () => {
    const mine = await productionApp();
    const res = await changePlan(mine.appId, 'residence', 'standard');
    expect(res.json()).toMatchObject({ plan: 'standard', requestedPlan: null, status: 'pending' });
    // Moving to a plan without approval does not skip the admin either.
    expect((await changePlan(mine.appId, 'residence', 'basic')).json()).toMatchObject({
      plan: 'basic',
      status: 'pending',
    });
  });

  it('error: unknown plans, plans of the other environment and malformed codes are 400; a product without subscription is 404', async () => {
    const mine = await productionApp();
    const unknown = await changePlan(mine.appId, 'catalog', 'platinum');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ location: 'body/plan', message: "names no plan ('platinum')" }],
    });
    const sandbox = await changePlan(mine.appId, 'catalog', 'sandbox');
    expect(sandbox.json()).toMatchObject({ code: 'validation_failed' });
    expect(sandbox.json().detail).toContain('sandbox plan');
    expect((await changePlan(mine.appId, 'Catalog!', 'basic')).json().code).toBe('validation_failed');
    const none = await changePlan(mine.appId, 'applications', 'basic');
    expect(none.statusCode).toBe(404);
    expect(none.json().code).toBe('not_found');
  });

  it('security: another organisation’s account gets 404, and a change needs the CSRF token', async () => {
    const mine = await productionApp();
    const stranger = sessionCall(t.app, await signInForTest(t.app, { roles: ['developer'] }));
    const refused = await stranger('PATCH', `/console/v1/apps/${mine.appId}/subscriptions/catalog`, {
      plan: 'standard',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('not_found');
    const noCsrf = await t.app.inject({
      method: 'PATCH',
      url: `/console/v1/apps/${mine.appId}/subscriptions/catalog`,
      headers: { cookie: owner.cookie },
      payload: { plan: 'standard' },
    });
    expect(noCsrf.json().code).toBe('csrf_failed');
    expect(await subscriptionOf(mine.appId, 'catalog')).toMatchObject({ plan: 'basic', requestedPlan: null });
  });
});

describe('console: asking again after a rejection; suspensions stay', () => {
  it('happy: a rejected subscription is requested again and is pending on the new plan', async () => {
    const mine = await productionApp();
    const residence = await subscriptionOf(mine.appId, 'residence');
    await asAdmin('PATCH', `/admin/v1/subscriptions/${residence.id}`, {
      status: 'rejected',
      note: '用途不明',
    });

    const refused = await changePlan(mine.appId, 'residence', 'standard');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('createSubscription');

    const again = await subscribe(mine.appId, 'residence', 'standard');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({
      id: residence.id,
      plan: 'standard',
      status: 'pending',
      decidedAt: null,
      note: '用途不明',
    });
    expect((await queue()).map((s) => s.id)).toContain(residence.id);
  });

  it('happy: a rejected public subscription comes back pending even on a plan without approval', async () => {
    const mine = await productionApp();
    const search = await subscriptionOf(mine.appId, 'search');
    await asAdmin('PATCH', `/admin/v1/subscriptions/${search.id}`, { status: 'rejected' });
    const again = await subscribe(mine.appId, 'search', 'basic');
    expect(again.json()).toMatchObject({ plan: 'basic', status: 'pending' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/search?q=x',
      headers: { 'x-api-key': mine.apiKey },
    });
    expect(res.json().code).toBe('not_subscribed');
  });

  it('error: a suspended subscription stays suspended: no new request, no plan change', async () => {
    const mine = await productionApp();
    const catalog = await subscriptionOf(mine.appId, 'catalog');
    await asAdmin('PATCH', `/admin/v1/subscriptions/${catalog.id}`, { status: 'suspended', note: '滥用' });

    const again = await subscribe(mine.appId, 'catalog', 'basic');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'conflict' });
    expect(again.json().detail).toContain('suspended');
    const change = await changePlan(mine.appId, 'catalog', 'standard');
    expect(change.statusCode).toBe(409);
    expect(change.json().detail).toContain('only a platform admin');
    expect(await subscriptionOf(mine.appId, 'catalog')).toMatchObject({
      status: 'suspended',
      plan: 'basic',
      requestedPlan: null,
    });
  });

  it('happy: suspending a subscription with a requested plan drops the request; the plan asked for cannot be deleted meanwhile', async () => {
    await asAdmin('POST', '/admin/v1/plans', GOLD_PLAN);
    const mine = await productionApp();
    const requested = (await changePlan(mine.appId, 'prices', 'gold')).json();
    expect(requested.requestedPlan).toBe('gold');
    const inUse = await asAdmin('DELETE', '/admin/v1/plans/gold');
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().detail).toContain('ask for');

    const suspended = await asAdmin('PATCH', `/admin/v1/subscriptions/${requested.id}`, {
      status: 'suspended',
    });
    expect(suspended.json()).toMatchObject({ status: 'suspended', plan: 'basic', requestedPlan: null });
    expect((await asAdmin('DELETE', '/admin/v1/plans/gold')).statusCode).toBe(204);
  });
});
