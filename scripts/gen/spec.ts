import { join } from 'node:path';
import { bundle, createConfig } from '@redocly/openapi-core';
import { root } from './emit.ts';

export const specPath = join(root, 'api-spec/openapi.yaml');

/** The split contract as one document; with `dereference` every $ref is inlined. */
export async function bundledSpec(dereference: boolean): Promise<Record<string, unknown>> {
  const config = await createConfig({}, { configPath: join(root, 'redocly.yaml') });
  // Schemas are named by their `title`, so file names stay kebab-case and types read as `Category`.
  const result = await bundle({ ref: specPath, config, dereference, componentNamesStrategy: 'title' });
  const problems = result.problems.filter((p) => p.severity === 'error');
  if (problems.length > 0) {
    throw new Error(`api-spec does not bundle: ${problems.map((p) => p.message).join('; ')}`);
  }
  return result.bundle.parsed as Record<string, unknown>;
}
