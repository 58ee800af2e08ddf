import { type DatabaseHandle, quotaLeases } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProduct } from '../../../src/platform/auth/subscription-state.js';
import { QuotaLedger } from '../../../src/platform/limits/quota-ledger.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.migrate();
});
afterAll(() => database.close());

const APP = '0b6a8c8e-6c1c-4a43-9d86-3b1f0c6a9e21';
const ledger = (maxLease = 1000) =>
  new QuotaLedger(database.db, {
    maxLease,
    exhaustedRecheckMs: 1000,
    onError: (err) => {
      throw err;
    },
  });

async function reserved(product: string, period: string) {
  const rows = await database.db.select().from(quotaLeases);
  return rows.find((r) => r.product === product && r.period === period)?.reserved ?? 0;
}

describe('QuotaLedger', () => {
  it('happy: three instances taking concurrently admit exactly the quota, never more', async () => {
    const instances = [ledger(), ledger(), ledger()];
    const attempts = Array.from({ length: 450 }, (_, i) =>
      instances[i % 3]!.take(appProduct(APP, 'exact'), '2026-11', 157),
    );
    const admitted = (await Promise.all(attempts)).filter(Boolean).length;
    expect(admitted).toBe(157);
    expect(await reserved('exact', '2026-11')).toBe(157);
  });

  it('happy: leases are blocks, so most calls never wait for the database', async () => {
    const one = ledger(100);
    for (let i = 0; i < 50; i++)
      expect(await one.take(appProduct(APP, 'blocks'), '2026-11', 1_000_000)).toBe(true);
    // One lease of 100 covers 50 calls; the prefetch at half takes one more block at most.
    expect(await reserved('blocks', '2026-11')).toBeLessThanOrEqual(200);
  });

  it('happy: refunded units are spent again, and unspent units go back at release', async () => {
    const one = ledger();
    expect(await one.take(appProduct(APP, 'refund'), '2026-11', 2)).toBe(true);
    expect(await one.take(appProduct(APP, 'refund'), '2026-11', 2)).toBe(true);
    expect(await one.take(appProduct(APP, 'refund'), '2026-11', 2)).toBe(false);
    one.refund(one.leaseOf(appProduct(APP, 'refund'), '2026-11'));
    expect(await one.take(appProduct(APP, 'refund'), '2026-11', 2)).toBe(true);

    const other = ledger();
    expect(await other.take(appProduct(APP, 'release'), '2026-11', 1000)).toBe(true);
    expect(await reserved('release', '2026-11')).toBeGreaterThan(1);
    await other.release();
    expect(await reserved('release', '2026-11')).toBe(1);
  });

  it('happy: release returns the unspent units of many apps, products and months at once', async () => {
    const one = ledger();
    const apps = Array.from(
      { length: 40 },
      (_, i) => `0b6a8c8e-6c1c-4a43-9d86-${String(i).padStart(12, '0')}`,
    );
    const spent = new Map<string, number>();
    for (const [i, app] of apps.entries()) {
      for (const [product, period] of [
        ['bulk-a', '2026-11'],
        ['bulk-b', '2026-12'],
      ] as const) {
        const calls = 1 + (i % 3);
        for (let c = 0; c < calls; c++)
          expect(await one.take(appProduct(app, product), period, 10_000)).toBe(true);
        spent.set(`${app} ${product} ${period}`, calls);
      }
    }
    await one.release();
    const rows = (await database.db.select().from(quotaLeases)).filter((r) => r.product.startsWith('bulk-'));
    expect(new Map(rows.map((r) => [`${r.appId} ${r.product} ${r.period}`, r.reserved]))).toEqual(spent);
  });

  it('happy: months are counted apart', async () => {
    const one = ledger();
    expect(await one.take(appProduct(APP, 'months'), '2026-11', 1)).toBe(true);
    expect(await one.take(appProduct(APP, 'months'), '2026-11', 1)).toBe(false);
    expect(await one.take(appProduct(APP, 'months'), '2026-12', 1)).toBe(true);
  });

  it('happy: a raised limit admits again after the recheck interval', async () => {
    const one = new QuotaLedger(database.db, { maxLease: 1000, exhaustedRecheckMs: 50, onError: () => {} });
    expect(await one.take(appProduct(APP, 'raise'), '2026-11', 1)).toBe(true);
    expect(await one.take(appProduct(APP, 'raise'), '2026-11', 1)).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    expect(await one.take(appProduct(APP, 'raise'), '2026-11', 3)).toBe(true);
  });
});
