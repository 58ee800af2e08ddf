import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  // Test-only routes that reach the failure paths the product routes cannot reach yet.
  t.app.post(
    '/__test/echo',
    { schema: { body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
    async (req) => req.body,
  );
  t.app.get('/__test/crash', async () => {
    throw new Error('SELECT * FROM citizens WHERE id_number = 350203199001011234');
  });
});
afterAll(() => t.close());

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: `https://open.ixiamen.gov.cn/docs/errors/${code}` });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
}

describe('problem+json for every failure', () => {
  it('error: an unknown route is a 404 problem, never an HTML page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/nope', headers: { accept: 'text/html' } });
    const body = expectProblem(res, 404, 'route_not_found');
    expect(body.detail).toBe('No operation matches GET /v1/nope.');
  });

  it('error: a body that is not JSON is malformed_body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/__test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expectProblem(res, 400, 'malformed_body');
  });

  it('error: an empty JSON body is malformed_body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/__test/echo',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400, 'malformed_body');
  });

  it('error: a missing field is validation_failed with its location', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/__test/echo', payload: {} });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.errors).toEqual([{ location: 'body/name', message: "must have required property 'name'" }]);
  });

  it('error: an unsupported content type is 415', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/__test/echo',
      headers: { 'content-type': 'application/xml' },
      payload: '<name/>',
    });
    expectProblem(res, 415, 'unsupported_media_type');
  });

  it('error: a body over 1 MiB is 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/__test/echo',
      payload: { name: 'x'.repeat(1024 * 1024 + 1) },
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('security: an unexpected error is a bare 500 without stack, SQL or personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/__test/crash' });
    expectProblem(res, 500, 'internal_error');
    expect(res.body).not.toMatch(/SELECT|350203199001011234|at .*\.ts|stack/);
  });
});
