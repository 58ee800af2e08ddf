import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provisionApp, signInForTest } from '../../../src/testing.js';
import { consentTo, pkcePair, tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let citizen: Awaited<ReturnType<typeof signInForTest>>;
const REDIRECT = 'http://127.0.0.1:8976/callback';

beforeAll(async () => {
  t = await testApp();
  citizen = await signInForTest(t.app, { name: '蔡婉清', roles: ['citizen'] });
});
afterAll(() => t.close());

const client = () => ({ clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret });

function authorizeQuery(challenge: string, overrides: Record<string, string> = {}) {
  return {
    response_type: 'code',
    client_id: t.credentials.clientId,
    redirect_uri: REDIRECT,
    scope: 'profile:read residence:read',
    state: 'st-1',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
}

async function codeFor(overrides: Record<string, string> = {}) {
  const pkce = pkcePair();
  const callback = await consentTo(t.app, citizen.cookie, authorizeQuery(pkce.challenge, overrides));
  return { code: callback.searchParams.get('code')!, ...pkce, callback };
}

const exchange = (code: string, verifier: string | undefined, redirectUri = REDIRECT, who = client()) =>
  tokenRequest(t.app, who, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    ...(verifier ? { code_verifier: verifier } : {}),
  });

const callWith = (accessToken: string) =>
  t.app.inject({ method: 'GET', url: '/v1/categories', headers: { authorization: `Bearer ${accessToken}` } });

describe('authorization code + PKCE', () => {
  it('happy: the consent screen names the app, publisher, scopes in Chinese, purpose and duration', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: `/oauth/authorize?${new URLSearchParams(authorizeQuery(pkcePair().challenge, { purpose: '办理积分入学' }))}`,
      headers: { cookie: citizen.cookie },
    });
    expect(page.statusCode).toBe(200);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('鹭岛办事通');
    expect(page.body).toContain('厦门鹭岛科技有限公司');
    expect(page.body).toContain('读取你在公安部门的居住证记录');
    expect(page.body).toContain('办理积分入学');
    expect(page.body).toContain('data-valid-days>90');
  });

  it('happy: the callback carries code, state and iss; the code gives tokens once', async () => {
    const { code, verifier, callback } = await codeFor();
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get('state')).toBe('st-1');
    expect(callback.searchParams.get('iss')).toBe('http://127.0.0.1:3000');
    const res = await exchange(code, verifier);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ token_type: 'Bearer', scope: 'profile:read residence:read' });
  });

  it('happy: a signed-out citizen is sent to sign in first and comes back to the same request', async () => {
    const query = new URLSearchParams(authorizeQuery(pkcePair().challenge));
    const res = await t.app.inject({ method: 'GET', url: `/oauth/authorize?${query}` });
    expect(res.statusCode).toBe(302);
    const location = new URL(String(res.headers.location), 'http://x');
    expect(location.pathname).toBe('/auth/login');
    expect(location.searchParams.get('returnTo')).toBe(`/oauth/authorize?${query}`);
  });

  it('error: denying redirects with access_denied and no code', async () => {
    const callback = await consentTo(t.app, citizen.cookie, authorizeQuery(pkcePair().challenge), 'deny');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('code')).toBeNull();
  });

  it('security: a wrong or absent PKCE verifier is refused', async () => {
    const wrong = await codeFor();
    const res = await exchange(wrong.code, pkcePair().verifier);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('invalid_grant');
    const absent = await codeFor();
    expect((await exchange(absent.code, undefined)).json().error).toBe('invalid_grant');
  });

  it('security: the plain method and a missing challenge are refused at the authorization endpoint', async () => {
    const variants: Record<string, string>[] = [
      { code_challenge_method: 'plain' },
      { code_challenge: '' },
      { code_challenge_method: '' },
    ];
    for (const overrides of variants) {
      const query = new URLSearchParams(
        authorizeQuery('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', overrides),
      );
      const res = await t.app.inject({
        method: 'GET',
        url: `/oauth/authorize?${query}`,
        headers: { cookie: citizen.cookie },
      });
      expect(res.statusCode).toBe(302);
      const location = new URL(String(res.headers.location));
      expect(location.searchParams.get('error')).toBe('invalid_request');
      expect(location.searchParams.get('state')).toBe('st-1');
    }
  });

  it('security: a reused code is refused and revokes the tokens it issued', async () => {
    const { code, verifier } = await codeFor({ scope: 'profile:read catalog:read' });
    const first = (await exchange(code, verifier)).json();
    expect((await callWith(first.access_token)).statusCode).toBe(200);
    const again = await exchange(code, verifier);
    expect(again.json().error).toBe('invalid_grant');
    expect((await callWith(first.access_token)).statusCode).toBe(401);
    const refresh = await tokenRequest(t.app, client(), {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
    });
    expect(refresh.json().error).toBe('invalid_grant');
  });

  it('security: a code issued to one client is useless to another', async () => {
    const other = await provisionApp(t.app, { redirectUris: [REDIRECT] });
    const { code, verifier } = await codeFor();
    const res = await exchange(code, verifier, REDIRECT, {
      clientId: other.clientId,
      clientSecret: other.clientSecret,
    });
    expect(res.json().error).toBe('invalid_grant');
  });

  it('security: redirect URIs match exactly; variants get an error page, never a redirect', async () => {
    for (const variant of [
      `${REDIRECT}/`,
      REDIRECT.toUpperCase(),
      'http://127.0.0.1:8976/Callback',
      `${REDIRECT}?extra=1`,
      'http://127.0.0.1:8977/callback',
      'https://evil.example/callback',
    ]) {
      const query = new URLSearchParams(authorizeQuery(pkcePair().challenge, { redirect_uri: variant }));
      const res = await t.app.inject({
        method: 'GET',
        url: `/oauth/authorize?${query}`,
        headers: { cookie: citizen.cookie },
      });
      expect(res.statusCode, variant).toBe(400);
      expect(res.headers.location, variant).toBeUndefined();
      expect(res.headers['content-type']).toContain('text/html');
    }
  });

  it('security: the token request must repeat the exact redirect URI', async () => {
    const { code, verifier } = await codeFor();
    expect((await exchange(code, verifier, `${REDIRECT}/`)).json().error).toBe('invalid_grant');
  });

  it('error: unknown scopes, and scopes of products the app did not ask for, are refused', async () => {
    for (const scope of ['residence:write', 'social-insurance:read']) {
      const query = new URLSearchParams(authorizeQuery(pkcePair().challenge, { scope }));
      const res = await t.app.inject({
        method: 'GET',
        url: `/oauth/authorize?${query}`,
        headers: { cookie: citizen.cookie },
      });
      expect(new URL(String(res.headers.location)).searchParams.get('error'), scope).toBe('invalid_scope');
    }
  });

  it('security: a consent decision needs the session and its CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/oauth/authorize',
      headers: { cookie: citizen.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'request=x&csrf=forged-token-value&decision=approve',
    });
    expect(res.statusCode).toBe(403);
  });
});
