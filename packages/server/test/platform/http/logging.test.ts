import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

const lines: string[] = [];
let t: TestApp;
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  t = await testApp({ config: { LOG_LEVEL: 'info' }, logStream: stream });
  t.app.get('/__test/log-personal', async (req) => {
    req.log.info({ citizen: { idNumber: '350203199001011234', mobile: '13812345678' } }, 'looked up');
    return { ok: true };
  });
});
afterAll(() => t.close());

describe('request logs', () => {
  it('security: credentials in headers and query never reach a log line', async () => {
    await t.app.inject({
      method: 'GET',
      url: '/v1/categories?access_token=tok_secret_in_query',
      headers: { authorization: 'Bearer eyJ.secret-bearer.sig', 'x-api-key': 'ixm_test_secretkey123' },
    });
    const log = lines.join('\n');
    expect(log).toContain('/v1/categories');
    expect(log).not.toContain('tok_secret_in_query');
    expect(log).not.toContain('secret-bearer');
    expect(log).not.toContain('ixm_test_secretkey123');
  });

  it('security: personal fields logged by a handler are redacted', async () => {
    await t.app.inject({ method: 'GET', url: '/__test/log-personal' });
    const log = lines.join('\n');
    expect(log).toContain('looked up');
    expect(log).not.toContain('350203199001011234');
    expect(log).not.toContain('13812345678');
  });

  it('happy: every line of a request carries its request id', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-request-id': 'trace-abc-12345' },
    });
    expect(res.headers['x-request-id']).toBe('trace-abc-12345');
    const mine = lines.map((l) => JSON.parse(l)).filter((l) => l.requestId === 'trace-abc-12345');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
  });
});
