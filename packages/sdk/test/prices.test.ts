import { afterEach, describe, expect, it } from 'vitest';
import { type FoodPriceList, InternalServerError, IXiamen, ValidationError } from '../src/index.js';
import { fakeServer, json, problem } from './fake-server.js';

const list: FoodPriceList = {
  date: '2026-01-15',
  data: [
    {
      market: { code: 'xm-market-08', name: '第八市场', district: '350203' },
      commodity: { code: 'oyster', name: '海蛎', category: 'seafood', unit: '元/500克' },
      price: 13.46,
      change: -0.19,
    },
  ],
};

let server: Awaited<ReturnType<typeof fakeServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('client.prices', () => {
  it('happy: sends the filters as the query and returns the typed list', async () => {
    server = await fakeServer((_req, res) => json(res, list));
    const client = new IXiamen({ baseUrl: server.baseUrl, apiKey: 'ixm_test_abc' });
    const prices = await client.prices.listFoodPrices({
      date: '2026-01-15',
      market: 'xm-market-08',
      category: 'seafood',
      commodity: 'oyster',
    });
    expect(prices).toEqual(list);
    expect(prices.data[0]?.commodity.unit).toBe('元/500克');
    const seen = new URL(server.seen[0]!.url, server.baseUrl);
    expect(seen.pathname).toBe('/v1/prices');
    expect(Object.fromEntries(seen.searchParams)).toEqual({
      date: '2026-01-15',
      market: 'xm-market-08',
      category: 'seafood',
      commodity: 'oyster',
    });
    expect(server.seen[0]?.headers['x-api-key']).toBe('ixm_test_abc');
  });

  it('happy: without filters it asks for today’s prices and sends no query', async () => {
    server = await fakeServer((_req, res) => json(res, list));
    await new IXiamen({ baseUrl: server.baseUrl }).prices.listFoodPrices();
    expect(server.seen[0]?.url).toBe('/v1/prices');
  });

  it('happy: a department that is briefly unavailable is retried after Retry-After', async () => {
    server = await fakeServer((_req, res, n) =>
      n === 1 ? problem(res, 503, 'upstream_unavailable', { 'retry-after': '0' }) : json(res, list),
    );
    await expect(new IXiamen({ baseUrl: server.baseUrl }).prices.listFoodPrices()).resolves.toEqual(list);
    expect(server.seen).toHaveLength(2);
  });

  it('error: upstream_unavailable past the retries is a typed error with its code', async () => {
    server = await fakeServer((_req, res) =>
      problem(res, 503, 'upstream_unavailable', { 'retry-after': '0' }),
    );
    const client = new IXiamen({ baseUrl: server.baseUrl, maxRetries: 1 });
    const error = await client.prices.listFoodPrices().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 503, code: 'upstream_unavailable', requestId: 'req_fake' });
  });

  it('error: a validation_failed is thrown at once as a ValidationError', async () => {
    server = await fakeServer((_req, res) => problem(res, 400, 'validation_failed'));
    const error = await new IXiamen({ baseUrl: server.baseUrl }).prices
      .listFoodPrices({ date: '1999-01-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(server.seen).toHaveLength(1);
  });
});
