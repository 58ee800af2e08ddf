import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import { responseValidator } from '../../platform/contract/response-validator.js';

// Sign-in and its callback allow 2 calls a minute per IP here; each test calls from its own address.
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ config: { IP_LIMIT_SIGN_IN_PER_MINUTE: 2 } });
});
afterAll(() => t.close());

const validate = responseValidator(openapiDocument);
const signIn = (from: string) =>
  t.app.inject({ method: 'GET', url: '/auth/login?returnTo=%2Fconsole', remoteAddress: from });
const callback = (from: string) =>
  t.app.inject({ method: 'GET', url: '/auth/callback?code=x&state=y', remoteAddress: from });

describe('per-IP limits on sign-in', () => {
  it('security: sign-in refuses the 3rd start from one IP in a minute with 429 rate_limited problem+json and Retry-After', async () => {
    const from = '203.0.113.1';
    for (let i = 0; i < 2; i++) expect((await signIn(from)).statusCode).toBe(302);
    const refused = await signIn(from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const seconds = Number(refused.headers['retry-after']);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.headers['ratelimit-policy']).toBe('"ip";q=2;w=60');
    expect(refused.headers.ratelimit).toBe(`"ip";r=0;t=${seconds}`);
    expect(refused.json()).toMatchObject({
      type: 'https://open.ixiamen.gov.cn/docs/errors/rate_limited',
      status: 429,
      code: 'rate_limited',
      instance: '/auth/login',
      requestId: refused.headers['x-request-id'],
    });
    expect(validate('signIn', 429, String(refused.headers['content-type']), refused.json())).toEqual([]);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });

  it('security: the callback is limited on its own count', async () => {
    const from = '203.0.113.2';
    for (let i = 0; i < 2; i++) expect((await callback(from)).statusCode).toBe(400);
    const refused = await callback(from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect(validate('completeSignIn', 429, String(refused.headers['content-type']), refused.json())).toEqual(
      [],
    );
    expect((await signIn(from)).statusCode).toBe(302);
  });

  it('happy: another IP still signs in', async () => {
    const from = '203.0.113.3';
    for (let i = 0; i < 3; i++) await signIn(from);
    expect((await signIn('203.0.113.4')).statusCode).toBe(302);
  });
});
