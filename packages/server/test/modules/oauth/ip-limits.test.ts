import { randomInt } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { verifySecret } from '../../../src/platform/auth/secrets.js';
import { freePort, provisionApp } from '../../../src/testing.js';
import { instancesOnOneDatabase } from '../../helpers/instances.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import { responseValidator } from '../../platform/contract/response-validator.js';

// The real scrypt, watched: a test of the client-authentication limit counts the runs it cost.
vi.mock('../../../src/platform/auth/secrets.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/platform/auth/secrets.js')>();
  return { ...actual, verifySecret: vi.fn(actual.verifySecret) };
});
const scryptRuns = () => vi.mocked(verifySecret).mock.calls.length;

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

function expectRefused(res: LightMyRequestResponse, max: number, policy = 'ip') {
  expect(res.statusCode).toBe(429);
  const seconds = Number(res.headers['retry-after']);
  expect(seconds).toBeGreaterThanOrEqual(1);
  expect(seconds).toBeLessThanOrEqual(60);
  expect(res.headers['ratelimit-policy']).toBe(`"${policy}";q=${max};w=60`);
  expect(res.headers.ratelimit).toBe(`"${policy}";r=0;t=${seconds}`);
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

// The client-authentication limit: 3 a minute per IP in these tests, one count across the three
// client endpoints, whose per-call limit is set out of reach.
const CLIENT_AUTH_MAX = 3;
const OPERATION_IDS = {
  '/oauth/token': 'issueToken',
  '/oauth/revoke': 'revokeToken',
  '/oauth/introspect': 'introspectToken',
} as const;
const FORMS = {
  '/oauth/token': { grant_type: 'client_credentials' },
  '/oauth/revoke': { token: 'unknown' },
  '/oauth/introspect': { token: 'unknown' },
} as const;
type ClientEndpoint = keyof typeof FORMS;

/** A client authentication with HTTP Basic from `from`. */
function authenticate(
  app: FastifyInstance,
  from: string,
  clientId: string,
  secret: string,
  url: ClientEndpoint = '/oauth/token',
) {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: from,
    headers: { ...FORM, authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    payload: new URLSearchParams(FORMS[url]).toString(),
  });
}

function expectClientAuthRefused(res: LightMyRequestResponse, url: ClientEndpoint = '/oauth/token') {
  expectRefused(res, CLIENT_AUTH_MAX, 'client-auth');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.json()).toEqual({
    error: 'rate_limited',
    error_description: `More than ${CLIENT_AUTH_MAX} client authentications in one minute from one IP address.`,
  });
  expect(validate(OPERATION_IDS[url], 429, String(res.headers['content-type']), res.json())).toEqual([]);
}

const limitHeaders = (res: LightMyRequestResponse) =>
  Object.keys(res.headers).filter((h) => h.startsWith('ratelimit') || h === 'retry-after');

describe('per-IP limit on client authentications that run scrypt or fail', () => {
  let c: TestApp;
  beforeAll(async () => {
    c = await testApp({
      config: { IP_LIMIT_TOKEN_PER_MINUTE: 1000, IP_LIMIT_CLIENT_AUTH_PER_MINUTE: CLIENT_AUTH_MAX },
    });
  });
  afterAll(() => c.close());

  /** A confidential client whose secret has not verified on this instance yet. */
  async function freshClient() {
    const { clientId, clientSecret } = await provisionApp(c.app, { accountId: c.credentials.accountId });
    return { clientId, secret: clientSecret! };
  }

  it('security: after 3 wrong secrets from one IP the 4th attempt is refused with 429 before scrypt runs, even with the right secret', async () => {
    const from = '192.0.2.10';
    const { clientId, secret } = await freshClient();
    const before = scryptRuns();
    for (let i = 0; i < 3; i++) {
      expect((await authenticate(c.app, from, clientId, 'guessed-wrong')).statusCode).toBe(401);
    }
    expect(scryptRuns()).toBe(before + 3);
    expectClientAuthRefused(await authenticate(c.app, from, clientId, secret));
    expect(scryptRuns()).toBe(before + 3);
    // The secret was the right one: from another address it gets a token.
    expect((await authenticate(c.app, '192.0.2.110', clientId, secret)).statusCode).toBe(200);
  });

  it('security: the token, revocation and introspection endpoints share one count', async () => {
    const from = '192.0.2.11';
    const { clientId, secret } = await freshClient();
    const urls = Object.keys(FORMS) as ClientEndpoint[];
    for (const url of urls) {
      expect((await authenticate(c.app, from, clientId, 'guessed-wrong', url)).statusCode).toBe(401);
    }
    for (const url of urls)
      expectClientAuthRefused(await authenticate(c.app, from, clientId, secret, url), url);
  });

  it('security: failures that cost no scrypt count too: an unknown client, a confidential client without its secret, a malformed Basic header', async () => {
    const from = '192.0.2.12';
    const { clientId, secret } = await freshClient();
    const token = (payload: string, headers: Record<string, string> = {}) =>
      c.app.inject({
        method: 'POST',
        url: '/oauth/token',
        remoteAddress: from,
        headers: { ...FORM, ...headers },
        payload,
      });
    const before = scryptRuns();
    expect((await authenticate(c.app, from, 'ixm_app_nobody', 'whatever')).statusCode).toBe(401);
    expect((await token(`grant_type=client_credentials&client_id=${clientId}`)).statusCode).toBe(401);
    expect((await token('grant_type=client_credentials', { authorization: 'Basic !!!' })).statusCode).toBe(
      401,
    );
    expect(scryptRuns()).toBe(before);
    expectClientAuthRefused(await authenticate(c.app, from, clientId, secret));
  });

  it('happy: a client whose secret already verified on this instance keeps getting tokens from an IP over the limit, without scrypt', async () => {
    const from = '192.0.2.13';
    const { clientId, secret } = await freshClient();
    expect((await authenticate(c.app, from, clientId, secret)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) {
      expect((await authenticate(c.app, from, clientId, 'guessed-wrong')).statusCode).toBe(401);
    }
    expectClientAuthRefused(await authenticate(c.app, from, clientId, 'guessed-wrong'));
    const before = scryptRuns();
    for (let i = 0; i < 3; i++) {
      const res = await authenticate(c.app, from, clientId, secret);
      expect(res.statusCode).toBe(200);
      expect(res.json().access_token).toBeTruthy();
      expect(limitHeaders(res)).toEqual([]);
    }
    expect(scryptRuns()).toBe(before);
  });

  it('happy: another IP is not affected, and its answers carry no limit headers', async () => {
    const { clientId, secret } = await freshClient();
    for (let i = 0; i < 3; i++) await authenticate(c.app, '192.0.2.14', clientId, 'guessed-wrong');
    expectClientAuthRefused(await authenticate(c.app, '192.0.2.14', clientId, 'guessed-wrong'));
    const other = await authenticate(c.app, '192.0.2.15', clientId, secret);
    expect(other.statusCode).toBe(200);
    expect(limitHeaders(other)).toEqual([]);
  });

  it('security: an IPv6 address counts by its /64, as the per-call limits do', async () => {
    const { clientId } = await freshClient();
    for (let i = 1; i <= 3; i++) {
      expect((await authenticate(c.app, `2001:db8:5:6::${i}`, clientId, 'guessed-wrong')).statusCode).toBe(
        401,
      );
    }
    expectClientAuthRefused(await authenticate(c.app, '2001:db8:5:6:ffff::9', clientId, 'guessed-wrong'));
    expect((await authenticate(c.app, '2001:db8:5:7::1', clientId, 'guessed-wrong')).statusCode).toBe(401);
  });

  it('happy: the IP may authenticate again once the minute has passed', async () => {
    const from = '192.0.2.16';
    const { clientId, secret } = await freshClient();
    vi.useFakeTimers({ toFake: ['Date'] });
    for (let i = 0; i < 3; i++) await authenticate(c.app, from, clientId, 'guessed-wrong');
    expect((await authenticate(c.app, from, clientId, secret)).statusCode).toBe(429);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await authenticate(c.app, from, clientId, secret)).statusCode).toBe(200);
  });

  it('security: 10 wrong attempts at once from one IP run scrypt at most 3 times', async () => {
    const from = '192.0.2.17';
    const { clientId } = await freshClient();
    const before = scryptRuns();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => authenticate(c.app, from, clientId, 'guessed-wrong')),
    );
    expect(scryptRuns() - before).toBeLessThanOrEqual(CLIENT_AUTH_MAX);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([...Array(3).fill(401), ...Array(7).fill(429)]);
  });
});

describe('the client-authentication limit with Redis', () => {
  const startInstances = instancesOnOneDatabase();

  async function instancesWith(count: number, redisUrl: string) {
    const instances = await startInstances(count, {
      REDIS_URL: redisUrl,
      IP_LIMIT_TOKEN_PER_MINUTE: 1000,
      IP_LIMIT_CLIENT_AUTH_PER_MINUTE: CLIENT_AUTH_MAX,
    });
    const { clientId, clientSecret } = await provisionApp(instances[0]!);
    return { instances, clientId, secret: clientSecret! };
  }

  // A shared Redis keeps counts between runs and projects: an address of this run's own.
  const freshAddress = () =>
    `2001:db8:${randomInt(0xffff).toString(16)}:${randomInt(0xffff).toString(16)}::1`;

  it.runIf(process.env.TEST_REDIS_URL)(
    'security: two instances sharing one Redis share the count, so spreading guesses over them gains nothing',
    async () => {
      const {
        instances: [a, b],
        clientId,
        secret,
      } = await instancesWith(2, process.env.TEST_REDIS_URL!);
      const from = freshAddress();
      for (const app of [a!, b!, a!]) {
        expect((await authenticate(app, from, clientId, 'guessed-wrong')).statusCode).toBe(401);
      }
      expectClientAuthRefused(await authenticate(b!, from, clientId, secret));
      expectClientAuthRefused(
        await authenticate(a!, from, clientId, 'guessed-wrong', '/oauth/revoke'),
        '/oauth/revoke',
      );
      expect((await authenticate(b!, freshAddress(), clientId, secret)).statusCode).toBe(200);
    },
  );

  it('error: with Redis unreachable, client authentications are let through rather than refused or failed', async () => {
    const {
      instances: [app],
      clientId,
      secret,
    } = await instancesWith(1, `redis://127.0.0.1:${await freePort()}`);
    const from = '192.0.2.18';
    const statuses = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await authenticate(app!, from, clientId, 'guessed-wrong')).statusCode);
    statuses.push((await authenticate(app!, from, clientId, secret)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 200]);
  });
});
