/// <reference path="./rate-limit-stores.d.ts" />
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import type { Redis } from 'ioredis';
import type { Maybe } from '../gateway/maybe.js';
import { CoalescingRedisStore } from './coalescing-redis-store.js';

/** The limits one app × product is held to. */
export interface RateLimits {
  ratePerSecond: number;
  ratePerMinute: number;
}

export interface WindowState {
  name: 'burst' | 'sustained';
  remaining: number;
  resetSeconds: number;
  exceeded: boolean;
}

// Counters for 10,000 active apps with a few products each fit with room to spare.
const LOCAL_COUNTERS = 100_000;
const WINDOWS = [
  { name: 'burst', ms: 1000, max: (l: RateLimits) => l.ratePerSecond },
  { name: 'sustained', ms: 60_000, max: (l: RateLimits) => l.ratePerMinute },
] as const;

function state(name: WindowState['name'], max: number, current: number, ttl: number): WindowState {
  return {
    name,
    remaining: Math.max(0, max - current),
    resetSeconds: Math.max(1, Math.ceil(ttl / 1000)),
    exceeded: current > max,
  };
}

type Window = (typeof WINDOWS)[number];
type Windows = [WindowState, WindowState];
type StoreAnswer = { current: number; ttl: number };

const maxOf = (window: Window, limits: RateLimits, share: number) =>
  Math.max(1, Math.floor(window.max(limits) * share));

// The memory store answers synchronously, so one callback shared by every call takes its answer:
// counting allocates nothing but the result.
let answer: StoreAnswer | undefined;
let failure: Error | null = null;
const take = (err: Error | null, result?: StoreAnswer) => {
  failure = err;
  answer = result;
};

function countNow(store: FastifyRateLimitStore, window: Window, key: string, max: number): WindowState {
  answer = undefined;
  store.incr(key, take, window.ms, max);
  // Set by `take` during incr, which the type checker cannot see.
  const got = answer as StoreAnswer | undefined;
  if (!got) throw failure ?? new Error('The memory rate-limit store did not answer synchronously.');
  return state(window.name, max, got.current, got.ttl);
}

/** Both windows in the shared stores: one promise per call, settled once both have answered. */
function countShared(stores: FastifyRateLimitStore[], key: string, limits: RateLimits): Promise<Windows> {
  return new Promise<Windows>((resolve, reject) => {
    const windows: WindowState[] = [];
    let waiting = WINDOWS.length;
    WINDOWS.forEach((window, i) => {
      const max = maxOf(window, limits, 1);
      stores[i]!.incr(
        key,
        (err, result) => {
          if (err || !result) return reject(err ?? new Error('The rate-limit store gave no answer.'));
          windows[i] = state(window.name, max, result.current, result.ttl);
          if (--waiting === 0) resolve(windows as Windows);
        },
        window.ms,
        max,
      );
    });
  });
}

export interface RateLimiterOptions {
  redis?: Redis | undefined;
  /** The share of each limit an instance enforces alone while Redis is unreachable. */
  fallbackShare: number;
  onFallback: (err: unknown) => void;
}

/**
 * Per app × product rate limits on @fastify/rate-limit's stores: fixed windows per second (the
 * burst) and per minute (sustained). The stores are used directly rather than through the
 * plugin's per-route hook: that hook builds route options and several promises per call, which
 * cost more than the count itself, and the memory store answers synchronously.
 *
 * With Redis the windows are shared by every instance. The calls of one event-loop turn are
 * counted together (`CoalescingRedisStore`), both windows' scripts pipelined in one round trip.
 * If Redis cannot answer (down, or slower than its command timeout), the instance limits alone
 * at its share of each limit until Redis answers again: no 500s and no hangs.
 */
export class RateLimiter {
  // A store per window, so the key is the app × product as it comes, with no string built per call.
  private readonly local = WINDOWS.map(() => new LocalStore(false, false, LOCAL_COUNTERS));
  private readonly shared: FastifyRateLimitStore[] | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    const { redis } = options;
    this.shared = redis
      ? WINDOWS.map((w) => new CoalescingRedisStore(redis, `ixm:rl:${w.name}:`))
      : undefined;
  }

  /** Both windows of `key` (an app × product) after counting this call; `exceeded` on either means 429. */
  check(key: string, limits: RateLimits): Maybe<Windows> {
    const { shared, options } = this;
    if (shared && options.redis?.status === 'ready') {
      return countShared(shared, key, limits).catch((err: unknown) => {
        options.onFallback(err);
        return this.countLocally(key, limits, options.fallbackShare);
      });
    }
    return this.countLocally(key, limits, shared ? options.fallbackShare : 1);
  }

  private countLocally(key: string, limits: RateLimits, share: number): Windows {
    const [burst, sustained] = WINDOWS;
    return [
      countNow(this.local[0]!, burst, key, maxOf(burst, limits, share)),
      countNow(this.local[1]!, sustained, key, maxOf(sustained, limits, share)),
    ];
  }
}
