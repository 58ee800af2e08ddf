import { loadCatalogSeed, seedCatalog } from '@ixiamen/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe('GET /v1/categories', () => {
  it('happy: lists the six life-cycle categories in order with their service counts from the database', async () => {
    const seed = await loadCatalogSeed();
    const res = await t.call({ method: 'GET', url: '/v1/categories' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.json();
    expect(body.data.map((c: { name: string }) => c.name)).toEqual([
      '身份证明类',
      '公共证明类',
      '工作生活类',
      '婚姻家庭类',
      '财产保险类',
      '学历职称类',
    ]);
    for (const category of body.data) {
      const expected = seed.services.filter((s) => s.category === category.code).length;
      expect(category.serviceCount, category.code).toBe(expected);
    }
  });

  it('happy: counts follow the database once the snapshot refreshes', async () => {
    const seed = await loadCatalogSeed();
    const template = seed.services.find((s) => s.category === 'identity')!;
    await seedCatalog(t.database.db, {
      ...seed,
      services: [...seed.services, { ...template, slug: 'test-extra-service' }],
    });
    await t.app.catalog.refresh();
    const before = seed.services.filter((s) => s.category === 'identity').length;

    const res = await t.call({ method: 'GET', url: '/v1/categories' });
    const identity = res.json().data.find((c: { code: string }) => c.code === 'identity');
    expect(identity.serviceCount).toBe(before + 1);
  });

  it('error: an unknown query parameter is a 400 problem naming it', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/categories?colour=red' });

    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = res.json();
    expect(problem).toMatchObject({
      status: 400,
      code: 'validation_failed',
      requestId: res.headers['x-request-id'],
    });
    expect(problem.errors).toEqual([
      { location: 'querystring/colour', message: "unknown parameter 'colour'" },
    ]);
  });
});
