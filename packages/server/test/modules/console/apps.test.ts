import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInForTest } from '../../../src/testing.js';
import { tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let dev: Awaited<ReturnType<typeof signInForTest>>;
let orgId: string;

const as = (who: typeof dev, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrfToken }) },
    ...(payload ? { payload } : {}),
  });

const newApp = (overrides: object = {}) =>
  as(dev, 'POST', '/console/v1/apps', {
    orgId,
    name: '鹭岛办事通',
    description: '帮助市民查询办事指南',
    environment: 'sandbox',
    redirectUris: ['https://app.example.com/callback', 'http://127.0.0.1:8080/cb'],
    ...overrides,
  });

beforeAll(async () => {
  t = await testApp();
  dev = await signInForTest(t.app, { name: '陈志明', roles: ['citizen', 'developer'] });
  const org = await as(dev, 'POST', '/console/v1/orgs', {
    name: '厦门鹭岛科技有限公司',
    creditCode: '91350200MA2XN5KD32',
  });
  orgId = org.json().id;
});
afterAll(() => t.close());

describe('console: me, organisations, apps', () => {
  it('happy: getMe returns the account, its organisations and a CSRF token', async () => {
    const me = (await as(dev, 'GET', '/console/v1/me')).json();
    expect(me.account.name).toBe('陈志明');
    expect(me.csrfToken).toBe(dev.csrfToken);
    expect(me.orgs.map((o: { id: string }) => o.id)).toContain(orgId);
  });

  it('security: no session → 401 session_required; no or wrong CSRF token or a foreign Origin → 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/console/v1/me' })).json().code).toBe(
      'session_required',
    );
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/console/v1/orgs',
      headers: { cookie: dev.cookie },
      payload: { name: '某公司' },
    });
    expect(noCsrf.json().code).toBe('csrf_failed');
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/console/v1/orgs',
      headers: { cookie: dev.cookie, 'x-csrf-token': dev.csrfToken, origin: 'https://evil.example' },
      payload: { name: '某公司' },
    });
    expect(foreign.json().code).toBe('csrf_failed');
  });

  it('error: a credit code that fails GB 32100 is a 400 naming the field', async () => {
    const res = await as(dev, 'POST', '/console/v1/orgs', {
      name: '某公司',
      creditCode: '91350200MA2XN5KD3A',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].location).toBe('body/creditCode');
  });

  it('happy: a sandbox app is active at once; its secret is shown once and only a hint is listed', async () => {
    const res = await newApp();
    expect(res.statusCode).toBe(201);
    const { app, clientSecret } = res.json();
    expect(app).toMatchObject({ status: 'active', environment: 'sandbox', clientType: 'confidential' });
    expect(clientSecret).toMatch(/^ixm_secret_/);
    const creds = (await as(dev, 'GET', `/console/v1/apps/${app.id}/credentials`)).json();
    expect(creds.clientSecrets).toHaveLength(1);
    expect(creds.clientSecrets[0].hint).toBe(`…${clientSecret.slice(-4)}`);
    expect(JSON.stringify(creds)).not.toContain(clientSecret);
    expect((await as(dev, 'GET', `/console/v1/apps/${app.id}`)).json()).not.toHaveProperty('clientSecret');
  });

  it('happy: a production app waits for approval; a public app has no secret', async () => {
    const prod = (await newApp({ environment: 'production' })).json();
    expect(prod.app.status).toBe('pending_approval');
    const pub = (await newApp({ clientType: 'public' })).json();
    expect(pub.clientSecret).toBeNull();
  });

  it('error: redirect URIs must be https (http only on loopback), without fragment or wildcard', async () => {
    for (const uri of [
      'http://app.example.com/cb',
      'https://app.example.com/cb#x',
      'https://*.example.com/cb',
      'not a url',
    ]) {
      const res = await newApp({ redirectUris: [uri] });
      expect(res.statusCode, uri).toBe(400);
      expect(res.json().errors[0].location).toBe('body/redirectUris/0');
    }
  });

  it('security: another account cannot see, edit or delete the app (404, no existence leak)', async () => {
    const { app } = (await newApp()).json();
    const stranger = await signInForTest(t.app);
    expect((await as(stranger, 'GET', `/console/v1/apps/${app.id}`)).statusCode).toBe(404);
    expect((await as(stranger, 'PATCH', `/console/v1/apps/${app.id}`, { name: '改名' })).statusCode).toBe(
      404,
    );
    expect((await as(stranger, 'DELETE', `/console/v1/apps/${app.id}`)).statusCode).toBe(404);
    expect((await as(stranger, 'GET', '/console/v1/apps')).json().data).toEqual([]);
    const intoOrg = await as(stranger, 'POST', '/console/v1/apps', {
      orgId,
      name: '冒名应用',
      description: '不该成功',
      environment: 'sandbox',
    });
    expect(intoOrg.json().code).toBe('forbidden');
  });

  it("happy: edit, then delete stops the app's token at once", async () => {
    const { app, clientSecret } = (await newApp()).json();
    const edited = await as(dev, 'PATCH', `/console/v1/apps/${app.id}`, { name: '鹭岛办事通 Pro' });
    expect(edited.json().name).toBe('鹭岛办事通 Pro');
    const token = (
      await tokenRequest(
        t.app,
        { clientId: app.clientId, clientSecret },
        { grant_type: 'client_credentials' },
      )
    ).json().access_token;
    expect((await as(dev, 'DELETE', `/console/v1/apps/${app.id}`)).statusCode).toBe(204);
    const res = await t.app.inject({
      method: 'GET',
      url: '/v1/categories',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
  });
});
