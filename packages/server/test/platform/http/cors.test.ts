import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const preflight = (url: string, origin: string, method: string) =>
  t.app.inject({
    method: 'OPTIONS',
    url,
    headers: {
      origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'x-csrf-token',
    },
  });

describe('CORS', () => {
  it('happy: the portal may make every console call with its cookie', async () => {
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      const res = await preflight('/console/v1/apps/x', 'http://127.0.0.1:3001', method);
      expect(res.headers['access-control-allow-origin']).toBe('http://127.0.0.1:3001');
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(String(res.headers['access-control-allow-methods'])).toContain(method);
    }
  });

  it('security: another origin gets no console CORS grant', async () => {
    const res = await preflight('/console/v1/me', 'https://evil.example', 'GET');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('happy: browser apps of any origin may call the public API and token endpoint, never with cookies', async () => {
    const res = await preflight('/v1/categories', 'https://app.example.com', 'GET');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('happy: a browser call to the public API gets the CORS headers, a server-side call does not', async () => {
    const browser = await t.call({ url: '/v1/categories', headers: { origin: 'https://app.example.com' } });
    expect(browser.statusCode).toBe(200);
    expect(browser.headers['access-control-allow-origin']).toBe('*');
    expect(String(browser.headers['access-control-expose-headers'])).toContain('ratelimit');
    expect(browser.headers.vary).toBe('origin');

    const server = await t.call({ url: '/v1/categories' });
    expect(server.statusCode).toBe(200);
    expect(server.headers['access-control-allow-origin']).toBeUndefined();
    // Caches must not hand the answer without CORS headers to a browser.
    expect(server.headers.vary).toBe('origin');
  });

  it('error: refusals and unknown paths are readable by browser apps too', async () => {
    const origin = { origin: 'https://app.example.com' };
    const refused = await t.app.inject({ url: '/v1/categories', headers: origin });
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['access-control-allow-origin']).toBe('*');
    const unknown = await t.app.inject({ url: '/v1/nowhere', headers: origin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['access-control-allow-origin']).toBe('*');
    expect(unknown.headers['x-request-id']).toMatch(/^req_/);
  });
});
