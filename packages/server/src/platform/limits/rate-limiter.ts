/// <reference path="./rate-limit-stores.d.ts" />
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import type { Redis } from 'ioredis';
import type { Maybe } from '../gateway/maybe.js';
import {
  type RateLimits,
  type WindowSpec,
  type WindowState,
  type Windows,
  windowsOf,
} from './rate-windows.js';
import { RedisWindowLeases } from './redis-window-leases.js';

// Counters for 10,000 active apps with a few products each fit with room to spare.
const LOCAL_COUNTERS = 100_000;

type StoreAnswer = { current: number; ttl: number };

// The memory store answers synchronously, so one callback shared by every call takes its answer:
// counting allocates nothing but the result.
let answer: StoreAnswer | undefined;
let failure: Error | null = null;
const take = (err: Error | null, result?: StoreAnswer) => {
  failure = err;
  answer = result;
};

function countNow(store: FastifyRateLimitStore, window: WindowSpec, key: string): WindowState {
  answer = undefined;
  store.incr(key, take, window.ms, window.max);
  // Set by `take` during incr, which the type checker cannot see.
  const got = answer as StoreAnswer | undefined;
  if (!got) throw failure ?? new Error('The memory rate-limit store did not answer synchronously.');
  return {
    name: window.name,
    remaining: Math.max(0, window.max - got.current),
    resetSeconds: Math.max(1, Math.ceil(got.ttl / 1000)),
    exceeded: got.current > window.max,
  };
}

export interface RateLimiterOptions {
  redis?: Redis | undefined;
  /** The share of each limit an instance enforces alone while Redis is unreachable. */
  fallbackShare: number;
  onFallback: (err: unknown) => void;
}

/**
 * Per app × product rate limits in fixed windows per second (the burst) and per minute
 * (sustained). Without Redis they are counted in @fastify/rate-limit's memory store, used directly
 * rather than through the plugin's per-route hook: that hook builds route options and several
 * promises per call, which cost more than the count itself, and the memory store answers
 * synchronously.
 *
 * With Redis the windows are shared by every instance and spent from leases
 * (`RedisWindowLeases`): exact, and a round trip per block of calls rather than per call. If Redis
 * cannot answer (down, or slower than its command timeout), the instance limits alone at its share
 * of each limit until Redis answers again: no 500s and no hangs.
 */
export class RateLimiter {
  // A store per window, so the key is the app × product as it comes, with no string built per call.
  private readonly local = [0, 1].map(() => new LocalStore(false, false, LOCAL_COUNTERS));
  private readonly shared: RedisWindowLeases | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    const { redis } = options;
    this.shared = redis ? new RedisWindowLeases(redis, 'ixm:rl:', options.onFallback) : undefined;
  }

  /** Both windows of `key` (an app × product) after counting this call; `exceeded` on either means 429. */
  check(key: string, limits: RateLimits): Maybe<Windows> {
    const { shared, options } = this;
    if (shared && options.redis?.status === 'ready') {
      const counted = shared.take(key, windowsOf(limits, 1));
      return counted instanceof Promise
        ? counted.catch((err: unknown) => {
            options.onFallback(err);
            return this.countLocally(key, limits, options.fallbackShare);
          })
        : counted;
    }
    return this.countLocally(key, limits, shared ? options.fallbackShare : 1);
  }

  /** Forgets shared windows that have ended. */
  sweep(): void {
    this.shared?.sweep();
  }

  private countLocally(key: string, limits: RateLimits, share: number): Windows {
    const [burst, sustained] = windowsOf(limits, share);
    return [countNow(this.local[0]!, burst, key), countNow(this.local[1]!, sustained, key)];
  }
}
