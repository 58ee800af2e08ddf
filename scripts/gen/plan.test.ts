import { describe, expect, it } from 'vitest';
import { plan } from './plan.ts';

describe('generated code', () => {
  it('happy: every committed generated file matches what api-spec produces today', async () => {
    expect(await (await plan()).stale()).toEqual([]);
  });
});
