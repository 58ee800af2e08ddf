import { apiTypes } from './api-types.ts';
import { Emitter, header } from './emit.ts';
import { errorPages, loadErrorRegistry, sdkErrorCodes, serverErrorCodes } from './error-codes.ts';
import { bundledSpec } from './spec.ts';

const docsDirs = {
  zh: 'docs-site/docs/errors',
  en: 'docs-site/i18n/en/docusaurus-plugin-content-docs/current/errors',
} as const;

function withoutExamples(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExamples);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !((key === 'example' || key === 'examples') && typeof v === 'object'))
      .map(([key, v]) => [key, withoutExamples(v)]),
  );
}

/**
 * Every generated file and its content, from api-spec/: the server's dereferenced contract and
 * types, the SDK's types and error codes, and the portal's error pages.
 */
export async function plan(): Promise<Emitter> {
  const out = new Emitter();
  // The server validates and serializes with the schemas; examples are for people and the portal.
  const spec = withoutExamples(await bundledSpec(true));
  const types = await apiTypes();
  const registry = await loadErrorRegistry();
  const fromSpec = header('api-spec/openapi.yaml');
  const fromErrors = header('api-spec/error-codes.yaml');

  out.own('packages/server/src/generated');
  out.add(
    'packages/server/src/generated/openapi.ts',
    `${fromSpec}import type { OpenApiDocument } from '../platform/contract/openapi-document.js';\n\nexport const openapiDocument: OpenApiDocument = ${JSON.stringify(spec, null, 2)};\n`,
  );
  out.add('packages/server/src/generated/api-types.ts', `${fromSpec}${types}`);
  out.add('packages/server/src/generated/error-codes.ts', `${fromErrors}${serverErrorCodes(registry)}`);

  out.own('packages/sdk/src/generated');
  out.add('packages/sdk/src/generated/api-types.ts', `${fromSpec}${types}`);
  out.add('packages/sdk/src/generated/error-codes.ts', `${fromErrors}${sdkErrorCodes(registry)}`);

  for (const [locale, dir] of Object.entries(docsDirs) as [keyof typeof docsDirs, string][]) {
    out.own(dir);
    for (const [name, content] of errorPages(registry, locale)) out.add(`${dir}/${name}`, content);
  }
  return out;
}
