import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CoalescingRedisStore } from '../../../src/platform/limits/coalescing-redis-store.js';
import { freePort } from '../../../src/testing.js';

type Answer = { current: number; ttl: number };

const url = process.env.TEST_REDIS_URL;

/** Counts `keys` in one turn of the event loop; each promise is that call's answer. */
function countAll(store: CoalescingRedisStore, keys: string[], windowMs: number): Promise<Answer[]> {
  return Promise.all(
    keys.map(
      (key) =>
        new Promise<Answer>((resolve, reject) =>
          store.incr(key, (err, answer) => (err || !answer ? reject(err) : resolve(answer)), windowMs),
        ),
    ),
  );
}

describe.runIf(url)('the coalescing Redis rate-limit store', () => {
  let redis: Redis;
  const prefix = `test:rl:${randomUUID()}:`;

  beforeAll(() => {
    redis = new Redis(url!);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('happy: the calls of one turn run one script and get counts 1…n in the order they came', async () => {
    const store = new CoalescingRedisStore(redis, prefix);
    const runs = vi.spyOn(redis as unknown as { ixmCountWindows: () => unknown }, 'ixmCountWindows');
    const answers = await countAll(store, Array(100).fill('app-a'), 60_000);
    expect(runs).toHaveBeenCalledTimes(1);
    runs.mockRestore();
    expect(answers.map((a) => a.current)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    for (const { ttl } of answers) expect(ttl).toBeGreaterThan(59_000);
    // The next turn continues the same window.
    const [next] = await countAll(store, ['app-a'], 60_000);
    expect(next!.current).toBe(101);
    expect(await redis.get(`${prefix}app-a`)).toBe('101');
  });

  it('happy: keys counted in one turn keep counts of their own', async () => {
    const store = new CoalescingRedisStore(redis, prefix);
    const answers = await countAll(store, ['k1', 'k2', 'k1', 'k3', 'k1', 'k2'], 60_000);
    expect(answers.map((a) => a.current)).toEqual([1, 1, 2, 1, 3, 2]);
  });

  it('happy: a window that ended starts again at 1', async () => {
    const store = new CoalescingRedisStore(redis, prefix);
    expect((await countAll(store, ['short', 'short'], 100)).map((a) => a.current)).toEqual([1, 2]);
    await new Promise((r) => setTimeout(r, 150));
    const [again] = await countAll(store, ['short'], 100);
    expect(again).toMatchObject({ current: 1, ttl: 100 });
  });

  it('happy: two stores on one Redis (two instances) count into one window', async () => {
    const other = new Redis(url!);
    try {
      const [a, b] = [new CoalescingRedisStore(redis, prefix), new CoalescingRedisStore(other, prefix)];
      const [first, second] = await Promise.all([
        countAll(a, Array(30).fill('shared'), 60_000),
        countAll(b, Array(30).fill('shared'), 60_000),
      ]);
      const counts = [...first!, ...second!].map((x) => x.current).sort((x, y) => x - y);
      expect(counts).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    } finally {
      await other.quit();
    }
  });

  it('security: a route’s child store counts apart from its parent, under RedisStore’s key names', async () => {
    const store = new CoalescingRedisStore(redis, prefix);
    const child = store.child({
      routeInfo: { method: 'GET', url: '/v1/x' },
    } as never) as CoalescingRedisStore;
    await countAll(store, ['same'], 60_000);
    const [own] = await countAll(child, ['same'], 60_000);
    expect(own!.current).toBe(1);
    expect(await redis.get(`${prefix}GET/v1/x-same`)).toBe('1');
  });

  it('error: when Redis cannot answer, every waiting call gets the error at once', async () => {
    const down = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    down.on('error', () => {});
    const store = new CoalescingRedisStore(down, prefix);
    await expect(countAll(store, ['a', 'b', 'a'], 60_000)).rejects.toThrow();
    down.disconnect();
  });
});
