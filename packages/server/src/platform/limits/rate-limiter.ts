/// <reference path="./rate-limit-stores.d.ts" />
import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import LocalStore from '@fastify/rate-limit/store/LocalStore.js';
import RedisStore from '@fastify/rate-limit/store/RedisStore.js';
import type { Redis } from 'ioredis';
import type { Maybe } from '../gateway/maybe.js';

/** What one call is limited by: its app × product and the limits in force. */
export interface RateTarget {
  key: string;
  perSecond: number;
  perMinute: number;
}

export interface WindowState {
  name: 'burst' | 'sustained';
  remaining: number;
  resetSeconds: number;
  exceeded: boolean;
}

// Counters for 10,000 active apps on two windows and a few products each fit with room to spare.
const LOCAL_COUNTERS = 200_000;
const WINDOWS = [
  { name: 'burst', ms: 1000, max: (t: RateTarget) => t.perSecond },
  { name: 'sustained', ms: 60_000, max: (t: RateTarget) => t.perMinute },
] as const;

function state(name: WindowState['name'], max: number, current: number, ttl: number): WindowState {
  return {
    name,
    remaining: Math.max(0, max - current),
    resetSeconds: Math.max(1, Math.ceil(ttl / 1000)),
    exceeded: current > max,
  };
}

/** Counts a call in both windows of a store; synchronous for the memory store. */
function count(
  store: FastifyRateLimitStore,
  target: RateTarget,
  share: number,
): Maybe<[WindowState, WindowState]> {
  const states: WindowState[] = [];
  let failure: Error | undefined;
  let answered = 0;
  let settle: (() => void) | undefined;
  WINDOWS.forEach((window, i) => {
    const max = Math.max(1, Math.floor(window.max(target) * share));
    store.incr(
      `${window.name}:${target.key}`,
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
  private readonly local = new LocalStore(false, false, LOCAL_COUNTERS);
  private readonly shared: FastifyRateLimitStore | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    this.shared = options.redis ? new RedisStore(false, false, options.redis, 'ixm:rl:') : undefined;
  }

  /** Both windows after counting this call; `exceeded` on either means 429. */
  check(target: RateTarget): Maybe<[WindowState, WindowState]> {
    const { shared, options } = this;
    if (shared && options.redis?.status === 'ready') {
      return (count(shared, target, 1) as Promise<[WindowState, WindowState]>).catch((err: unknown) => {
        options.onFallback(err);
        return count(this.local, target, options.fallbackShare);
      });
    }
    return count(this.local, target, shared ? options.fallbackShare : 1);
  }
}
