import { buildDepartmentsApp, createPopulation } from '@ixiamen/departments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { priceMonitoringConnector } from '../../../src/modules/prices/connector.js';
import { freePort } from '../../../src/testing.js';
import { fakeDepartment, problemOf } from '../../helpers/fake-department.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import { responseValidator } from '../../platform/contract/response-validator.js';

type Department = Awaited<ReturnType<typeof buildDepartmentsApp>>;

let department: Department;
let t: TestApp;
let connections = 0;
let requests = 0;
beforeAll(async () => {
  department = await buildDepartmentsApp({ population: createPopulation(10) });
  const port = await freePort();
  await department.listen({ port, host: '127.0.0.1' });
  department.server.on('connection', () => connections++);
  department.server.on('request', () => requests++);
  t = await testApp({ config: { DEPARTMENTS_URL: `http://127.0.0.1:${port}` } });
});
afterAll(async () => {
  await t.close();
  await department.close();
});

const todayInShanghai = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const daysAgo = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
const fromDepartment = async (query: string) =>
  (await department.inject({ method: 'GET', url: `/price-monitoring/v1/prices?${query}` })).json();
const validate = responseValidator(openapiDocument);

describe('GET /v1/prices', () => {
  it('happy: maps the department’s rows to the contract’s shape, one for one', async () => {
    const date = daysAgo(5);
    const res = await t.call({ method: 'GET', url: `/v1/prices?date=${date}&market=xm-market-jimei` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-request-id']).toBeTruthy();
    const body = res.json();
    expect(validate('listFoodPrices', 200, String(res.headers['content-type']), body)).toEqual([]);

    const source = await fromDepartment(`date=${date}&market=xm-market-jimei`);
    expect(body.date).toBe(date);
    expect(body.data).toHaveLength(source.items.length);
    const oyster = body.data.find((p: { commodity: { code: string } }) => p.commodity.code === 'oyster');
    const raw = source.items.find((i: { commodity_code: string }) => i.commodity_code === 'oyster');
    expect(oyster).toEqual({
      market: { code: 'xm-market-jimei', name: '集美农贸市场', district: '350211' },
      commodity: { code: 'oyster', name: '海蛎', category: 'seafood', unit: '元/500克' },
      price: raw.price,
      change: raw.change,
    });
  });

  it('happy: without a date it is today in Asia/Shanghai, every market and commodity', async () => {
    const res = await t.call({ method: 'GET', url: '/v1/prices' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.date).toBe(todayInShanghai());
    expect(body.data).toHaveLength((await fromDepartment('')).items.length);
    expect(new Set(body.data.map((p: { market: { code: string } }) => p.market.code)).size).toBe(8);
  });

  it('happy: filters by category and commodity reach the department', async () => {
    const seafood = (await t.call({ method: 'GET', url: '/v1/prices?category=seafood' })).json();
    expect(seafood.data.length).toBeGreaterThan(0);
    expect(
      seafood.data.every((p: { commodity: { category: string } }) => p.commodity.category === 'seafood'),
    ).toBe(true);
    const beef = (
      await t.call({ method: 'GET', url: '/v1/prices?commodity=beef&market=xm-market-08' })
    ).json();
    expect(beef.data).toHaveLength(1);
    expect(beef.data[0].commodity.name).toBe('牛肉');
    const none = (await t.call({ method: 'GET', url: '/v1/prices?category=fruit&commodity=beef' })).json();
    expect(none.data).toEqual([]);
  });

  it('happy: calls reuse a kept-alive connection to the department', async () => {
    await t.call({ method: 'GET', url: '/v1/prices?commodity=eggs' });
    const before = connections;
    for (let i = 0; i < 5; i++) await t.call({ method: 'GET', url: '/v1/prices?commodity=eggs' });
    expect(connections - before).toBe(0);
  });

  it('error: a malformed date or category fails validation before the department is asked', async () => {
    const before = requests;
    for (const query of ['date=2026-13-01', 'date=yesterday', 'category=sweets', 'market=Bad_Market']) {
      const res = await t.call({ method: 'GET', url: `/v1/prices?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code, query).toBe('validation_failed');
    }
    expect(requests).toBe(before);
  });

  it('error: the department’s own 400s become validation_failed naming the input', async () => {
    const cases = [
      [`date=${daysAgo(400)}`, 'querystring/date'],
      [`date=${daysAgo(-2)}`, 'querystring/date'],
      ['market=xm-market-99', 'querystring/market'],
      ['commodity=caviar', 'querystring/commodity'],
    ] as const;
    for (const [query, location] of cases) {
      const res = await t.call({ method: 'GET', url: `/v1/prices?${query}` });
      expect(res.statusCode, query).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ status: 400, code: 'validation_failed', instance: '/v1/prices' });
      expect(body.errors).toEqual([{ location, message: expect.any(String) }]);
      expect(validate('listFoodPrices', 400, String(res.headers['content-type']), body)).toEqual([]);
    }
  });

  it('security: without credentials it is a 401, and the department is not asked', async () => {
    const before = requests;
    const res = await t.app.inject({ method: 'GET', url: '/v1/prices' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_token');
    expect(requests).toBe(before);
  });

  // Last: it stops the department.
  it('error: a department that is down is upstream_unavailable at once, never a 500', async () => {
    await department.close();
    const res = await t.call({ method: 'GET', url: '/v1/prices?commodity=beef' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    const body = res.json();
    // Refused at once, not left to run into the deadline.
    expect(body).toMatchObject({
      status: 503,
      code: 'upstream_unavailable',
      detail: 'The price-monitoring system could not be reached.',
    });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/);
    expect(validate('listFoodPrices', 503, String(res.headers['content-type']), body)).toEqual([]);
  });
});

describe('price-monitoring connector', () => {
  it('error: a department that never answers times out as upstream_unavailable', async () => {
    const fake = await fakeDepartment(() => {});
    const connector = priceMonitoringConnector({ baseUrl: fake.baseUrl, timeoutMs: 150 });
    const error = await problemOf(connector.prices({}));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.detail).toBe('The price-monitoring system did not answer within 0.15 s.');
    await fake.close();
  });

  it('error: a body that stalls half way times out too', async () => {
    const fake = await fakeDepartment((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"date":"2026-01-15","items":[');
    });
    const connector = priceMonitoringConnector({ baseUrl: fake.baseUrl, timeoutMs: 150 });
    expect((await problemOf(connector.prices({}))).detail).toMatch(/did not answer within/);
    await fake.close();
  });

  it('error: 5xx, unexpected statuses and unreadable answers are upstream_unavailable', async () => {
    const answers: [number, string][] = [
      [500, '{"errcode":"SYSTEM_ERROR","errmsg":"系统繁忙"}'],
      [404, 'not found'],
      [200, 'not json'],
      [200, '{"date":"2026-01-15","items":[{"market_code":"x"}]}'],
    ];
    for (const [status, text] of answers) {
      const fake = await fakeDepartment((_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(text);
      });
      const error = await problemOf(priceMonitoringConnector({ baseUrl: fake.baseUrl }).prices({}));
      expect(error.code, `${status} ${text}`).toBe('upstream_unavailable');
      expect(error.headers['retry-after']).toBe('1');
      await fake.close();
    }
  });

  it('error: an answer over 4 MiB is upstream_unavailable, with or without a content-length', async () => {
    const row = `{"market_code":"x","market_name":"${'市'.repeat(1_000)}"},`;
    const huge = `{"date":"2026-01-15","items":[${row.repeat(1_500)}{}]}`;
    for (const declared of [true, false]) {
      const fake = await fakeDepartment((_req, res) => {
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(declared ? { 'content-length': Buffer.byteLength(huge) } : {}),
        });
        res.end(huge);
      });
      const error = await problemOf(priceMonitoringConnector({ baseUrl: fake.baseUrl }).prices({}));
      expect(error.code, `content-length ${declared}`).toBe('upstream_unavailable');
      expect(error.detail).toMatch(/over 4 MiB/);
      await fake.close();
    }
  });

  it('error: an unknown department errcode on a 400 is still the caller’s validation_failed', async () => {
    const fake = await fakeDepartment((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"errcode":"toString","errmsg":"?"}');
    });
    const error = await problemOf(priceMonitoringConnector({ baseUrl: fake.baseUrl }).prices({}));
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([{ location: 'querystring', message: expect.any(String) }]);
    await fake.close();
  });

  it('happy: a call whose connection the department reset goes again once, on a fresh connection', async () => {
    let calls = 0;
    const fake = await fakeDepartment((_req, res) => {
      // The first call dies with its connection, as when a kept-alive socket is closed under it.
      if (calls++ === 0) return res.socket?.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"date":"2026-01-15","items":[]}');
    });
    const answer = await priceMonitoringConnector({ baseUrl: fake.baseUrl }).prices({});
    expect(answer).toEqual({ date: '2026-01-15', items: [] });
    expect(calls).toBe(2);
    await fake.close();
  });

  it('error: a department that resets every connection is upstream_unavailable after one retry, and 5xx are not retried', async () => {
    let resets = 0;
    const resetting = await fakeDepartment((_req, res) => {
      resets++;
      res.socket?.destroy();
    });
    expect((await problemOf(priceMonitoringConnector({ baseUrl: resetting.baseUrl }).prices({}))).code).toBe(
      'upstream_unavailable',
    );
    expect(resets).toBe(2);
    await resetting.close();

    let failures = 0;
    const failing = await fakeDepartment((_req, res) => {
      failures++;
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"errcode":"BUSY"}');
    });
    expect((await problemOf(priceMonitoringConnector({ baseUrl: failing.baseUrl }).prices({}))).code).toBe(
      'upstream_unavailable',
    );
    expect(failures).toBe(1);
    await failing.close();
  });

  it('happy: close aborts a call in flight and later calls fail fast', async () => {
    const fake = await fakeDepartment(() => {});
    const connector = priceMonitoringConnector({ baseUrl: fake.baseUrl });
    const pending = problemOf(connector.prices({}));
    setTimeout(() => connector.close(), 20);
    expect((await pending).code).toBe('upstream_unavailable');
    expect((await problemOf(connector.prices({}))).code).toBe('upstream_unavailable');
    await fake.close();
  });
});
