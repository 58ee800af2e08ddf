import * as oauth from 'oauth4webapi';
import { afterEach, describe, expect, it } from 'vitest';
import { Browser } from './helpers/browser.js';
import { authorizationUrl, startWithTestClient, TEST_CLIENT } from './helpers/relying-party.js';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** Client and redirect URI are valid, so the error goes back to the client, never with a code. */
function expectInvalidRequest(response: Response) {
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(TEST_CLIENT.redirectUris[0]);
  expect(location.searchParams.get('error')).toBe('invalid_request');
  expect(location.searchParams.has('code')).toBe(false);
}

describe('PKCE', () => {
  it('error: an authorization request without a code challenge is rejected', async () => {
    const { idp, as } = await startWithTestClient();
    close = idp.close;
    const response = await new Browser(idp.url).get(
      authorizationUrl(as, { state: 's', nonce: 'n', code_challenge: undefined }),
    );
    expectInvalidRequest(response);
  });

  it('error: the plain challenge method is rejected', async () => {
    const { idp, as } = await startWithTestClient();
    close = idp.close;
    const verifier = oauth.generateRandomCodeVerifier();
    const response = await new Browser(idp.url).get(
      authorizationUrl(as, {
        state: 's',
        nonce: 'n',
        code_challenge: verifier,
        code_challenge_method: 'plain',
      }),
    );
    expectInvalidRequest(response);
  });
});
