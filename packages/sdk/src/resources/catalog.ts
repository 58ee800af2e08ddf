import type { HttpClient, RequestOptions } from '../core/http-client.js';
import type { ResponseOf } from '../types.js';

/** The life-cycle service catalogue (tag `catalog`). */
export class Catalog {
  constructor(private readonly http: HttpClient) {}

  /** The six life-cycle categories with their service counts. */
  listCategories(options?: RequestOptions): Promise<ResponseOf<'listCategories'>> {
    return this.http.request('GET', '/v1/categories', { options });
  }
}
