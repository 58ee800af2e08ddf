import * as oauth from 'oauth4webapi';
import { afterEach, describe, expect, it } from 'vitest';
import { findTestIdentity } from '../src/index.js';
import { Browser } from './helpers/browser.js';
import { authorizationUrl, startWithTestClient, TEST_CLIENT } from './helpers/relying-party.js';
import { verifyJws } from './helpers/verify-jws.js';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('authorization code flow with PKCE', () => {
  it('happy: a company representative signs in and the platform gets their claims in the ID token', async () => {
    const { idp, as, client, insecure } = await startWithTestClient();
    close = idp.close;
    const browser = new Browser(idp.url);
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const nonce = oauth.generateRandomNonce();

    const start = await browser.get(
      authorizationUrl(as, {
        state,
        nonce,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    );
    const interaction = await browser.follow(start);
    if (!('page' in interaction)) throw new Error(`expected the login page, left to ${interaction.leftTo}`);
    const page = interaction.page;
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('i厦门 统一身份认证（开发环境）');
    expect(html).toContain('data-sub="citizen-1"');
    const company = findTestIdentity('company-1')!;
    expect(html).toContain(company.orgName);
    // ID numbers are shown masked only.
    expect(html).toContain(`${company.idNumber.slice(0, 6)}********${company.idNumber.slice(-4)}`);
    expect(html).not.toContain(company.idNumber);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(action).toMatch(/^\/interaction\/[\w-]+\/login$/);

    // Login, then the consent prompt is granted without a page.
    const end = await browser.follow(await browser.postForm(action!, { sub: 'company-1' }));
    if (!('leftTo' in end)) throw new Error(`expected a redirect to the client, got ${end.page.status}`);
    expect(`${end.leftTo.origin}${end.leftTo.pathname}`).toBe(TEST_CLIENT.redirectUris[0]);
    expect(end.leftTo.searchParams.get('code')).toBeTruthy();
    expect(end.leftTo.searchParams.get('state')).toBe(state);

    const callback = oauth.validateAuthResponse(as, client, end.leftTo, state);
    const tokenResponse = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(TEST_CLIENT.clientSecret),
      callback,
      TEST_CLIENT.redirectUris[0]!,
      verifier,
      insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, tokenResponse, {
      expectedNonce: nonce,
      requireIdToken: true,
    });
    const claims = oauth.getValidatedIdTokenClaims(tokens)!;
    expect(claims).toMatchObject({
      iss: idp.url,
      aud: TEST_CLIENT.clientId,
      sub: 'company-1',
      nonce,
      name: company.name,
      id_number: company.idNumber,
      credit_code: company.creditCode,
      org_name: company.orgName,
      phone_number: company.phone,
    });
    expect(claims.roles).toEqual(expect.arrayContaining(['citizen', 'developer']));

    const jwks = await (await fetch(as.jwks_uri!)).json();
    expect(verifyJws(tokens.id_token!, jwks)).toBe(true);

    const userinfo = await oauth.processUserInfoResponse(
      as,
      client,
      'company-1',
      await oauth.userInfoRequest(as, client, tokens.access_token, insecure),
    );
    expect(userinfo).toMatchObject({
      sub: 'company-1',
      credit_code: company.creditCode,
      roles: company.roles,
    });
  });
});
