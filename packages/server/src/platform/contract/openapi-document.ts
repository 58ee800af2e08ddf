/** The parts of a dereferenced OpenAPI 3.1 document the server reads. */
export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  [extension: string]: unknown;
}

export interface OpenApiMediaType {
  schema?: JsonSchema;
  [key: string]: unknown;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, OpenApiMediaType>;
  [key: string]: unknown;
}

export type SecurityRequirement = Record<string, string[]>;

export interface OpenApiOperation {
  operationId: string;
  tags?: string[];
  security?: SecurityRequirement[];
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
  [key: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  security?: SecurityRequirement[];
  paths: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
