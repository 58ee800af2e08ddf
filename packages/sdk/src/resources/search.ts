import type { HttpClient, RequestOptions } from '../core/http-client.js';
import type { QueryOf, ResponseOf } from '../types.js';

/** Classified search over services, policies, FAQs and organisations (tag `search`). */
export class Search {
  constructor(private readonly http: HttpClient) {}

  /** Grouped results; every service hit carries the actions an app can take at once. */
  search(params: QueryOf<'search'>, options?: RequestOptions): Promise<ResponseOf<'search'>> {
    return this.http.request('GET', '/v1/search', { query: { ...params }, options });
  }
}
