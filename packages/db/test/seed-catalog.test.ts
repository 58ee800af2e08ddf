import { count, max } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, faqs, loadCatalogSeed, policies, seedCatalog, services } from '../src/index.js';
import { openTestDatabase } from '../src/testing.js';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await openTestDatabase();
  await db.migrate();
});
afterAll(() => db.close());

const total = async (table: typeof services | typeof faqs | typeof policies) =>
  (await db.db.select({ n: count() }).from(table))[0]!.n;

describe('seedCatalog', () => {
  it('happy: seeding twice stores each item once and keeps ids stable', async () => {
    const seed = await loadCatalogSeed();
    await seedCatalog(db.db, seed);
    const firstIds = await db.db.select({ id: services.id, slug: services.slug }).from(services);
    const firstFaqs = await db.db.select({ id: faqs.id }).from(faqs);
    const touched = async () => [
      (await db.db.select({ at: max(services.updatedAt) }).from(services))[0]!.at,
      (await db.db.select({ at: max(faqs.updatedAt) }).from(faqs))[0]!.at,
      (await db.db.select({ at: max(policies.updatedAt) }).from(policies))[0]!.at,
    ];
    const before = await touched();
    await seedCatalog(db.db, seed);
    // Unchanged content leaves every row alone, so running instances see no catalogue change.
    expect(await touched()).toEqual(before);
    expect(await total(services)).toBe(seed.services.length);
    expect(await total(policies)).toBe(seed.policies.length);
    expect(await total(faqs)).toBe(seed.services.reduce((n, s) => n + s.faqs.length, 0));
    expect(await db.db.select({ id: services.id, slug: services.slug }).from(services)).toEqual(
      expect.arrayContaining(firstIds),
    );
    expect((await db.db.select({ id: faqs.id }).from(faqs)).map((f) => f.id).sort()).toEqual(
      firstFaqs.map((f) => f.id).sort(),
    );
  });

  it('happy: edited content updates rows in place', async () => {
    const seed = await loadCatalogSeed();
    const edited = {
      ...seed,
      services: seed.services.map((s, i) => (i === 0 ? { ...s, summary: '已更新的说明' } : s)),
    };
    await seedCatalog(db.db, edited);
    const rows = await db.db.select({ summary: services.summary }).from(services);
    expect(rows.filter((r) => r.summary === '已更新的说明')).toHaveLength(1);
    expect(await total(services)).toBe(seed.services.length);
  });

  it('error: content that breaks a reference is rejected whole and nothing stored changes', async () => {
    const seed = await loadCatalogSeed();
    const before = await total(services);
    const broken = {
      ...seed,
      services: [
        ...seed.services,
        { ...seed.services[0]!, slug: 'orphan-service', department: 'xm-nowhere' },
      ],
    };
    await expect(seedCatalog(db.db, broken)).rejects.toThrow();
    expect(await total(services)).toBe(before);
  });
});
