import { loadCatalogSeed, organisations, policies } from '@ixiamen/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const get = (url: string) => t.call({ method: 'GET', url });

async function collect(url: string, key: string, between?: () => Promise<void>, limit = 7) {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    if (cursor) await between?.();
    const body: { data: Record<string, string>[]; nextCursor: string | null } = (
      await get(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`)
    ).json();
    out.push(...body.data.map((x) => x[key]!));
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

describe('organisations', () => {
  it('happy: lists every department and hall once, and one in full', async () => {
    const seed = await loadCatalogSeed();
    const codes = await collect('/v1/organisations', 'code');
    expect(codes.sort()).toEqual(seed.organisations.map((o) => o.code).sort());
    const police = (await get('/v1/organisations/xm-police')).json();
    expect(police).toMatchObject({ code: 'xm-police', kind: 'department', name: '厦门市公安局' });
    expect(police.serviceCount).toBe(seed.services.filter((s) => s.department === 'xm-police').length);
  });

  it('error: unknown code 404, bad kind 400', async () => {
    expect((await get('/v1/organisations/xm-nowhere')).statusCode).toBe(404);
    expect((await get('/v1/organisations?kind=shop')).statusCode).toBe(400);
  });
});

describe('policies', () => {
  it('happy: newest first, every policy once, filterable by service', async () => {
    const seed = await loadCatalogSeed();
    const slugs = await collect('/v1/policies', 'slug');
    expect(slugs).toHaveLength(seed.policies.length);
    expect(new Set(slugs).size).toBe(slugs.length);
    const page = (await get('/v1/policies?limit=100')).json().data as { publishedAt: string }[];
    expect(page.map((p) => p.publishedAt)).toEqual([...page.map((p) => p.publishedAt)].sort().reverse());
    const related = await collect('/v1/policies?service=jifen-ruxue', 'slug');
    expect(related.length).toBe(
      seed.policies.filter((p) => p.relatedServices.includes('jifen-ruxue')).length,
    );
    const one = (await get(`/v1/policies/${slugs[0]}`)).json();
    expect(one.excerpt.length).toBeGreaterThan(100);
  });

  it('error: an unknown service filter is 400 and an unknown slug 404', async () => {
    expect((await get('/v1/policies?service=no-such-service')).statusCode).toBe(400);
    expect((await get('/v1/policies/no-such-policy')).statusCode).toBe(404);
  });
});

describe('pagination under concurrent inserts', () => {
  it('happy: organisations and policies page without duplicates or gaps while rows are added', async () => {
    const seed = await loadCatalogSeed();
    let n = 0;
    const grow = async () => {
      n++;
      // Codes and dates that sort before, among and after the pages already read.
      const org = seed.organisations[n % seed.organisations.length]!;
      await t.database.db.insert(organisations).values({
        ...org,
        code: `${['aa', 'xm', 'zz'][n % 3]}-inserted-${n}`,
        parentCode: null,
        website: '',
        halls: [],
      });
      const policy = seed.policies[n % seed.policies.length]!;
      await t.database.db
        .insert(policies)
        .values({ ...policy, slug: `inserted-policy-${n}`, publishedAt: `20${10 + (n % 16)}-06-01` });
      await t.app.catalog.refresh();
    };
    const codes = await collect('/v1/organisations', 'code', grow, 20);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of seed.organisations) expect(codes, o.code).toContain(o.code);
    const slugs = await collect('/v1/policies', 'slug', grow, 20);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const p of seed.policies) expect(slugs, p.slug).toContain(p.slug);
  });
});

describe('themes and FAQs', () => {
  it('happy: the national themes with counts, and a service FAQ list', async () => {
    const themes = (await get('/v1/themes')).json().data;
    expect(themes).toHaveLength(32);
    expect(themes.find((x: { name: string }) => x.name === '教育科研').serviceCount).toBeGreaterThan(0);
    const faqs = (await get('/v1/services/jifen-ruxue/faqs')).json().data;
    expect(faqs.length).toBeGreaterThanOrEqual(2);
    expect(faqs[0].service.slug).toBe('jifen-ruxue');
    expect((await get('/v1/services/no-such-service/faqs')).statusCode).toBe(404);
  });
});
