import { describe, expect, it } from 'vitest';
import { IXiamen } from '../../packages/sdk/src/index.ts';
import { bundledSpec } from '../gen/spec.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const camel = (tag: string) => tag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The operations of tags meant for third-party code; `x-sdk: false` tags (OAuth endpoints, the console) are not. */
async function specOperations() {
  const spec = (await bundledSpec(false)) as {
    tags: { name: string; 'x-sdk'?: boolean }[];
    paths: Record<string, Record<string, { operationId: string; tags: string[] }>>;
  };
  const excluded = new Set(spec.tags.filter((t) => t['x-sdk'] === false).map((t) => t.name));
  return Object.values(spec.paths).flatMap((item) =>
    METHODS.filter((m) => item[m] && !excluded.has(item[m]!.tags[0]!)).map((m) => ({
      id: item[m]!.operationId,
      resource: camel(item[m]!.tags[0]!),
    })),
  );
}

function sdkMethods(client: IXiamen) {
  return Object.entries(client).flatMap(([resource, instance]) =>
    Object.getOwnPropertyNames(Object.getPrototypeOf(instance))
      .filter((name) => name !== 'constructor')
      .map((name) => `${resource}.${name}`),
  );
}

describe('SDK ↔ api-spec drift', () => {
  it('happy: every operation is a method named after it on the resource of its first tag, and nothing else is', async () => {
    const expected = (await specOperations()).map((op) => `${op.resource}.${op.id}`).sort();
    expect(sdkMethods(new IXiamen()).sort()).toEqual(expected);
  });
});
