import type { components, operations } from './generated/api-types.js';

type Op = operations;

/** The JSON body an operation answers with on success. */
export type ResponseOf<Id extends keyof Op> = Op[Id]['responses'] extends {
  200: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters of an operation. */
export type QueryOf<Id extends keyof Op> = Op[Id]['parameters'] extends { query?: infer Q }
  ? NonNullable<Q>
  : never;

export type Category = components['schemas']['Category'];
export type Theme = components['schemas']['Theme'];
export type ServiceSummary = components['schemas']['ServiceSummary'];
export type ServiceDetail = components['schemas']['ServiceDetail'];
export type Faq = components['schemas']['Faq'];
export type Organisation = components['schemas']['Organisation'];
export type PolicySummary = components['schemas']['PolicySummary'];
export type PolicyDetail = components['schemas']['PolicyDetail'];
export type SearchResults = components['schemas']['SearchResults'];
export type SearchHit = components['schemas']['SearchHit'];
export type FoodPrice = components['schemas']['FoodPrice'];
export type FoodPriceList = components['schemas']['FoodPriceList'];
export type Action = components['schemas']['Action'];
export type CategoryList = components['schemas']['CategoryList'];
export type Health = components['schemas']['Health'];
export type Readiness = components['schemas']['Readiness'];
export type { components, operations, paths } from './generated/api-types.js';
export type { ErrorCode } from './generated/error-codes.js';
