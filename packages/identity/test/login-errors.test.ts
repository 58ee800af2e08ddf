import * as oauth from 'oauth4webapi';
import { afterEach, describe, expect, it } from 'vitest';
import { Browser } from './helpers/browser.js';
import { authorizationUrl, startWithTestClient, TEST_CLIENT } from './helpers/relying-party.js';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

/** Starts a login and returns the browser holding the interaction, with the interaction's path. */
async function openLoginPage() {
  const { idp, as } = await startWithTestClient();
  close = idp.close;
  const browser = new Browser(idp.url);
  const verifier = oauth.generateRandomCodeVerifier();
  const reached = await browser.follow(
    await browser.get(
      authorizationUrl(as, {
        state: 'state-1',
        nonce: 'nonce-1',
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      }),
    ),
  );
  if (!('page' in reached)) throw new Error('expected the login page');
  return { browser, path: new URL(reached.page.url).pathname };
}

describe('login interaction errors', () => {
  it('error: an unknown identity is answered 400 without a redirect', async () => {
    const { browser, path } = await openLoginPage();
    const response = await browser.postForm(`${path}/login`, { sub: 'citizen-999' });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('unknown_identity');
  });

  it('error: cancelling returns access_denied to the client', async () => {
    const { browser, path } = await openLoginPage();
    const end = await browser.follow(await browser.get(`${path}/abort`));
    if (!('leftTo' in end)) throw new Error('expected a redirect to the client');
    expect(`${end.leftTo.origin}${end.leftTo.pathname}`).toBe(TEST_CLIENT.redirectUris[0]);
    expect(end.leftTo.searchParams.get('error')).toBe('access_denied');
    expect(end.leftTo.searchParams.get('state')).toBe('state-1');
  });

  it('error: an unknown client gets an error page without internals', async () => {
    const { idp } = await startWithTestClient();
    close = idp.close;
    const response = await new Browser(idp.url).get('/auth?client_id=nobody&response_type=code&scope=openid');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('invalid_client');
    expect(html).not.toMatch(/\bat .+\.js:\d+/);
  });
});
