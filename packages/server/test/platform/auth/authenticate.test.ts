import { apps } from '@ixiamen/db';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { KeyRing } from '../../../src/platform/auth/signing-keys.js';
import { tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const get = (headers: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: '/v1/categories', headers });
const bearer = (token: string) => get({ authorization: `Bearer ${token}` });

async function clientToken() {
  const res = await tokenRequest(
    t.app,
    { clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret },
    { grant_type: 'client_credentials' },
  );
  return res.json().access_token as string;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('authenticate hook', () => {
  it('security: no credentials → 401 invalid_token with a Bearer challenge', async () => {
    const res = await get({});
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('invalid_token');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer realm="ixiamen", error="invalid_token"/);
  });

  it('happy: a client-credentials token and an API key both pass', async () => {
    expect((await bearer(await clientToken())).statusCode).toBe(200);
    expect((await get({ 'x-api-key': t.credentials.apiKey })).statusCode).toBe(200);
  });

  it('security: an expired token is refused', async () => {
    const token = await clientToken();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 11 * 60 * 1000 });
    const res = await bearer(token);
    vi.useRealTimers();
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('The access token has expired.');
  });

  it('security: alg none, a tampered payload and a garbage token are refused', async () => {
    const token = await clientToken();
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const none = `${b64({ alg: 'none', typ: 'at+jwt' })}.${payload}.`;
    const widened = `${header}.${b64({ ...claims, scope: 'residence:read catalog:read' })}.${signature}`;
    for (const forged of [none, widened, 'not-a-jwt', `${header}.${payload}`]) {
      expect((await bearer(forged)).statusCode, forged.slice(0, 30)).toBe(401);
    }
  });

  it('security: a token signed by our key but for another audience or issuer is refused', async () => {
    const db = t.app.database.db;
    for (const [issuer, audience] of [
      [t.app.auth.issuer, 'https://api.elsewhere.example'],
      ['https://evil.example', t.app.auth.audience],
    ] as const) {
      const ring = new KeyRing(db, issuer, audience);
      await ring.load();
      const token = await ring.sign(
        {
          sub: t.credentials.clientId,
          client_id: t.credentials.clientId,
          app_id: t.credentials.appId,
          scope: 'catalog:read',
        },
        600,
      );
      expect((await bearer(token)).statusCode).toBe(401);
    }
  });

  it('security: an unknown API key, and a Basic header, are refused', async () => {
    expect((await get({ 'x-api-key': 'ixm_test_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(401);
    expect((await get({ authorization: 'Basic dXNlcjpwYXNz' })).statusCode).toBe(401);
  });

  it('security: a suspended app is refused with its token and its key, though both were in use', async () => {
    const token = await clientToken();
    // Warm: each credential now keeps the app's state it was admitted with.
    for (const res of [await bearer(token), await get({ 'x-api-key': t.credentials.apiKey })])
      expect(res.statusCode).toBe(200);
    await t.app.database.db.update(apps).set({ status: 'suspended' }).where(eq(apps.id, t.credentials.appId));
    await t.app.auth.revoke([{ kind: 'app', subject: t.credentials.appId, until: null }]);
    for (const res of [await bearer(token), await get({ 'x-api-key': t.credentials.apiKey })]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().detail).toBe('The app is suspended.');
    }
    const denied = await tokenRequest(
      t.app,
      { clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret },
      { grant_type: 'client_credentials' },
    );
    expect(denied.json().error).toBe('unauthorized_client');
    await t.app.database.db.update(apps).set({ status: 'active' }).where(eq(apps.id, t.credentials.appId));
    await t.app.auth.revoke([{ kind: 'app', subject: t.credentials.appId, until: null }]);
  });

  it('happy: an access token revoked through RFC 7009 stops at once', async () => {
    const token = await clientToken();
    const res = await tokenRequest(
      t.app,
      { clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret },
      { token },
      '/oauth/revoke',
    );
    expect(res.statusCode).toBe(200);
    expect((await bearer(token)).statusCode).toBe(401);
  });
});
