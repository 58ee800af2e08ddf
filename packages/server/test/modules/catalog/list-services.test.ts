import { loadCatalogSeed, seedCatalog, services } from '@ixiamen/db';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

type Page = { data: { slug: string }[]; hasMore: boolean; nextCursor: string | null };

async function allPages(url: string, limit: number, between?: (page: number) => Promise<void>) {
  const slugs: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 1000; page++) {
    const sep = url.includes('?') ? '&' : '?';
    const res: { statusCode: number; body: string; json(): Page } = await t.call({
      method: 'GET',
      url: `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    slugs.push(...body.data.map((s) => s.slug));
    if (!body.hasMore) {
      expect(body.nextCursor).toBeNull();
      return slugs;
    }
    cursor = body.nextCursor;
    await between?.(page);
  }
  throw new Error('pagination did not end');
}

describe('GET /v1/services', () => {
  it('happy: pages through every service exactly once', async () => {
    const seed = await loadCatalogSeed();
    const slugs = await allPages('/v1/services', 17);
    expect(slugs).toHaveLength(seed.services.length);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('happy: no duplicates or gaps while services are inserted between pages', async () => {
    const seed = await loadCatalogSeed();
    const before = new Set(seed.services.map((s) => s.slug));
    let n = 0;
    const slugs = await allPages('/v1/services', 25, async () => {
      // Names that sort before, among and after the current page, in several categories.
      const inserted = ['阿', '积', '座'].map((prefix, i) => ({
        ...seed.services[(n * 7 + i * 31) % seed.services.length]!,
        slug: `inserted-${n}-${i}`,
        name: `${prefix}插入事项${n}-${i}`,
      }));
      n++;
      await seedCatalog(t.database.db, { ...seed, services: [...seed.services, ...inserted] });
      await t.app.catalog.refresh();
    });
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of before) expect(slugs, slug).toContain(slug);
    await t.database.db.delete(services).where(like(services.slug, 'inserted-%'));
    await t.app.catalog.refresh();
  });

  it('happy: filters narrow the list and combine', async () => {
    const seed = await loadCatalogSeed();
    const expected = seed.services.filter((s) => s.category === 'identity' && s.onlineDepth === 'IV').length;
    const slugs = await allPages('/v1/services?category=identity&onlineDepth=IV', 100);
    expect(slugs.length).toBe(expected);
    const free = await allPages('/v1/services?fee=free', 100);
    expect(free.length).toBe(seed.services.filter((s) => s.fee.charged === false).length);
    const police = await allPages('/v1/services?department=xm-police', 100);
    expect(police.length).toBe(seed.services.filter((s) => s.department === 'xm-police').length);
  });

  it('happy: a conditional GET with the ETag answers 304 without a body', async () => {
    const first = await t.call({ method: 'GET', url: '/v1/services?limit=5' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toContain('public');
    const again = await t.call({
      method: 'GET',
      url: '/v1/services?limit=5',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('error: bad filters, oversized pages and malformed cursors are 400 problems', async () => {
    for (const [url, location] of [
      ['/v1/services?category=pets', 'querystring/category'],
      ['/v1/services?limit=1000', 'querystring/limit'],
      ['/v1/services?limit=0', 'querystring/limit'],
      ['/v1/services?cursor=%%%', 'querystring/cursor'],
      ['/v1/services?cursor=bm90LWEtY3Vyc29y', 'querystring/cursor'],
      ['/v1/services?theme=宠物', 'querystring/theme'],
      ['/v1/services?department=xm-nowhere', 'querystring/department'],
      ['/v1/services?sort=name', 'querystring/sort'],
    ] as const) {
      const res = await t.call({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(
        res.json().errors.map((e: { location: string }) => e.location),
        url,
      ).toContain(location);
    }
  });
});

describe('GET /v1/services/{slug}', () => {
  it('happy: the full guide of 积分入学 with materials, halls, FAQs and actions', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/services/jifen-ruxue' });
    expect(res.statusCode).toBe(200);
    const guide = res.json();
    expect(guide).toMatchObject({
      slug: 'jifen-ruxue',
      name: expect.stringContaining('积分入学'),
      category: 'education-titles',
    });
    expect(guide.materials.length).toBeGreaterThan(0);
    expect(guide.materials.some((m: { source: string }) => m.source === 'shared')).toBe(true);
    expect(guide.faqs.length).toBeGreaterThanOrEqual(2);
    expect(guide.actions[0]).toEqual({
      kind: 'guide',
      title: '查看办事指南',
      operationId: 'getService',
      method: 'GET',
      href: '/v1/services/jifen-ruxue',
    });
  });

  it('error: an unknown slug is a 404 problem, a malformed one a 400', async () => {
    const missing = await t.call({ method: 'GET', url: '/v1/services/no-such-service' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('not_found');
    const bad = await t.call({ method: 'GET', url: '/v1/services/DROP%20TABLE' });
    expect(bad.statusCode).toBe(400);
  });
});
