import { listeningPlatform } from '@ixiamen/server/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IXiamen, NotFoundError } from '../src/index.js';

let app: FastifyInstance;
let baseUrl: string;
let apiKey: string;
beforeAll(async () => {
  ({ app, baseUrl, apiKey } = await listeningPlatform());
});
afterAll(() => app.close());

describe('SDK against the real server over HTTP', () => {
  it('happy: lists the categories', async () => {
    const { data } = await new IXiamen({ baseUrl, apiKey }).catalog.listCategories();
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
    const client = new IXiamen({ baseUrl, apiKey });
    await expect(client.system.getHealth()).resolves.toEqual({ status: 'ok' });
    await expect(client.system.getReadiness()).resolves.toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('happy: iterates every service across pages, as many as the categories count', async () => {
    const client = new IXiamen({ baseUrl, apiKey });
    const { data } = await client.catalog.listCategories();
    const total = data.reduce((n, c) => n + c.serviceCount, 0);
    const slugs = new Set<string>();
    for await (const service of client.catalog.listServices({ limit: 50 })) slugs.add(service.slug);
    expect(slugs.size).toBe(total);
  });

  it('happy: from a search hit to the service guide in one step (即搜即办)', async () => {
    const client = new IXiamen({ baseUrl, apiKey });
    const results = await client.search.search({ q: '孩子上学' });
    const hit = results.groups.service!.data[0]!;
    expect(hit.id).toBe('jifen-ruxue');
    const guide = await client.catalog.getService(hit.service!.slug);
    expect(guide.materials.length).toBeGreaterThan(0);
  });

  it('error: a wrong base URL gives a typed route_not_found with the server request id', async () => {
    const client = new IXiamen({
      baseUrl: `${baseUrl}/api`,
      apiKey,
      headers: { 'x-request-id': 'sdk-test-request-1' },
    });
    const error = await client.catalog.listCategories().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'route_not_found', requestId: 'sdk-test-request-1' });
  });
});
