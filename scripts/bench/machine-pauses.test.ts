import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { machinePauses } from './machine-pauses.ts';

describe('machinePauses', () => {
  it('happy: one reading per core, each gap counted over 1 ms and the longest among them', async () => {
    const pauses = await machinePauses(0.5);
    expect(pauses).toHaveLength(availableParallelism());
    for (const { count, totalMs, maxMs } of pauses) {
      expect(Number.isInteger(count) && count >= 0).toBe(true);
      if (count === 0) expect([totalMs, maxMs]).toEqual([0, 0]);
      else {
        expect(maxMs).toBeGreaterThan(1);
        expect(totalMs).toBeGreaterThanOrEqual(maxMs);
        expect(totalMs).toBeGreaterThan(count);
      }
    }
  });
});
