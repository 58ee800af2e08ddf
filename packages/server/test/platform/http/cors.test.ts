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
});
