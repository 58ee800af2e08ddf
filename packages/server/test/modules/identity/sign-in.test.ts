import { DEV_PLATFORM_CLIENT, startIdentityProvider } from '@ixiamen/identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../../../../identity/test/helpers/cookie-jar.js';
import { freePort } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

// The whole sign-in over real HTTP: the platform (client, via @fastify/oauth2) and the
// development identity provider (oidc-provider), with a cookie-keeping user agent between them.
let t: TestApp;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let api: string;

beforeAll(async () => {
  const port = await freePort();
  api = `http://127.0.0.1:${port}`;
  idp = await startIdentityProvider({
    port: 0,
    clients: [{ ...DEV_PLATFORM_CLIENT, redirectUris: [`${api}/auth/callback`] }],
  });
  t = await testApp({
    config: { PUBLIC_BASE_URL: api, IDENTITY_ISSUER: idp.url, PORTAL_ORIGIN: 'http://127.0.0.1:3999' },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

/** Follows redirects across both servers like a browser, keeping cookies; stops at `stopAt`. */
async function walk(jar: CookieJar, start: string, stopAt: string, form?: Record<string, string>) {
  let url = new URL(start);
  let init: RequestInit = form ? { method: 'POST', body: new URLSearchParams(form) } : {};
  for (let hops = 0; hops < 15; hops++) {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { res, url };
    url = new URL(location, url);
    init = {};
    if (url.toString().startsWith(stopAt)) return { res, url };
  }
  throw new Error('too many redirects');
}

async function signIn(sub: string, returnTo: string) {
  const jar = new CookieJar();
  const picker = await walk(jar, `${api}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, 'never');
  expect(picker.url.origin).toBe(idp.url);
  const html = await picker.res.text();
  expect(html).toContain(`data-sub="${sub}"`);
  const action = html.match(/action="([^"]+)"/)![1]!;
  const back = await walk(jar, new URL(action, picker.url).toString(), 'http://127.0.0.1:3999', { sub });
  return { jar, back };
}

describe('sign-in through the city identity service', () => {
  it('happy: a company representative signs in and lands on the portal with a session', async () => {
    const { jar, back } = await signIn('company-1', 'http://127.0.0.1:3999/console');
    expect(back.url.toString()).toBe('http://127.0.0.1:3999/console');
    const setCookie = back.res.headers.getSetCookie().find((c) => c.startsWith('ixm_session='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/Secure/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await fetch(`${api}/console/v1/me`, {
      headers: { cookie: jar.header(new URL(`${api}/console`)) },
    });
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.account.roles).toContain('developer');
    expect(body.account.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
  });

  it('happy: an authorization request interrupted by sign-in resumes at the consent screen', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: t.credentials.clientId,
      redirect_uri: 'http://127.0.0.1:8976/callback',
      scope: 'profile:read',
      state: 'x',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const jar = new CookieJar();
    const picker = await walk(jar, `${api}/oauth/authorize?${query}`, 'never');
    const action = (await picker.res.text()).match(/action="([^"]+)"/)![1]!;
    const consent = await walk(jar, new URL(action, picker.url).toString(), 'never', { sub: 'citizen-1' });
    expect(consent.url.pathname).toBe('/oauth/authorize');
    expect(await consent.res.text()).toContain('data-decision="approve"');
  });

  it('security: returnTo outside this server and the portal is refused (no open redirect)', async () => {
    for (const target of ['https://evil.example/', '//evil.example/x', 'javascript:alert(1)']) {
      const res = await fetch(`${api}/auth/login?returnTo=${encodeURIComponent(target)}`, {
        redirect: 'manual',
      });
      expect(res.status, target).toBe(400);
    }
  });

  it('security: a callback without the state cookie, or with a forged state, starts no session', async () => {
    const res = await fetch(`${api}/auth/callback?code=abc&state=forged`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('ixm_session='))).toBe(false);
  });
});
