/// <reference path="./rate-limit-stores.d.ts" />
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { Redis } from 'ioredis';
import type { Maybe } from '../gateway/maybe.js';

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

/** Counts a call in both windows (a store each); synchronous for the memory stores. */
function count(
  stores: readonly FastifyRateLimitStore[],
  key: string,
  limits: RateLimits,
  share: number,
): Maybe<[WindowState, WindowState]> {
  const states: WindowState[] = [];
  let failure: Error | undefined;
  let answered = 0;
  let settle: (() => void) | undefined;
  WINDOWS.forEach((window, i) => {
    const max = Math.max(1, Math.floor(window.max(limits) * share));
    stores[i]!.incr(
      key,
      (err, result) => {
        if (err || !result) failure = err ?? new Error('The rate-limit store gave no answer.');
        else states[i] = state(window.name, max, result.current, result.ttl);
        answered++;
        settle?.();
      },
      window.ms,
      max,
    );
  });
  const outcome = (): [WindowState, WindowState] => {
    if (failure) throw failure;
    return states as [WindowState, WindowState];
  };
  if (answered === WINDOWS.length) return outcome();
  return new Promise((resolve, reject) => {
    settle = () => {
      if (answered < WINDOWS.length) return;
      try {
        resolve(outcome());
      } catch (err) {
        reject(err);
      }
    };
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
 * With Redis the windows are shared by every instance (both counts go in one pipelined round
 * trip). If Redis cannot answer (down, or slower than its command timeout), the instance limits
 * alone at its share of each limit until Redis answers again: no 500s and no hangs.
 */
export class RateLimiter {
  // A store per window, so the key is the app × product as it comes, with no string built per call.
  private readonly local = WINDOWS.map(() => new LocalStore(false, false, LOCAL_COUNTERS));
  private readonly shared: FastifyRateLimitStore[] | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    const { redis } = options;
    this.shared = redis
      ? WINDOWS.map((w) => new RedisStore(false, false, redis, `ixm:rl:${w.name}:`))
      : undefined;
  }

  /** Both windows of `key` (an app × product) after counting this call; `exceeded` on either means 429. */
  check(key: string, limits: RateLimits): Maybe<[WindowState, WindowState]> {
    const { shared, options } = this;
    if (shared && options.redis?.status === 'ready') {
      return (count(shared, key, limits, 1) as Promise<[WindowState, WindowState]>).catch((err: unknown) => {
        options.onFallback(err);
        return count(this.local, key, limits, options.fallbackShare);
      });
    }
    return count(this.local, key, limits, shared ? options.fallbackShare : 1);
  }
}
