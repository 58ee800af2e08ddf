import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInForTest } from '../../../src/testing.js';
import { consentTo, pkcePair, tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
let citizen: Awaited<ReturnType<typeof signInForTest>>;

beforeAll(async () => {
  t = await testApp({ config: { CREDENTIAL_POLL_MS: 200 } });
  citizen = await signInForTest(t.app, { roles: ['citizen'] });
});
afterAll(() => t.close());

const client = () => ({ clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret });
const callWith = (accessToken: string) =>
  t.app.inject({ method: 'GET', url: '/v1/categories', headers: { authorization: `Bearer ${accessToken}` } });
const refresh = (token: string) =>
  tokenRequest(t.app, client(), { grant_type: 'refresh_token', refresh_token: token });

async function userTokens(scope = 'profile:read catalog:read') {
  const { verifier, challenge } = pkcePair();
  const callback = await consentTo(t.app, citizen.cookie, {
    response_type: 'code',
    client_id: t.credentials.clientId,
    redirect_uri: 'http://127.0.0.1:8976/callback',
    scope,
    state: 's',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const res = await tokenRequest(t.app, client(), {
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code')!,
    redirect_uri: 'http://127.0.0.1:8976/callback',
    code_verifier: verifier,
  });
  return res.json() as { access_token: string; refresh_token: string };
}

describe('refresh tokens and consent', () => {
  it('happy: a refresh token rotates; the new one works, the access token it gives works', async () => {
    const first = await userTokens();
    const second = (await refresh(first.refresh_token)).json();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect((await callWith(second.access_token)).statusCode).toBe(200);
    expect((await refresh(second.refresh_token)).statusCode).toBe(200);
  });

  it('security: reusing a rotated refresh token revokes the whole family', async () => {
    const first = await userTokens();
    const second = (await refresh(first.refresh_token)).json();
    const replay = await refresh(first.refresh_token);
    expect(replay.json().error).toBe('invalid_grant');
    expect((await refresh(second.refresh_token)).json().error).toBe('invalid_grant');
    expect((await callWith(second.access_token)).statusCode).toBe(401);
  });

  it('security: a refresh cannot widen the scopes', async () => {
    const first = await userTokens('profile:read catalog:read');
    const res = await tokenRequest(t.app, client(), {
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: 'profile:read residence:read',
    });
    expect(res.json().error).toBe('invalid_scope');
    // The refused request did not spend the token.
    expect((await refresh(first.refresh_token)).statusCode).toBe(200);
  });

  it("security: a token without the operation's scope gets 403 insufficient_scope", async () => {
    const tokens = await userTokens('profile:read');
    const res = await callWith(tokens.access_token);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('insufficient_scope');
    expect(res.headers['www-authenticate']).toContain('error="insufficient_scope"');
    expect(res.headers['www-authenticate']).toContain('scope="catalog:read"');
  });

  it('happy: the citizen lists the consent, withdraws it; refresh stops and access stops', async () => {
    const tokens = await userTokens();
    const list = await t.app.inject({
      method: 'GET',
      url: '/console/v1/consents',
      headers: { cookie: citizen.cookie },
    });
    const consent = list.json().data[0];
    expect(consent).toMatchObject({ app: { name: '鹭岛办事通' }, withdrawnAt: null });
    const withdraw = await t.app.inject({
      method: 'DELETE',
      url: `/console/v1/consents/${consent.id}`,
      headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
    });
    expect(withdraw.statusCode).toBe(204);
    expect((await callWith(tokens.access_token)).statusCode).toBe(401);
    expect((await refresh(tokens.refresh_token)).json().error).toBe('invalid_grant');
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/console/v1/consents/${consent.id}`,
      headers: { cookie: citizen.cookie, 'x-csrf-token': citizen.csrfToken },
    });
    expect(again.json().code).toBe('conflict');
  });

  it("security: another citizen cannot withdraw someone else's consent", async () => {
    await userTokens();
    const list = await t.app.inject({
      method: 'GET',
      url: '/console/v1/consents',
      headers: { cookie: citizen.cookie },
    });
    const stranger = await signInForTest(t.app, { roles: ['citizen'] });
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/console/v1/consents/${list.json().data[0].id}`,
      headers: { cookie: stranger.cookie, 'x-csrf-token': stranger.csrfToken },
    });
    expect(res.statusCode).toBe(404);
  });
});
