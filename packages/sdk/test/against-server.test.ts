import { buildApp } from '@ixiamen/server';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IXiamen, NotFoundError } from '../src/index.js';

let app: FastifyInstance;
let baseUrl: string;
beforeAll(async () => {
  app = await buildApp({ config: { LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://' } });
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

describe('SDK against the real server over HTTP', () => {
  it('happy: lists the categories', async () => {
    const { data } = await new IXiamen({ baseUrl }).catalog.listCategories();
    expect(data.map((c) => c.code)).toEqual([
      'identity',
      'certificates',
      'work-life',
      'marriage-family',
      'property-insurance',
      'education-titles',
    ]);
  });

  it('happy: health and readiness', async () => {
    const client = new IXiamen({ baseUrl });
    await expect(client.system.getHealth()).resolves.toEqual({ status: 'ok' });
    await expect(client.system.getReadiness()).resolves.toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('error: a wrong base URL gives a typed route_not_found with the server request id', async () => {
    const client = new IXiamen({
      baseUrl: `${baseUrl}/api`,
      headers: { 'x-request-id': 'sdk-test-request-1' },
    });
    const error = await client.catalog.listCategories().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'route_not_found', requestId: 'sdk-test-request-1' });
  });
});
