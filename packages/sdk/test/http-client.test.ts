import { afterEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConnectionError,
  IXiamen,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../src/index.js';
import { fakeServer, json, problem } from './fake-server.js';

const categories = { data: [] };
let server: Awaited<ReturnType<typeof fakeServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('HTTP client', () => {
  it('happy: sends the API key and parses JSON', async () => {
    server = await fakeServer((_req, res) => json(res, categories));
    const client = new IXiamen({ baseUrl: server.baseUrl, apiKey: 'ixm_test_abc' });
    await expect(client.catalog.listCategories()).resolves.toEqual(categories);
    expect(server.seen[0]).toMatchObject({ method: 'GET', url: '/v1/categories' });
    expect(server.seen[0]?.headers['x-api-key']).toBe('ixm_test_abc');
  });

  it('happy: asks the token function for a bearer token on each attempt', async () => {
    server = await fakeServer((_req, res, n) =>
      n === 1 ? problem(res, 503, 'service_unavailable', { 'retry-after': '0' }) : json(res, categories),
    );
    let calls = 0;
    const client = new IXiamen({ baseUrl: server.baseUrl, accessToken: async () => `tok_${++calls}` });
    await client.catalog.listCategories();
    expect(server.seen.map((s) => s.headers.authorization)).toEqual(['Bearer tok_1', 'Bearer tok_2']);
  });

  it('happy: honours Retry-After on 429 and then succeeds', async () => {
    server = await fakeServer((_req, res, n) =>
      n < 3 ? problem(res, 429, 'rate_limited', { 'retry-after': '0' }) : json(res, categories),
    );
    const client = new IXiamen({ baseUrl: server.baseUrl });
    await expect(client.catalog.listCategories()).resolves.toEqual(categories);
    expect(server.seen).toHaveLength(3);
  });

  it('error: gives up after maxRetries with a typed error carrying code and requestId', async () => {
    server = await fakeServer((_req, res) => problem(res, 429, 'quota_exceeded', { 'retry-after': '0' }));
    const client = new IXiamen({ baseUrl: server.baseUrl, maxRetries: 1 });
    const error = await client.catalog.listCategories().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, code: 'quota_exceeded', requestId: 'req_fake' });
    expect(server.seen).toHaveLength(2);
  });

  it('error: a used-up monthly quota (Retry-After beyond a minute) is thrown at once, not retried', async () => {
    server = await fakeServer((_req, res) => problem(res, 429, 'quota_exceeded', { 'retry-after': '86400' }));
    const client = new IXiamen({ baseUrl: server.baseUrl, maxRetries: 3 });
    const error = await client.catalog.listCategories().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'quota_exceeded' });
    expect(server.seen).toHaveLength(1);
  });

  it('error: does not retry client errors and maps each status to its class', async () => {
    const cases = [
      [400, 'validation_failed', ValidationError],
      [401, 'invalid_token', AuthenticationError],
      [404, 'not_found', NotFoundError],
    ] as const;
    for (const [status, code, Type] of cases) {
      server = await fakeServer((_req, res) => problem(res, status, code));
      const error = await new IXiamen({ baseUrl: server.baseUrl }).catalog
        .listCategories()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(Type);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe(code);
      expect(server.seen).toHaveLength(1);
      await server.close();
      server = undefined;
    }
  });

  it('error: a body that is not a problem still gives an ApiError with the status', async () => {
    server = await fakeServer((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html', 'x-request-id': 'req_proxy' });
      res.end('<html>Bad gateway</html>');
    });
    const error = await new IXiamen({ baseUrl: server.baseUrl, maxRetries: 0 }).catalog
      .listCategories()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: 'req_proxy' });
  });

  it('error: a hung server ends in TimeoutError after the retries', async () => {
    server = await fakeServer(() => {});
    const client = new IXiamen({ baseUrl: server.baseUrl, timeoutMs: 100, maxRetries: 1 });
    await expect(client.catalog.listCategories()).rejects.toBeInstanceOf(TimeoutError);
    expect(server.seen).toHaveLength(2);
  });

  it('error: a refused connection is a ConnectionError', async () => {
    server = await fakeServer(() => {});
    const { baseUrl } = server;
    await server.close();
    server = undefined;
    const client = new IXiamen({ baseUrl, maxRetries: 0 });
    const error = await client.catalog.listCategories().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it('happy: the caller can abort, and no retry follows', async () => {
    server = await fakeServer(() => {});
    const controller = new AbortController();
    const pending = new IXiamen({ baseUrl: server.baseUrl }).catalog.listCategories({
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('user left the page')), 50);
    await expect(pending).rejects.toThrow('user left the page');
    expect(server.seen).toHaveLength(1);
  });

  it('happy: per-call headers and a base URL with a path prefix', async () => {
    server = await fakeServer((_req, res) => json(res, categories));
    const client = new IXiamen({
      baseUrl: `${server.baseUrl}/gateway`,
      headers: { 'x-request-id': 'from-client-0001' },
    });
    await client.catalog.listCategories({ headers: { 'accept-language': 'en' } });
    expect(server.seen[0]?.url).toBe('/gateway/v1/categories');
    expect(server.seen[0]?.headers).toMatchObject({
      'x-request-id': 'from-client-0001',
      'accept-language': 'en',
    });
  });
});
