import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInForTest } from '../../../src/testing.js';
import { consentTo, freePort, pkcePair } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

// A standard OAuth library nobody here wrote completes every flow over real HTTP.
let t: TestApp;
let issuer: URL;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  const port = await freePort();
  issuer = new URL(`http://127.0.0.1:${port}`);
  t = await testApp({ config: { PUBLIC_BASE_URL: issuer.origin } });
  await t.app.listen({ port, host: '127.0.0.1' });
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }),
  );
});
afterAll(() => t.close());

const callApi = (accessToken: string) =>
  fetch(new URL('/v1/categories', issuer), { headers: { authorization: `Bearer ${accessToken}` } });

describe('interoperability with oauth4webapi', () => {
  it('happy: discovery metadata says PKCE S256 only, code flow only, and where the JWKS is', () => {
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.response_types_supported).toEqual(['code']);
    expect(as.grant_types_supported).not.toContain('password');
    expect(as.grant_types_supported).not.toContain('implicit');
    expect(as.jwks_uri).toBe(`${issuer.origin}/.well-known/jwks.json`);
  });

  it('happy: client credentials, then the API accepts the token and the library validates it against the JWKS', async () => {
    const client: oauth.Client = { client_id: t.credentials.clientId };
    const auth = oauth.ClientSecretBasic(t.credentials.clientSecret!);
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      auth,
      { scope: 'catalog:read' },
      insecure,
    );
    const tokens = await oauth.processClientCredentialsResponse(as, client, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.scope).toBe('catalog:read');
    expect((await callApi(tokens.access_token)).status).toBe(200);

    const request = new Request(new URL('/v1/categories', issuer), {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    const claims = await oauth.validateJwtAccessToken(as, request, issuer.origin, insecure);
    expect(claims).toMatchObject({
      client_id: t.credentials.clientId,
      sub: t.credentials.clientId,
      scope: 'catalog:read',
    });
    expect(claims.jti).toBeTruthy();
  });

  it('happy: authorization code + PKCE with consent, refresh rotation, introspection and revocation', async () => {
    const citizen = await signInForTest(t.app, { name: '刘家豪', roles: ['citizen'] });
    const client: oauth.Client = { client_id: t.credentials.clientId };
    const auth = oauth.ClientSecretBasic(t.credentials.clientSecret!);
    const redirectUri = 'http://127.0.0.1:8976/callback';
    const { verifier, challenge } = pkcePair();
    const state = oauth.generateRandomState();

    const callback = await consentTo(t.app, citizen.cookie, {
      response_type: 'code',
      client_id: t.credentials.clientId,
      redirect_uri: redirectUri,
      scope: 'profile:read residence:read',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const params = oauth.validateAuthResponse(as, client, callback, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      auth,
      params,
      redirectUri,
      verifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.scope).toBe('profile:read residence:read');
    expect(tokens.refresh_token).toBeTruthy();
    const request = new Request(issuer, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const claims = await oauth.validateJwtAccessToken(as, request, issuer.origin, insecure);
    expect(claims.sub).toBe(citizen.accountId);

    const refreshed = await oauth.processRefreshTokenResponse(
      as,
      client,
      await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, insecure),
    );
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

    const active = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, refreshed.access_token, insecure),
    );
    expect(active).toMatchObject({ active: true, sub: citizen.accountId, client_id: t.credentials.clientId });

    await oauth.processRevocationResponse(
      await oauth.revocationRequest(as, client, auth, refreshed.refresh_token!, insecure),
    );
    const after = await oauth.processIntrospectionResponse(
      as,
      client,
      await oauth.introspectionRequest(as, client, auth, refreshed.access_token, insecure),
    );
    expect(after.active).toBe(false);
  });
});
