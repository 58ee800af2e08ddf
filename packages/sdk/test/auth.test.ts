import { createHash } from 'node:crypto';
import { listeningPlatform, signInForTest } from '@ixiamen/server/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  createPkcePair,
  createState,
  exchangeCode,
  IXiamen,
  OAuthError,
  parseCallback,
  revokeToken,
  type TokenResponse,
  userTokens,
} from '../src/index.js';

let app: FastifyInstance;
let baseUrl: string;
let credentials: Awaited<ReturnType<typeof listeningPlatform>>['credentials'];
beforeAll(async () => {
  ({ app, baseUrl, credentials } = await listeningPlatform());
});
afterAll(() => app.close());

/** Counts the token requests a client makes, to see caching and renewal. */
function countingFetch() {
  const calls = { token: 0 };
  const impl: typeof fetch = (input, init) => {
    if (String(input).endsWith('/oauth/token')) calls.token++;
    return fetch(input, init);
  };
  return { calls, impl };
}

/** The citizen's browser on the consent screen, approving; returns the callback URL. */
async function approveInBrowser(url: string, cookie: string): Promise<string> {
  const page = await fetch(url, { headers: { cookie } });
  const html = await page.text();
  const field = (name: string) => html.match(new RegExp(`name="${name}" value="([^"]+)"`))![1]!;
  const answer = await fetch(`${baseUrl}/oauth/authorize`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: field('request'), csrf: field('csrf'), decision: 'approve' }),
    redirect: 'manual',
  });
  return answer.headers.get('location')!;
}

describe('SDK authentication', () => {
  it('happy: client credentials are exchanged once and the token reused across calls', async () => {
    const { calls, impl } = countingFetch();
    const client = new IXiamen({
      baseUrl,
      fetch: impl,
      clientCredentials: { clientId: credentials.clientId, clientSecret: credentials.clientSecret! },
    });
    await Promise.all([
      client.catalog.listCategories(),
      client.catalog.listThemes(),
      client.search.search({ q: '社保' }),
    ]);
    await client.catalog.listCategories();
    expect(calls.token).toBe(1);
  });

  it('happy: a token revoked early is renewed once, transparently', async () => {
    const { calls, impl } = countingFetch();
    const oauthClient = { baseUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret! };
    let issued = '';
    const client = new IXiamen({
      baseUrl,
      fetch: (input, init) => {
        const auth = new Headers(init?.headers).get('authorization');
        if (auth) issued = auth.slice('Bearer '.length);
        return impl(input, init);
      },
      clientCredentials: { clientId: oauthClient.clientId, clientSecret: oauthClient.clientSecret },
    });
    await client.catalog.listCategories();
    await revokeToken(oauthClient, issued);
    await expect(client.catalog.listCategories()).resolves.toBeTruthy();
    expect(calls.token).toBe(2);
  });

  it('error: a wrong client secret surfaces as OAuthError invalid_client', async () => {
    const client = new IXiamen({
      baseUrl,
      maxRetries: 0,
      clientCredentials: { clientId: credentials.clientId, clientSecret: 'ixm_secret_wrong' },
    });
    const error = await client.catalog.listCategories().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
  });

  it('happy: PKCE helpers drive the authorization code flow; user tokens refresh and rotate', async () => {
    const pkce = await createPkcePair();
    expect(pkce.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkce.codeChallenge).toBe(createHash('sha256').update(pkce.codeVerifier).digest('base64url'));

    const state = createState();
    const redirectUri = 'http://127.0.0.1:8976/callback';
    const url = authorizeUrl({
      baseUrl,
      clientId: credentials.clientId,
      redirectUri,
      scope: 'profile:read catalog:read',
      state,
      codeChallenge: pkce.codeChallenge,
      purpose: '查询办事进度',
    });
    const citizen = await signInForTest(app, { roles: ['citizen'] });
    const callback = await approveInBrowser(url, citizen.cookie);
    const { code } = parseCallback(callback, { state, issuer: baseUrl });
    const oauthClient = { baseUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret! };
    const tokens = await exchangeCode(oauthClient, { code, redirectUri, codeVerifier: pkce.codeVerifier });
    expect(tokens.scope).toBe('profile:read catalog:read');

    const rotations: TokenResponse[] = [];
    const cache = userTokens(oauthClient, tokens, (next) => {
      rotations.push(next);
    });
    const client = new IXiamen({ baseUrl, tokens: cache });
    await client.catalog.listCategories();
    cache.invalidate(tokens.access_token);
    await client.catalog.listCategories();
    expect(rotations).toHaveLength(1);
    expect(rotations[0]!.refresh_token).not.toBe(tokens.refresh_token);

    expect(() => parseCallback(callback, { state: 'other', issuer: baseUrl })).toThrow(/state/);
    expect(() =>
      parseCallback(`${redirectUri}?error=access_denied&state=${state}&iss=${encodeURIComponent(baseUrl)}`, {
        state,
        issuer: baseUrl,
      }),
    ).toThrow(OAuthError);
    expect(() => parseCallback(`${redirectUri}?code=x&state=${state}`, { state, issuer: baseUrl })).toThrow(
      /issuer/,
    );
  });
});
