import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { OpenApiDocument, OpenApiOperation } from '../../../src/platform/contract/openapi-document.js';

/** Checks a response against what the contract says for that operation and status. */
export function responseValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const byId = new Map<string, OpenApiOperation>();
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item) as OpenApiOperation[])
      if (op?.operationId) byId.set(op.operationId, op);
  }

  return (operationId: string, status: number, contentType: string | undefined, body: unknown): string[] => {
    const op = byId.get(operationId);
    if (!op) return [`${operationId} is not in the contract`];
    const response = op.responses[String(status)];
    if (!response) return [`${operationId} does not declare status ${status}`];
    if (!response.content)
      return body === '' || body === undefined ? [] : [`${operationId} ${status} declares no body`];
    const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
    const media = response.content?.[mediaType];
    if (!media?.schema)
      return [`${operationId} ${status} does not declare ${mediaType || 'no content type'}`];
    const validate = ajv.compile(media.schema);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}
