import type { components, operations } from './generated/api-types.js';

type Op = operations;

/** The JSON body an operation answers with on success. */
export type ResponseOf<Id extends keyof Op> = Op[Id]['responses'] extends {
  200: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Category = components['schemas']['Category'];
export type CategoryList = components['schemas']['CategoryList'];
export type Health = components['schemas']['Health'];
export type Readiness = components['schemas']['Readiness'];
export type { components, operations, paths } from './generated/api-types.js';
export type { ErrorCode } from './generated/error-codes.js';
