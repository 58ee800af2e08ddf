import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import { responseValidator } from '../../platform/contract/response-validator.js';

// Small limits so a test reaches them: 3 calls a minute per IP to each client endpoint, 2 to
// each authorization endpoint. Each test calls from an address of its own.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ config: { IP_LIMIT_TOKEN_PER_MINUTE: 3, IP_LIMIT_AUTHORIZE_PER_MINUTE: 2 } });
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

const validate = responseValidator(openapiDocument);
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function post(url: string, from: string, values: Record<string, string>, secret?: string) {
  const { clientId, clientSecret } = t.credentials;
  const basic = Buffer.from(`${clientId}:${secret ?? clientSecret}`).toString('base64');
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress: from,
    headers: { ...FORM, authorization: `Basic ${basic}` },
    payload: new URLSearchParams(values).toString(),
  });
}

const clientCredentials = (from: string, secret?: string) =>
  post('/oauth/token', from, { grant_type: 'client_credentials' }, secret);

function expectRefused(res: LightMyRequestResponse, max: number) {
  expect(res.statusCode).toBe(429);
  const seconds = Number(res.headers['retry-after']);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(res.headers['ratelimit-policy']).toBe(`"ip";q=${max};w=60`);
  expect(res.headers.ratelimit).toBe(`"ip";r=0;t=${seconds}`);
}

describe('per-IP limits on the OAuth endpoints', () => {
  it('security: the token endpoint refuses the 4th call from one IP in a minute, even with the right secret, as an RFC 6749 429 rate_limited with Retry-After', async () => {
    const from = '198.51.100.1';
    for (let i = 0; i < 3; i++) expect((await clientCredentials(from, 'guessed-wrong')).statusCode).toBe(401);
    const refused = await clientCredentials(from);
    expectRefused(refused, 3);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.json()).toEqual({
      error: 'rate_limited',
      error_description: 'More than 3 calls in one minute from one IP address to this endpoint.',
    });
    expect(validate('issueToken', 429, String(refused.headers['content-type']), refused.json())).toEqual([]);
  });

  it('happy: another IP is not affected, and answers within the limit carry no limit headers', async () => {
    const from = '198.51.100.2';
    for (let i = 0; i < 4; i++) await clientCredentials(from, 'guessed-wrong');
    const other = await clientCredentials('198.51.100.3');
    expect(other.statusCode).toBe(200);
    expect(other.json().access_token).toBeTruthy();
    expect(
      Object.keys(other.headers).filter((h) => h.startsWith('ratelimit') || h === 'retry-after'),
    ).toEqual([]);
  });

  it('security: revocation and introspection are limited too, each on its own count', async () => {
    const from = '198.51.100.4';
    for (const url of ['/oauth/revoke', '/oauth/introspect']) {
      for (let i = 0; i < 3; i++) expect((await post(url, from, { token: 'unknown' })).statusCode).toBe(200);
      const refused = await post(url, from, { token: 'unknown' });
      expectRefused(refused, 3);
      expect(refused.json().error).toBe('rate_limited');
      const operationId = url === '/oauth/revoke' ? 'revokeToken' : 'introspectToken';
      expect(validate(operationId, 429, String(refused.headers['content-type']), refused.json())).toEqual([]);
    }
    expect((await clientCredentials(from)).statusCode).toBe(200);
  });

  it('happy: the IP may call again once the minute has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const from = '198.51.100.5';
    for (let i = 0; i < 3; i++) await clientCredentials(from, 'guessed-wrong');
    expect((await clientCredentials(from)).statusCode).toBe(429);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await clientCredentials(from)).statusCode).toBe(200);
  });

  it('security: the authorization endpoint and its consent form answer a page with 429 once over', async () => {
    const from = '198.51.100.6';
    const authorize = () =>
      t.app.inject({ method: 'GET', url: '/oauth/authorize?client_id=nobody', remoteAddress: from });
    const decide = () =>
      t.app.inject({
        method: 'POST',
        url: '/oauth/authorize',
        remoteAddress: from,
        headers: FORM,
        payload: 'request=x&csrf=y&decision=approve',
      });
    for (const [operationId, call, status] of [
      ['authorize', authorize, 400],
      ['decideAuthorization', decide, 403],
    ] as const) {
      for (let i = 0; i < 2; i++) expect((await call()).statusCode).toBe(status);
      const refused = await call();
      expectRefused(refused, 2);
      expect(refused.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(refused.body).toContain('请求过于频繁');
      expect(validate(operationId, 429, String(refused.headers['content-type']), refused.body)).toEqual([]);
    }
  });

  it('happy: the metadata and keys are not limited per IP', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/.well-known/jwks.json',
        remoteAddress: '198.51.100.7',
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('security: X-Forwarded-For is ignored unless TRUST_PROXY names the proxy that sets it', async () => {
    const call = (app: TestApp, forwardedFor: string) =>
      app.app.inject({
        method: 'POST',
        url: '/oauth/token',
        remoteAddress: '10.0.0.9',
        headers: { ...FORM, 'x-forwarded-for': forwardedFor },
        payload: 'grant_type=client_credentials',
      });
    // Without a trusted proxy, a forged header does not escape the limit of the real address.
    for (let i = 0; i < 3; i++) await call(t, `203.0.113.${i}`);
    expect((await call(t, '203.0.113.99')).statusCode).toBe(429);

    const behindProxy = await testApp({
      config: { IP_LIMIT_TOKEN_PER_MINUTE: 3, TRUST_PROXY: '10.0.0.0/8' },
    });
    try {
      // Behind one proxy, each client is counted under its own address, not the proxy's.
      for (let i = 0; i < 3; i++) expect((await call(behindProxy, '203.0.113.7')).statusCode).toBe(401);
      expect((await call(behindProxy, '203.0.113.7')).statusCode).toBe(429);
      expect((await call(behindProxy, '203.0.113.8')).statusCode).toBe(401);
    } finally {
      await behindProxy.close();
    }
  });
});
