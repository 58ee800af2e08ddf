import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInForTest } from '../../../src/testing.js';
import { consentTo, pkcePair, tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
  t = await testApp({ config: { LOG_LEVEL: 'trace' }, logStream: stream });
});
afterAll(() => t.close());

describe('secrets never reach logs or error bodies', () => {
  it('security: every credential used in every flow is absent from the trace-level log', async () => {
    const secrets: string[] = [t.credentials.clientSecret!, t.credentials.apiKey];
    const client = { clientId: t.credentials.clientId, clientSecret: t.credentials.clientSecret };
    const bodies: string[] = [];

    const cc = await tokenRequest(t.app, client, { grant_type: 'client_credentials' });
    secrets.push(cc.json().access_token);
    const wrong = await tokenRequest(
      t.app,
      { ...client, clientSecret: 'ixm_secret_guessed-value' },
      { grant_type: 'client_credentials' },
    );
    bodies.push(wrong.body);
    secrets.push('ixm_secret_guessed-value');

    const citizen = await signInForTest(t.app, { roles: ['citizen'] });
    secrets.push(citizen.cookie.split('=')[1]!, citizen.csrfToken);
    const { verifier, challenge } = pkcePair();
    const callback = await consentTo(t.app, citizen.cookie, {
      response_type: 'code',
      client_id: client.clientId,
      redirect_uri: 'http://127.0.0.1:8976/callback',
      scope: 'profile:read catalog:read',
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const code = callback.searchParams.get('code')!;
    secrets.push(code, verifier);
    const tokens = (
      await tokenRequest(t.app, client, {
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'http://127.0.0.1:8976/callback',
        code_verifier: verifier,
      })
    ).json();
    secrets.push(tokens.access_token, tokens.refresh_token);
    const replay = await tokenRequest(t.app, client, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1:8976/callback',
      code_verifier: verifier,
    });
    bodies.push(replay.body);
    await t.app.inject({
      method: 'GET',
      url: '/v1/categories',
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    await t.app.inject({ method: 'GET', url: `/v1/categories?access_token=${tokens.access_token}` });
    await tokenRequest(t.app, client, { token: tokens.refresh_token }, '/oauth/introspect');
    await tokenRequest(t.app, client, { token: tokens.refresh_token }, '/oauth/revoke');
    const reused = await tokenRequest(t.app, client, {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    bodies.push(reused.body);
    const badKey = await t.app.inject({
      method: 'GET',
      url: '/v1/categories',
      headers: { 'x-api-key': `${t.credentials.apiKey}x` },
    });
    bodies.push(badKey.body);

    const log = lines.join('');
    expect(log).toContain('/oauth/token');
    for (const secret of secrets) {
      expect(log, `log leaks ${secret.slice(0, 12)}…`).not.toContain(secret);
      for (const body of bodies) expect(body).not.toContain(secret);
    }
  });
});
