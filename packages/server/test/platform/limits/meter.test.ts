import { type DatabaseHandle, rowsOf, usageHourly } from '@ixiamen/db';
import { openTestDatabase } from '@ixiamen/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProduct } from '../../../src/platform/auth/subscription-state.js';
import { Meter } from '../../../src/platform/limits/meter.js';

let database: DatabaseHandle;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.migrate();
});
afterAll(() => database.close());

const HOUR = 3_600_000;
const pair = appProduct('0b6a8c8e-6c1c-4a43-9d86-3b1f0c6a9e21', 'catalog');
const rows = async () =>
  (await database.db.select().from(usageHourly))
    .map((r) => `${r.operationId} ${r.statusClass} ${r.hour.toISOString()} ${r.calls}`)
    .sort();

describe('Meter', () => {
  it('happy: counts per operation, status class and hour, across an hour that ends between flushes', async () => {
    const meter = new Meter(database.db, (err) => {
      throw err;
    });
    const hour = Date.UTC(2026, 10, 27, 9);
    meter.record(pair, 'listCategories', '2xx', hour + 10);
    meter.record(pair, 'listCategories', '2xx', hour + 20);
    meter.record(pair, 'listCategories', '429', hour + 30);
    meter.record(pair, 'getService', '4xx', hour + 40);
    meter.record(pair, 'listCategories', '2xx', hour + HOUR + 5);
    await meter.flush();
    // A later flush adds to the rows it finds.
    meter.record(pair, 'listCategories', '2xx', hour + HOUR + 6);
    await meter.flush();
    expect(await rows()).toEqual([
      'getService 4xx 2026-11-27T09:00:00.000Z 1',
      'listCategories 2xx 2026-11-27T09:00:00.000Z 2',
      'listCategories 2xx 2026-11-27T10:00:00.000Z 2',
      'listCategories 429 2026-11-27T09:00:00.000Z 1',
    ]);
  });

  it('error: a failed write keeps its counts for the next flush', async () => {
    const errors: unknown[] = [];
    let down = true;
    const flaky = new Proxy(database.db, {
      get: (target, prop, receiver) =>
        prop === 'execute' && down
          ? () => Promise.reject(new Error('database down'))
          : Reflect.get(target, prop, receiver),
    });
    const meter = new Meter(flaky, (err) => errors.push(err));
    const hour = Date.UTC(2026, 10, 27, 12);
    meter.record(pair, 'listThemes', '2xx', hour);
    await meter.flush();
    expect(errors).toHaveLength(1);
    down = false;
    meter.record(pair, 'listThemes', '2xx', hour + 1);
    await meter.flush();
    expect((await rows()).filter((r) => r.startsWith('listThemes'))).toEqual([
      'listThemes 2xx 2026-11-27T12:00:00.000Z 2',
    ]);
  });

  it('happy: the counters keep room on their pages, so a flush rewrites rows in place (HOT)', async () => {
    const [table] = rowsOf<{ reloptions: string[] | null }>(
      await database.db.execute(sql`select reloptions from pg_class where relname = 'usage_hourly'`),
    );
    expect(table?.reloptions).toContain('fillfactor=50');
  });

  it('happy: counters kept by the hot path are good until the next flush, then fetched anew', async () => {
    const meter = new Meter(database.db, (err) => {
      throw err;
    });
    const kept = appProduct('5d1f2c3b-0a9e-4c8d-b7e6-f5a4c3b2a190', 'catalog');
    const count = async () =>
      rowsOf<{ calls: number }>(
        await database.db.execute(sql`select coalesce(sum(calls), 0)::int as calls from usage_hourly
          where app_id = ${kept.appId}`),
      )[0]!.calls;
    const operations = meter.operationsOf(kept);
    const batch = meter.batch;
    meter.recordIn(operations, kept, 'listThemes', '2xx');
    meter.recordIn(operations, kept, 'listThemes', '2xx');
    await meter.flush();
    expect(await count()).toBe(2);
    expect(meter.batch).not.toBe(batch);
    // The hot path sees the batch changed and asks again: the old counters are never written twice.
    meter.recordIn(meter.operationsOf(kept), kept, 'listThemes', '2xx');
    await meter.flush();
    expect(await count()).toBe(3);
  });

  it('happy: the counters of one operation, kept by the hot path, count on into a new hour', async () => {
    const meter = new Meter(database.db, (err) => {
      throw err;
    });
    const kept = appProduct('7a2e4c6b-1d3f-4e5a-9b8c-0d1e2f3a4b5c', 'catalog');
    const hour = Date.UTC(2026, 10, 27, 15);
    const slot = meter.recordIn(meter.operationsOf(kept), kept, 'getService', '2xx', hour + 1);
    meter.recordInSlot(slot, '2xx', hour + 2);
    meter.recordInSlot(slot, '4xx', hour + HOUR + 1);
    await meter.flush();
    expect((await rows()).filter((r) => r.startsWith('getService') && !r.includes('T09:'))).toEqual([
      'getService 2xx 2026-11-27T15:00:00.000Z 2',
      'getService 4xx 2026-11-27T16:00:00.000Z 1',
    ]);
  });
});
