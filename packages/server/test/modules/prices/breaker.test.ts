import type { RequestListener } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { priceMonitoringConnector } from '../../../src/modules/prices/connector.js';
import { fakeDepartment, problemOf } from '../../helpers/fake-department.js';
import { testApp } from '../../helpers/test-app.js';
import { responseValidator } from '../../platform/contract/response-validator.js';

const PRICES = JSON.stringify({
  date: '2026-01-15',
  items: [
    {
      market_code: 'xm-market-jimei',
      market_name: '集美农贸市场',
      district_code: '350211',
      commodity_code: 'oyster',
      commodity_name: '海蛎',
      category: 'seafood',
      unit: '元/500克',
      price: 12.5,
      change: 0.3,
    },
  ],
});

const answers = {
  ok: [200, PRICES],
  failing: [500, '{"errcode":"SYSTEM_ERROR","errmsg":"系统繁忙"}'],
  rejecting: [400, '{"errcode":"UNKNOWN_MARKET","errmsg":"市场不存在"}'],
} as const;

/** A real HTTP department whose answer the test switches, counting the requests that reach it. */
async function department() {
  const state = { answer: answers.ok as (typeof answers)[keyof typeof answers], delayMs: 0, requests: 0 };
  const handler: RequestListener = (_req, res) => {
    state.requests++;
    setTimeout(() => {
      res.writeHead(state.answer[0], { 'content-type': 'application/json' });
      res.end(state.answer[1]);
    }, state.delayMs);
  };
  return Object.assign(state, await fakeDepartment(handler));
}

describe('price-monitoring circuit breaker', () => {
  let dept: Awaited<ReturnType<typeof department>>;
  let connector: ReturnType<typeof priceMonitoringConnector>;
  // Only Date is faked: the breaker's pause is timed with it, while sockets and deadlines run for real.
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    dept = await department();
    connector = priceMonitoringConnector({ baseUrl: dept.baseUrl, breaker: { failures: 3 } });
  });
  afterEach(async () => {
    vi.useRealTimers();
    connector.close();
    await dept.close();
  });
  const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);

  async function open() {
    dept.answer = answers.failing;
    for (let i = 0; i < 3; i++) {
      const error = await problemOf(connector.prices({}));
      expect(error.code).toBe('upstream_unavailable');
      expect(error.detail).toMatch(/answered with HTTP 500/);
      expect(error.headers['retry-after']).toBe('1');
    }
    expect(dept.requests).toBe(3);
  }

  it('error: after N failures in a row calls fail at once, without reaching the department, until the pause ends', async () => {
    await open();
    const error = await problemOf(connector.prices({}));
    expect(error.code).toBe('upstream_unavailable');
    expect(error.detail).toBe('The price-monitoring system is failing; calls are paused for 10 s.');
    expect(error.headers['retry-after']).toBe('10');

    advance(4_500);
    const later = await problemOf(connector.prices({}));
    expect(later.headers['retry-after']).toBe('6');
    expect(later.detail).toMatch(/paused for 6 s/);
    advance(5_400);
    expect((await problemOf(connector.prices({}))).headers['retry-after']).toBe('1');
    expect(dept.requests).toBe(3);
  });

  it('happy: after the pause one trial call goes through, and a recovered department closes the breaker', async () => {
    await open();
    dept.answer = answers.ok;
    advance(10_000);
    expect((await connector.prices({})).items).toHaveLength(1);
    expect(dept.requests).toBe(4);
    for (let i = 0; i < 3; i++) await connector.prices({});
    expect(dept.requests).toBe(7);

    // Closed again, the count starts afresh: two failures do not reopen it.
    dept.answer = answers.failing;
    for (let i = 0; i < 2; i++) await problemOf(connector.prices({}));
    dept.answer = answers.ok;
    await connector.prices({});
    expect(dept.requests).toBe(10);
  });

  it('error: a failed trial call pauses calls again, and calls made during the trial wait for it', async () => {
    await open();
    dept.delayMs = 100;
    advance(10_000);
    const errors = await Promise.all([1, 2, 3].map(() => problemOf(connector.prices({}))));
    expect(dept.requests).toBe(4);
    expect(errors.map((e) => e.code)).toEqual(Array(3).fill('upstream_unavailable'));
    expect(errors[0]?.detail).toMatch(/answered with HTTP 500/);
    expect(errors.slice(1).map((e) => e.headers['retry-after'])).toEqual(['10', '10']);
  });

  it('error: department 400s are the caller’s validation_failed and never open the breaker', async () => {
    dept.answer = answers.rejecting;
    for (let i = 0; i < 10; i++) {
      expect((await problemOf(connector.prices({ market: 'xm-market-99' }))).code).toBe('validation_failed');
    }
    expect(dept.requests).toBe(10);

    // An answer, even a 400, shows the department is up: it resets the count of failures in a row.
    const { failing, rejecting } = answers;
    for (const answer of [failing, failing, rejecting, failing, failing]) {
      dept.answer = answer;
      await problemOf(connector.prices({}));
    }
    dept.answer = answers.ok;
    await connector.prices({});
    expect(dept.requests).toBe(16);
  });
});

describe('GET /v1/prices with a failing department', () => {
  it('error: after 5 failures the API answers 503 at once with the seconds until the trial', async () => {
    const dept = await department();
    dept.answer = answers.failing;
    const t = await testApp({ config: { DEPARTMENTS_URL: dept.baseUrl } });
    const validate = responseValidator(openapiDocument);
    try {
      for (let i = 0; i < 5; i++) {
        const res = await t.call({ method: 'GET', url: '/v1/prices' });
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('1');
      }
      const res = await t.call({ method: 'GET', url: '/v1/prices' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('10');
      const body = res.json();
      expect(body).toMatchObject({
        status: 503,
        code: 'upstream_unavailable',
        detail: 'The price-monitoring system is failing; calls are paused for 10 s.',
      });
      expect(validate('listFoodPrices', 503, String(res.headers['content-type']), body)).toEqual([]);
      expect(dept.requests).toBe(5);
    } finally {
      await t.close();
      await dept.close();
    }
  });
});
