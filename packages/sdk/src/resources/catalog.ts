import type { HttpClient, RequestOptions } from '../core/http-client.js';
import type { QueryOf, ResponseOf } from '../types.js';

type ServiceFilters = Omit<QueryOf<'listServices'>, 'cursor'>;
type OrganisationFilters = Omit<QueryOf<'listOrganisations'>, 'cursor'>;
type PolicyFilters = Omit<QueryOf<'listPolicies'>, 'cursor'>;

/** The life-cycle service catalogue, its organisations and policies (tag `catalog`). */
export class Catalog {
  constructor(private readonly http: HttpClient) {}

  /** The six life-cycle categories with their service counts. */
  listCategories(options?: RequestOptions): Promise<ResponseOf<'listCategories'>> {
    return this.http.request('GET', '/v1/categories', { options });
  }

  /** The national life-cycle themes with their service counts. */
  listThemes(options?: RequestOptions): Promise<ResponseOf<'listThemes'>> {
    return this.http.request('GET', '/v1/themes', { options });
  }

  /** Services, filtered; await for one page or `for await` over every service. */
  listServices(filters: ServiceFilters = {}, options?: RequestOptions) {
    return this.http.list<ResponseOf<'listServices'>>('/v1/services', filters, options);
  }

  /** The full guide of one service. */
  getService(slug: string, options?: RequestOptions): Promise<ResponseOf<'getService'>> {
    return this.http.request('GET', `/v1/services/${encodeURIComponent(slug)}`, { options });
  }

  listServiceFaqs(slug: string, options?: RequestOptions): Promise<ResponseOf<'listServiceFaqs'>> {
    return this.http.request('GET', `/v1/services/${encodeURIComponent(slug)}/faqs`, { options });
  }

  listOrganisations(filters: OrganisationFilters = {}, options?: RequestOptions) {
    return this.http.list<ResponseOf<'listOrganisations'>>('/v1/organisations', filters, options);
  }

  getOrganisation(code: string, options?: RequestOptions): Promise<ResponseOf<'getOrganisation'>> {
    return this.http.request('GET', `/v1/organisations/${encodeURIComponent(code)}`, { options });
  }

  listPolicies(filters: PolicyFilters = {}, options?: RequestOptions) {
    return this.http.list<ResponseOf<'listPolicies'>>('/v1/policies', filters, options);
  }

  getPolicy(slug: string, options?: RequestOptions): Promise<ResponseOf<'getPolicy'>> {
    return this.http.request('GET', `/v1/policies/${encodeURIComponent(slug)}`, { options });
  }
}
