import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDepartmentsApp } from '../src/app.js';
import { createPopulation } from '../src/population/population.js';
import { COMMODITIES, MARKETS } from '../src/prices/dataset.js';
import { todayInShanghai } from '../src/prices/routes.js';

let app: Awaited<ReturnType<typeof buildDepartmentsApp>>;
beforeAll(async () => {
  app = await buildDepartmentsApp({ population: createPopulation(10) });
});
afterAll(() => app.close());

const daysAgo = (n: number) => todayInShanghai(Date.now() - n * 86_400_000);
const get = (query: string) => app.inject({ method: 'GET', url: `/price-monitoring/v1/prices${query}` });

describe('GET /price-monitoring/v1/prices', () => {
  it('happy: every market × commodity of today, in the department’s snake_case format', async () => {
    const res = await get('');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.date).toBe(todayInShanghai());
    expect(body.items).toHaveLength(MARKETS.length * COMMODITIES.length);
    expect(body.items[0]).toEqual({
      market_code: 'xm-market-08',
      market_name: '第八市场',
      district_code: '350203',
      commodity_code: 'japonica-rice',
      commodity_name: '粳米',
      category: 'grain-oil',
      unit: '元/500克',
      price: expect.any(Number),
      change: expect.any(Number),
    });
    for (const item of body.items) {
      expect(item.price).toBeGreaterThan(0);
      expect(Math.round(item.price * 100) / 100).toBe(item.price);
      expect(Math.round(item.change * 100) / 100).toBe(item.change);
    }
  });

  it('happy: prices stay near the base price and change is the difference to the day before', async () => {
    const date = daysAgo(3);
    const [today, before] = await Promise.all([
      get(`?date=${date}&commodity=beef`),
      get(`?date=${daysAgo(4)}&commodity=beef`),
    ]);
    const now = today.json().items as { market_code: string; price: number; change: number }[];
    const then = before.json().items as { market_code: string; price: number }[];
    expect(now).toHaveLength(MARKETS.length);
    for (const [i, item] of now.entries()) {
      expect(item.price).toBeGreaterThan(42 * 0.85);
      expect(item.price).toBeLessThan(42 * 1.15);
      expect(item.change).toBeCloseTo(item.price - then[i]!.price, 2);
    }
  });

  it('happy: filters by market, category and commodity', async () => {
    const market = (await get('?market=xm-market-huli&category=seafood')).json();
    expect(market.items.length).toBe(COMMODITIES.filter((c) => c.category === 'seafood').length);
    expect(new Set(market.items.map((i: { market_code: string }) => i.market_code))).toEqual(
      new Set(['xm-market-huli']),
    );
    expect(market.items.every((i: { category: string }) => i.category === 'seafood')).toBe(true);
    const one = (await get('?market=xm-market-jimei&commodity=oyster')).json();
    expect(one.items).toHaveLength(1);
    expect(one.items[0]).toMatchObject({ district_code: '350211', commodity_name: '海蛎' });
    const none = (await get('?category=fruit&commodity=oyster')).json();
    expect(none.items).toEqual([]);
  });

  it('happy: deterministic, the same answer twice, and different dates differ', async () => {
    const date = daysAgo(10);
    const first = await get(`?date=${date}`);
    const again = await get(`?date=${date}`);
    expect(again.json()).toEqual(first.json());
    const other = await get(`?date=${daysAgo(11)}`);
    const prices = (r: typeof first) => r.json().items.map((i: { price: number }) => i.price);
    expect(prices(other)).not.toEqual(prices(first));
  });

  it('happy: the oldest day kept is 365 days back', async () => {
    expect((await get(`?date=${daysAgo(365)}`)).statusCode).toBe(200);
  });

  it('error: a malformed, impossible, too old or future date is a 400 INVALID_DATE', async () => {
    for (const date of ['2025-1-1', '2025-02-30', 'yesterday', daysAgo(366), daysAgo(-1)]) {
      const res = await get(`?date=${encodeURIComponent(date)}`);
      expect(res.statusCode, date).toBe(400);
      expect(res.json(), date).toEqual({ errcode: 'INVALID_DATE', errmsg: expect.any(String) });
    }
  });

  it('error: an unknown market, category or commodity is a 400 with its own errcode', async () => {
    const cases = [
      ['market=xm-market-99', 'UNKNOWN_MARKET'],
      ['category=sweets', 'UNKNOWN_CATEGORY'],
      ['category=toString', 'UNKNOWN_CATEGORY'],
      ['commodity=caviar', 'UNKNOWN_COMMODITY'],
    ] as const;
    for (const [query, errcode] of cases) {
      const res = await get(`?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().errcode, query).toBe(errcode);
    }
  });
});
