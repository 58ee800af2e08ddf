import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';

type Answer = { current: number; ttl: number };
type Callback = (err: Error | null, result?: Answer) => void;

interface Waiting {
  count: number;
  callbacks: Callback[];
}

type CountingRedis = Redis & {
  ixmCountWindows(numberOfKeys: number, ...args: (string | number)[]): Promise<number[]>;
};

/**
 * For each key, adds ARGV[i + 1] calls in one INCRBY; a count equal to the calls added opened a
 * new window (PEXPIRE), otherwise the window's PTTL is what is left. Returns count, ttl per key.
 * The same keys and window semantics as @fastify/rate-limit's RedisStore script.
 */
const SCRIPT = `
local window = tonumber(ARGV[1])
local out = {}
for i, key in ipairs(KEYS) do
  local added = tonumber(ARGV[i + 1])
  local current = redis.call('INCRBY', key, added)
  local ttl = window
  if current == added then
    redis.call('PEXPIRE', key, window)
  else
    ttl = redis.call('PTTL', key)
    if ttl < 0 then
      redis.call('PEXPIRE', key, window)
      ttl = window
    end
  end
  out[2 * i - 1] = current
  out[2 * i] = ttl
end
return out`;

/** Keys per script run, so one run never holds Redis for long. */
const MAX_KEYS = 500;

/**
 * A @fastify/rate-limit store (fixed windows in Redis, shared by every instance) that counts every
 * call that arrives in one turn of the event loop in a single script run, one INCRBY per key. Each
 * call still gets its exact place in the window's count, as if it had been counted alone: the n
 * calls of a batch get the counts total - n + 1 … total, in the order they arrived. So a hot app
 * costs Redis one round trip per turn instead of one per call, and the limits stay as exact.
 */
export class CoalescingRedisStore implements FastifyRateLimitStore {
  // Window length, then key: calls with different windows run separate scripts.
  private waiting = new Map<number, Map<string, Waiting>>();
  private scheduled = false;

  private readonly redis: CountingRedis;

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!('ixmCountWindows' in redis)) redis.defineCommand('ixmCountWindows', { lua: SCRIPT });
    this.redis = redis as CountingRedis;
  }

  incr(key: string, callback: Callback, timeWindow: number): void {
    let byKey = this.waiting.get(timeWindow);
    if (!byKey) {
      byKey = new Map();
      this.waiting.set(timeWindow, byKey);
    }
    const entry = byKey.get(key);
    if (entry) {
      entry.count++;
      entry.callbacks.push(callback);
    } else {
      byKey.set(key, { count: 1, callbacks: [callback] });
    }
    if (!this.scheduled) {
      this.scheduled = true;
      // After the poll phase: every request read in this turn joins the batch.
      setImmediate(() => this.flush());
    }
  }

  /** A route's own windows, named as RedisStore names them, when the plugin's hook uses this store. */
  child(options: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    // The plugin passes its merged options with the route under routeInfo, which its types omit.
    const { method, url } = (options as unknown as { routeInfo: { method: string; url: string } }).routeInfo;
    return new CoalescingRedisStore(this.redis, `${this.prefix}${method}${url}-`);
  }

  private flush(): void {
    this.scheduled = false;
    const batches = this.waiting;
    this.waiting = new Map();
    for (const [window, byKey] of batches) {
      const entries = [...byKey];
      for (let start = 0; start < entries.length; start += MAX_KEYS) {
        this.run(window, entries.slice(start, start + MAX_KEYS));
      }
    }
  }

  private run(window: number, entries: [string, Waiting][]): void {
    const keys = entries.map(([key]) => `${this.prefix}${key}`);
    const counts = entries.map(([, waiting]) => waiting.count);
    this.redis.ixmCountWindows(keys.length, ...keys, window, ...counts).then(
      (out) => {
        entries.forEach(([, { count, callbacks }], i) => {
          const total = Number(out[2 * i]);
          const ttl = Number(out[2 * i + 1]);
          callbacks.forEach((callback, position) => {
            callback(null, { current: total - count + 1 + position, ttl });
          });
        });
      },
      (err: Error) => {
        for (const [, { callbacks }] of entries) for (const callback of callbacks) callback(err);
      },
    );
  }
}
