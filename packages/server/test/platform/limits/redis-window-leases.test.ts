import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Windows, windowsOf } from '../../../src/platform/limits/rate-windows.js';
import { RedisWindowLeases } from '../../../src/platform/limits/redis-window-leases.js';
import { freePort } from '../../../src/testing.js';

const url = process.env.TEST_REDIS_URL;

/** `n` calls of `key`, one after another, each answered before the next goes. */
async function calls(
  leases: RedisWindowLeases,
  key: string,
  n: number,
  perSecond: number,
  perMinute: number,
) {
  const answers: Windows[] = [];
  for (let i = 0; i < n; i++)
    answers.push(
      await leases.take(key, windowsOf({ ratePerSecond: perSecond, ratePerMinute: perMinute }, 1)),
    );
  return answers;
}

const admitted = (answers: Windows[]) => answers.filter(([b, s]) => !b.exceeded && !s.exceeded).length;

describe.runIf(url)('rate-limit windows leased from Redis', () => {
  let redis: Redis;
  const prefix = `test:rl:${randomUUID()}:`;
  const onError = vi.fn();

  beforeAll(() => {
    redis = new Redis(url!);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
    expect(onError).not.toHaveBeenCalled();
  });

  it('happy: a busy app is counted in blocks, with a round trip per block, not per call', async () => {
    const leases = new RedisWindowLeases(redis, prefix, onError);
    const runs = vi.spyOn(redis as unknown as { ixmLeaseWindows: () => unknown }, 'ixmLeaseWindows');
    const answers = await calls(leases, 'busy', 2000, 1_000_000, 60_000_000);
    expect(admitted(answers)).toBe(2000);
    expect(runs.mock.calls.length).toBeLessThan(50);
    runs.mockRestore();
    // Redis holds every unit leased: those spent and those this instance still holds.
    const leased = Number(await redis.get(`${prefix}{busy}:sustained`));
    expect(leased).toBeGreaterThanOrEqual(2000);
    const [, sustained] = answers.at(-1)!;
    expect(sustained.remaining).toBe(60_000_000 - 2000);
    expect(sustained.resetSeconds).toBe(60);
  });

  it('security: two instances together admit exactly the limit, and a full window refuses from memory', async () => {
    const other = new Redis(url!);
    try {
      const [a, b] = [
        new RedisWindowLeases(redis, prefix, onError),
        new RedisWindowLeases(other, prefix, onError),
      ];
      const limits = windowsOf({ ratePerSecond: 1000, ratePerMinute: 100 }, 1);
      // Both instances at once, 40 calls in flight on each.
      const answers = await Promise.all(
        Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).take('shared', limits)),
      );
      expect(admitted(answers)).toBeLessThanOrEqual(100);
      // The units still held are spent by the calls that come next; then the window is full.
      const after = await Promise.all(
        Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).take('shared', limits)),
      );
      expect(admitted(answers) + admitted(after)).toBe(100);
      const refused = after.at(-1)!;
      expect(refused[1]).toMatchObject({ name: 'sustained', remaining: 0, exceeded: true });
      expect(refused[1].resetSeconds).toBeGreaterThan(50);
      const runs = vi.spyOn(redis as unknown as { ixmLeaseWindows: () => unknown }, 'ixmLeaseWindows');
      expect(a.take('shared', limits)).not.toBeInstanceOf(Promise);
      expect(runs).not.toHaveBeenCalled();
      runs.mockRestore();
      expect(Number(await redis.get(`${prefix}{shared}:sustained`))).toBe(100);
    } finally {
      await other.quit();
    }
  });

  it('happy: the burst window is enforced and starts again when it ends', async () => {
    const leases = new RedisWindowLeases(redis, prefix, onError);
    const first = await calls(leases, 'burst', 8, 5, 1000);
    expect(first.map(([b]) => b.exceeded)).toEqual([false, false, false, false, false, true, true, true]);
    expect(first[5]![0]).toMatchObject({ remaining: 0, resetSeconds: 1 });
    await new Promise((r) => setTimeout(r, 1100));
    const again = await calls(leases, 'burst', 5, 5, 1000);
    expect(admitted(again)).toBe(5);
    // The minute window goes on across the seconds: 10 admitted of 1000.
    expect(again.at(-1)![1].remaining).toBe(990);
  });

  it('error: when Redis cannot answer, the call gets the error at once', async () => {
    const down = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    down.on('error', () => {});
    const leases = new RedisWindowLeases(down, prefix, onError);
    await expect(leases.take('a', windowsOf({ ratePerSecond: 10, ratePerMinute: 100 }, 1))).rejects.toThrow();
    down.disconnect();
  });
});
