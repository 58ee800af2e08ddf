import type { HttpClient, RequestOptions } from '../core/http-client.js';
import type { QueryOf, ResponseOf } from '../types.js';

/** 民生价格: food and farm prices, read live from Xiamen's price monitoring (tag `prices`). */
export class Prices {
  constructor(private readonly http: HttpClient) {}

  /**
   * One day's prices (today, Asia/Shanghai, by default) by market and commodity, each with its
   * change against the day before. Filter by `market`, `category` or `commodity`.
   */
  listFoodPrices(
    filters: QueryOf<'listFoodPrices'> = {},
    options?: RequestOptions,
  ): Promise<ResponseOf<'listFoodPrices'>> {
    return this.http.request('GET', '/v1/prices', { query: { ...filters }, options });
  }
}
