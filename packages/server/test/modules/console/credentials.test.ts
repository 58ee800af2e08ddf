import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { signInForTest } from '../../../src/testing.js';
import { tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let dev: Awaited<ReturnType<typeof signInForTest>>;
let app: { id: string; clientId: string };
let firstSecret: string;

const as = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url: `/console/v1/apps/${app.id}${url}`,
    headers: { cookie: dev.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': dev.csrfToken }) },
    ...(payload ? { payload } : {}),
  });
const withKey = (key: string) =>
  t.app.inject({ method: 'GET', url: '/v1/categories', headers: { 'x-api-key': key } });
const tokenWith = (secret: string) =>
  tokenRequest(t.app, { clientId: app.clientId, clientSecret: secret }, { grant_type: 'client_credentials' });
const later = (seconds: number) => vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + seconds * 1000 });

beforeAll(async () => {
  t = await testApp();
  dev = await signInForTest(t.app);
  const org = await t.app.inject({
    method: 'POST',
    url: '/console/v1/orgs',
    headers: { cookie: dev.cookie, 'x-csrf-token': dev.csrfToken },
    payload: { name: '厦门海沧港湾物流有限公司' },
  });
  const created = await t.app.inject({
    method: 'POST',
    url: '/console/v1/apps',
    headers: { cookie: dev.cookie, 'x-csrf-token': dev.csrfToken },
    payload: { orgId: org.json().id, name: '港湾查询', description: '查询办事指南', environment: 'sandbox' },
  });
  app = created.json().app;
  firstSecret = created.json().clientSecret;
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

describe('console: API keys', () => {
  it('happy: a key is shown once with its ixm_test_ prefix and works; the list shows only the prefix', async () => {
    const res = await as('POST', '/api-keys', { name: 'backend' });
    expect(res.statusCode).toBe(201);
    const { apiKey, key } = res.json();
    expect(key).toMatch(/^ixm_test_[A-Za-z0-9_-]{32}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 13));
    expect((await withKey(key)).statusCode).toBe(200);
    const listed = JSON.stringify((await as('GET', '/credentials')).json());
    expect(listed).toContain(apiKey.prefix);
    expect(listed).not.toContain(key);
  });

  it('happy: the list shows when a key was last used', async () => {
    const { apiKey, key } = (await as('POST', '/api-keys', { name: 'used' })).json();
    const lastUsed = async () =>
      (await as('GET', '/credentials')).json().apiKeys.find((k: { id: string }) => k.id === apiKey.id)
        .lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await withKey(key);
    await t.app.auth.cache.flushLastUsed();
    expect(await lastUsed()).not.toBeNull();
  });

  it('security: a revoked key stops at once; revoking twice is a conflict', async () => {
    const { apiKey, key } = (await as('POST', '/api-keys', { name: 'to revoke' })).json();
    expect((await withKey(key)).statusCode).toBe(200);
    expect((await as('DELETE', `/api-keys/${apiKey.id}`)).statusCode).toBe(204);
    expect((await withKey(key)).statusCode).toBe(401);
    expect((await as('DELETE', `/api-keys/${apiKey.id}`)).json().code).toBe('conflict');
  });

  it('security: a rotated key works inside its overlap window and not after it', async () => {
    const { apiKey, key: oldKey } = (await as('POST', '/api-keys', { name: 'rotating' })).json();
    expect((await withKey(oldKey)).statusCode).toBe(200);
    const rotated = await as('POST', `/api-keys/${apiKey.id}/rotate`, { overlapSeconds: 3600 });
    expect(rotated.statusCode).toBe(201);
    const newKey = rotated.json().key;
    expect((await withKey(oldKey)).statusCode).toBe(200);
    expect((await withKey(newKey)).statusCode).toBe(200);
    later(3601);
    expect((await withKey(oldKey)).statusCode).toBe(401);
    expect((await withKey(newKey)).statusCode).toBe(200);
  });

  it('security: rotation with no overlap stops the old key at once', async () => {
    const { apiKey, key: oldKey } = (await as('POST', '/api-keys', { name: 'no overlap' })).json();
    await as('POST', `/api-keys/${apiKey.id}/rotate`, { overlapSeconds: 0 });
    expect((await withKey(oldKey)).statusCode).toBe(401);
  });

  it('security: a key past its expiry is refused; an expiry in the past is a 400', async () => {
    const expiresAt = new Date(Date.now() + 60_000).toISOString();
    const { key } = (await as('POST', '/api-keys', { name: 'short', expiresAt })).json();
    expect((await withKey(key)).statusCode).toBe(200);
    later(61);
    expect((await withKey(key)).statusCode).toBe(401);
    vi.useRealTimers();
    const past = await as('POST', '/api-keys', { name: 'past', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.statusCode).toBe(400);
  });

  it('error: overlap over 30 days is a 400', async () => {
    const { apiKey } = (await as('POST', '/api-keys', { name: 'x' })).json();
    expect(
      (await as('POST', `/api-keys/${apiKey.id}/rotate`, { overlapSeconds: 2_592_001 })).statusCode,
    ).toBe(400);
  });
});

describe('console: client secrets', () => {
  it('happy: rotating with overlap keeps the old secret working inside the window only', async () => {
    expect((await tokenWith(firstSecret)).statusCode).toBe(200);
    const res = await as('POST', '/client-secrets', { overlapSeconds: 86_400 });
    expect(res.statusCode).toBe(201);
    const second = res.json().secret;
    expect((await tokenWith(firstSecret)).statusCode).toBe(200);
    expect((await tokenWith(second)).statusCode).toBe(200);
    later(86_401);
    expect((await tokenWith(firstSecret)).json().error).toBe('invalid_client');
    expect((await tokenWith(second)).statusCode).toBe(200);
  });

  it('security: a revoked secret stops at once', async () => {
    const { clientSecret, secret } = (await as('POST', '/client-secrets', { overlapSeconds: 3600 })).json();
    expect((await tokenWith(secret)).statusCode).toBe(200);
    expect((await as('DELETE', `/client-secrets/${clientSecret.id}`)).statusCode).toBe(204);
    expect((await tokenWith(secret)).json().error).toBe('invalid_client');
  });
});
