import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionApp, signInForTest } from '../../../src/testing.js';
import { type SignedIn, sessionCall } from '../../helpers/session-call.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let owner: SignedIn;
let asOwner: ReturnType<typeof sessionCall>;

beforeAll(async () => {
  t = await testApp();
  owner = await signInForTest(t.app, { subject: 'company-1', roles: ['developer'] });
  asOwner = sessionCall(t.app, owner);
});
afterAll(() => t.close());

describe('console: products and subscriptions', () => {
  it('happy: lists the products with their plans', async () => {
    const res = await asOwner('GET', '/console/v1/products');
    expect(res.statusCode).toBe(200);
    const { products, plans } = res.json();
    expect(products.find((p: { code: string }) => p.code === 'search')).toMatchObject({
      name: '搜索',
      sensitivity: 'public',
      operations: ['search'],
    });
    expect(plans.map((p: { code: string }) => p.code)).toEqual(['sandbox', 'basic', 'standard', 'premium']);
  });

  it('happy: a new app is subscribed to public products at once, personal ones wait', async () => {
    const mine = await provisionApp(t.app, {
      accountId: owner.accountId,
      products: ['catalog', 'residence'],
    });
    const subs = (await asOwner('GET', `/console/v1/apps/${mine.appId}/subscriptions`)).json().data;
    const byProduct = Object.fromEntries(
      subs.map((s: { product: string; status: string }) => [s.product, s.status]),
    );
    expect(byProduct).toEqual({
      catalog: 'active',
      search: 'active',
      prices: 'active',
      residence: 'pending',
    });
    expect(subs[0].limits).toEqual({ ratePerSecond: 50, ratePerMinute: 1000, monthlyQuota: 100000 });
  });

  it('happy: subscribing to a personal product waits for approval; a public one on a free plan is active', async () => {
    const mine = await provisionApp(t.app, { accountId: owner.accountId, products: ['catalog'] });
    const personal = await asOwner('POST', `/console/v1/apps/${mine.appId}/subscriptions`, {
      product: 'social-insurance',
      plan: 'sandbox',
    });
    expect(personal.statusCode).toBe(201);
    expect(personal.json()).toMatchObject({
      product: 'social-insurance',
      status: 'pending',
      decidedAt: null,
    });
    const app = (await asOwner('GET', `/console/v1/apps/${mine.appId}`)).json();
    expect(app.products).toContain('social-insurance');
  });

  it('error: a second subscription to a product conflicts; unknown products and foreign plans are refused', async () => {
    const mine = await provisionApp(t.app, { accountId: owner.accountId });
    const again = await asOwner('POST', `/console/v1/apps/${mine.appId}/subscriptions`, {
      product: 'catalog',
      plan: 'sandbox',
    });
    expect(again.statusCode).toBe(409);
    const unknown = await asOwner('POST', `/console/v1/apps/${mine.appId}/subscriptions`, {
      product: 'weather',
      plan: 'sandbox',
    });
    expect(unknown.json()).toMatchObject({ code: 'validation_failed' });
    const production = await asOwner('POST', `/console/v1/apps/${mine.appId}/subscriptions`, {
      product: 'social-insurance',
      plan: 'premium',
    });
    expect(production.json().detail).toContain('production plan');
  });

  it('security: another account sees 404 for an app not its own, and changes need the CSRF token', async () => {
    const mine = await provisionApp(t.app, { accountId: owner.accountId });
    const stranger = sessionCall(t.app, await signInForTest(t.app));
    expect((await stranger('GET', `/console/v1/apps/${mine.appId}/subscriptions`)).statusCode).toBe(404);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: `/console/v1/apps/${mine.appId}/subscriptions`,
      headers: { cookie: owner.cookie },
      payload: { product: 'social-insurance', plan: 'sandbox' },
    });
    expect(noCsrf.json().code).toBe('csrf_failed');
  });
});
