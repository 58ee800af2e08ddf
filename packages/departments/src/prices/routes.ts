import type { FastifyInstance } from 'fastify';
import { CATEGORIES, type CategoryCode, COMMODITIES, MARKETS, quote } from './dataset.js';

interface PricesQuery {
  date?: string;
  market?: string;
  category?: string;
  commodity?: string;
}

const DAY_MS = 86_400_000;
/** How far back the monitoring system keeps daily prices. */
const HISTORY_DAYS = 365;

/** Today in Asia/Shanghai (UTC+8 all year, no daylight saving time), as YYYY-MM-DD. */
export function todayInShanghai(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

const marketByCode = new Map(MARKETS.map((m) => [m.code, m]));
const commodityByCode = new Map(COMMODITIES.map((c) => [c.code, c]));

/**
 * The sandbox 发改 price-monitoring service: daily prices of food and farm produce at
 * Xiamen's markets, in the department's own snake_case format and `{ errcode, errmsg }` errors.
 */
export async function pricesRoutes(app: FastifyInstance) {
  app.get<{ Querystring: PricesQuery }>('/price-monitoring/v1/prices', async (request, reply) => {
    const { market, category, commodity } = request.query;
    const today = todayInShanghai();
    const date = request.query.date ?? today;
    if (typeof date !== 'string' || !isCalendarDate(date)) {
      return reply.code(400).send({ errcode: 'INVALID_DATE', errmsg: '日期格式应为 YYYY-MM-DD' });
    }
    const daysBack = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / DAY_MS;
    if (daysBack < 0 || daysBack > HISTORY_DAYS) {
      return reply
        .code(400)
        .send({ errcode: 'INVALID_DATE', errmsg: `只能查询今天及此前 ${HISTORY_DAYS} 天内的价格` });
    }
    if (market !== undefined && !marketByCode.has(market)) {
      return reply.code(400).send({ errcode: 'UNKNOWN_MARKET', errmsg: '未知的监测市场编码' });
    }
    if (category !== undefined && !Object.hasOwn(CATEGORIES, category)) {
      return reply.code(400).send({ errcode: 'UNKNOWN_CATEGORY', errmsg: '未知的商品类别' });
    }
    if (commodity !== undefined && !commodityByCode.has(commodity)) {
      return reply.code(400).send({ errcode: 'UNKNOWN_COMMODITY', errmsg: '未知的监测商品编码' });
    }

    const markets = market === undefined ? MARKETS : [marketByCode.get(market)!];
    const commodities = COMMODITIES.filter(
      (c) =>
        (commodity === undefined || c.code === commodity) &&
        (category === undefined || c.category === (category as CategoryCode)),
    );
    const items = markets.flatMap((m) =>
      commodities.map((c) => ({
        market_code: m.code,
        market_name: m.name,
        district_code: m.districtCode,
        commodity_code: c.code,
        commodity_name: c.name,
        category: c.category,
        unit: c.unit,
        ...quote(date, m, c),
      })),
    );
    return { date, items };
  });
}
