import openapiTS, { astToString } from 'openapi-typescript';
import { bundledSpec } from './spec.ts';

/** TypeScript types of every path, operation and schema, as openapi-typescript writes them. */
export async function apiTypes(): Promise<string> {
  // Typed from the bundle so components keep the names the root document gives them.
  const ast = await openapiTS((await bundledSpec(false)) as never, { alphabetize: true });
  return astToString(ast);
}
