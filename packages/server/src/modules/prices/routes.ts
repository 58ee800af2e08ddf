import type { FastifyInstance } from 'fastify';
import { type OperationRoute, operation } from '../../platform/contract/route.js';
import { type DepartmentPrices, priceMonitoringConnector } from './connector.js';

type FoodPriceList = OperationRoute<'listFoodPrices'>['Reply'];
type Category = FoodPriceList['data'][number]['commodity']['category'];

export interface PricesRoutesOptions {
  /** Base URL of the department systems (`DEPARTMENTS_URL`). */
  departmentsUrl: string;
  /** Deadline of one call to the department; 2 s by default. */
  timeoutMs?: number;
}

/** The department's snake_case rows in the contract's shape. */
export function toFoodPriceList(answer: DepartmentPrices): FoodPriceList {
  return {
    date: answer.date,
    data: answer.items.map((item) => ({
      market: { code: item.market_code, name: item.market_name, district: item.district_code },
      commodity: {
        code: item.commodity_code,
        name: item.commodity_name,
        category: item.category as Category,
        unit: item.unit,
      },
      price: item.price,
      change: item.change,
    })),
  };
}

/** 民生价格: food and farm prices, read live from the 发改 price-monitoring system on each call. */
export async function pricesRoutes(app: FastifyInstance, opts: PricesRoutesOptions) {
  const connector = priceMonitoringConnector({ baseUrl: opts.departmentsUrl, timeoutMs: opts.timeoutMs });
  app.addHook('onClose', async () => connector.close());

  operation(app, 'listFoodPrices', async (request) => {
    const { date, market, category, commodity } = request.query;
    return toFoodPriceList(await connector.prices({ date, market, category, commodity }));
  });
}
