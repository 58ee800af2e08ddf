import type { FastifySchema, HTTPMethods } from 'fastify';
import { openapiDocument } from '../../generated/openapi.js';
import type {
  JsonSchema,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  SecurityRequirement,
} from './openapi-document.js';
import { STORABLE_TEXT } from './storable-text.js';

export interface ContractOperation {
  operationId: string;
  method: HTTPMethods;
  /** The OpenAPI path, e.g. /v1/services/{slug}. */
  path: string;
  /** The same path in Fastify's syntax, e.g. /v1/services/:slug. */
  url: string;
  security: SecurityRequirement[];
  schema: FastifySchema;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
// OpenAPI annotations that are not JSON Schema keywords; the validator must not see them.
const OPENAPI_ONLY = new Set(['example', 'xml', 'externalDocs', 'discriminator']);

function jsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonSchema);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !OPENAPI_ONLY.has(key))
      .map(([key, v]) => [key, jsonSchema(v)]),
  );
}

/**
 * What the validator checks beyond a schema of the spec, so input it passes can be computed with
 * and stored: every string storable, and every number finite. Ajv's coercion turns a string such
 * as "1e309" into Infinity without the finiteness check of its `type`, and then skips minimum and
 * maximum for it (ajv#2212); a subschema of the same type judges the coerced value again.
 */
function guarded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(guarded);
  if (value === null || typeof value !== 'object') return value;
  const schema = Object.fromEntries(Object.entries(value).map(([key, v]) => [key, guarded(v)]));
  const types: unknown[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  const checks: JsonSchema[] = [];
  if (types.includes('integer') || types.includes('number')) checks.push({ type: schema.type });
  if (types.includes('string')) checks.push({ pattern: STORABLE_TEXT });
  if (checks.length === 0) return schema;
  return { ...schema, allOf: [...((schema.allOf as unknown[] | undefined) ?? []), ...checks] };
}

/** A schema of the spec as the request validator judges input by it. */
const requestSchema = (value: unknown) => guarded(jsonSchema(value));

function parameterObject(params: OpenApiParameter[], rejectUnknown: boolean): JsonSchema | undefined {
  if (params.length === 0 && !rejectUnknown) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, requestSchema(p.schema ?? {})])),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: !rejectUnknown,
  };
}

function routeSchema(op: OpenApiOperation): FastifySchema {
  const params = op.parameters ?? [];
  const by = (place: OpenApiParameter['in']) => params.filter((p) => p.in === place);
  const schema: FastifySchema = {};
  const path = parameterObject(by('path'), false);
  if (path) schema.params = path;
  // Like Stripe, an unknown query parameter is an error, not something silently ignored, except
  // where a standard says to ignore them (RFC 6749's authorization endpoint).
  schema.querystring = parameterObject(by('query'), op['x-allow-unknown-query'] !== true);
  const headers = by('header').map((p) => ({ ...p, name: p.name.toLowerCase() }));
  const headerSchema = parameterObject(headers, false);
  if (headerSchema) schema.headers = headerSchema;
  const body = op.requestBody?.content['application/json']?.schema;
  if (body) schema.body = requestSchema(body);
  // Success bodies are serialized by their schema; problems go through the error handler.
  const response: Record<string, unknown> = {};
  for (const [status, res] of Object.entries(op.responses)) {
    const media = res.content?.['application/json']?.schema;
    if (status.startsWith('2') && media) response[status] = jsonSchema(media);
  }
  schema.response = response;
  return schema;
}

/** Every operation of a contract, keyed by operationId. */
export function contractOperations(doc: OpenApiDocument): Map<string, ContractOperation> {
  const ops = new Map<string, ContractOperation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperation | undefined;
      if (!op) continue;
      ops.set(op.operationId, {
        operationId: op.operationId,
        method: method.toUpperCase() as HTTPMethods,
        path,
        url: path.replace(/\{([^}]+)\}/g, ':$1'),
        security: op.security ?? doc.security ?? [],
        schema: routeSchema(op),
      });
    }
  }
  return ops;
}

export const contract = contractOperations(openapiDocument);
