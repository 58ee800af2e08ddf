import type { HttpClient, RequestOptions } from '../core/http-client.js';
import type { ResponseOf } from '../types.js';

/** Liveness and readiness (tag `system`). */
export class System {
  constructor(private readonly http: HttpClient) {}

  getHealth(options?: RequestOptions): Promise<ResponseOf<'getHealth'>> {
    return this.http.request('GET', '/healthz', { options });
  }

  getReadiness(options?: RequestOptions): Promise<ResponseOf<'getReadiness'>> {
    return this.http.request('GET', '/readyz', { options });
  }
}
