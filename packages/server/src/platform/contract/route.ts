import type { RateLimitOptions } from '@fastify/rate-limit';
import type {
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { operations } from '../../generated/api-types.js';
import type { SecurityRequirement } from './openapi-document.js';
import { type ContractOperation, contract } from './operations.js';

export type OperationId = keyof operations;
type Op<Id extends OperationId> = operations[Id];

type Defined<T> = [Exclude<T, undefined>] extends [never] ? Record<string, never> : Exclude<T, undefined>;
type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type SuccessStatus = 200 | 201 | 202 | 203 | 204;

/** Request and reply types of an operation, read from the types generated from api-spec. */
export interface OperationRoute<Id extends OperationId> extends RouteGenericInterface {
  Params: Defined<Op<Id>['parameters']['path']>;
  Querystring: Defined<Op<Id>['parameters']['query']>;
  Headers: Defined<Op<Id>['parameters']['header']>;
  Body: Op<Id> extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
  Reply: {
    [S in keyof Op<Id>['responses']]: S extends SuccessStatus ? JsonContent<Op<Id>['responses'][S]> : never;
  }[keyof Op<Id>['responses']];
}

export type OperationHandler<Id extends OperationId> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  OperationRoute<Id>
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    operationId?: string;
    security?: SecurityRequirement[];
  }
}

export interface OperationOptions {
  /** A limit per client IP, one of `app.ipLimits`. */
  rateLimit?: RateLimitOptions;
  /** The contract to read the operation from; api-spec's unless a test passes another. */
  from?: ReadonlyMap<string, ContractOperation>;
}

/**
 * Registers the handler of one contract operation: method, path and schemas come from
 * api-spec, so a route cannot drift from what the spec says.
 */
export function operation<Id extends OperationId>(
  app: FastifyInstance,
  id: Id,
  handler: OperationHandler<Id>,
  { rateLimit, from = contract }: OperationOptions = {},
) {
  const op = from.get(id);
  if (!op) throw new Error(`Operation ${id} is not in api-spec.`);
  app.route<OperationRoute<Id>>({
    method: op.method,
    url: op.url,
    schema: op.schema,
    config: { operationId: op.operationId, security: op.security, ...(rateLimit ? { rateLimit } : {}) },
    handler,
  });
}
