import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionApp } from '../../../src/testing.js';
import { tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const own = () => ({ clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret });

describe('POST /oauth/token (client credentials)', () => {
  it('happy: Basic or body authentication, public scopes by default, no refresh token', async () => {
    const basic = await tokenRequest(t.app, own(), { grant_type: 'client_credentials' });
    expect(basic.statusCode).toBe(200);
    expect(basic.json()).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'catalog:read' });
    expect(basic.json().refresh_token).toBeUndefined();
    const [header] = basic.json().access_token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({
      alg: 'ES256',
      typ: 'at+jwt',
    });

    const body = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: t.credentials.clientId,
        client_secret: t.credentials.clientSecret!,
      }).toString(),
    });
    expect(body.statusCode).toBe(200);
  });

  it('error: a wrong secret, an unknown client and no authentication are invalid_client (401)', async () => {
    for (const who of [
      { clientId: t.credentials.clientId, clientSecret: 'ixm_secret_wrong' },
      { clientId: 'ixm_app_nobody', clientSecret: 'x' },
    ]) {
      const res = await tokenRequest(t.app, who, { grant_type: 'client_credentials' });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('invalid_client');
      expect(res.headers['www-authenticate']).toBe('Basic realm="ixiamen"');
    }
    const none = await tokenRequest(
      t.app,
      { clientId: t.credentials.clientId },
      { grant_type: 'client_credentials' },
    );
    expect(none.json().error).toBe('invalid_client');
  });

  it('error: citizen scopes, unknown grants, password and implicit are refused', async () => {
    const scoped = await tokenRequest(t.app, own(), {
      grant_type: 'client_credentials',
      scope: 'residence:read',
    });
    expect(scoped.json().error).toBe('invalid_scope');
    for (const grant of ['password', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code']) {
      const res = await tokenRequest(t.app, own(), { grant_type: grant, username: 'a', password: 'b' });
      expect(res.json().error, grant).toBe('unsupported_grant_type');
    }
    expect((await tokenRequest(t.app, own(), {})).json().error).toBe('invalid_request');
  });

  it('error: a JSON body is refused; token endpoints take form parameters only', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: t.credentials.clientId },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_request');
  });

  it('security: public clients cannot introspect', async () => {
    const pub = await provisionApp(t.app, { clientType: 'public' });
    const res = await tokenRequest(t.app, { clientId: pub.clientId }, { token: 'x' }, '/oauth/introspect');
    expect(res.json().error).toBe('invalid_client');
  });

  it('error: a public client cannot use client credentials', async () => {
    const pub = await provisionApp(t.app, { clientType: 'public' });
    const res = await tokenRequest(t.app, { clientId: pub.clientId }, { grant_type: 'client_credentials' });
    expect(res.json().error).toBe('unauthorized_client');
  });

  it('error: an app awaiting approval gets no token', async () => {
    const pending = await provisionApp(t.app, { environment: 'production', status: 'pending_approval' });
    const res = await tokenRequest(
      t.app,
      { clientId: pending.clientId, clientSecret: pending.clientSecret },
      { grant_type: 'client_credentials' },
    );
    expect(res.json().error).toBe('unauthorized_client');
  });

  it('happy: metadata and JWKS are published; the JWKS holds public keys only', async () => {
    const meta = (
      await t.app.inject({ method: 'GET', url: '/.well-known/oauth-authorization-server' })
    ).json();
    expect(meta.issuer).toBe('http://127.0.0.1:3000');
    const jwks = (await t.app.inject({ method: 'GET', url: '/.well-known/jwks.json' })).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kty: 'EC', alg: 'ES256', use: 'sig' });
      expect(key.d).toBeUndefined();
    }
  });
});
