import type { Redis } from 'ioredis';
import type { Maybe } from '../gateway/maybe.js';
import type { AppProductState } from './app-product-state.js';
import { type RateLimits, type WindowState, type Windows, windowsOf } from './rate-windows.js';
import { RedisWindowLeases } from './redis-window-leases.js';

export interface RateLimiterOptions {
  redis?: Redis | undefined;
  /** The share of each limit an instance enforces alone while Redis is unreachable. */
  fallbackShare: number;
  onFallback: (err: unknown) => void;
}

const windowState = (name: WindowState['name'], max: number, count: number, msLeft: number) => ({
  name,
  remaining: Math.max(0, max - count),
  resetSeconds: Math.max(1, Math.ceil(msLeft / 1000)),
  exceeded: count > max,
});

/**
 * Per app × product rate limits in fixed windows per second (the burst) and per minute
 * (sustained), each starting with its first call, as @fastify/rate-limit's stores count them.
 *
 * Without Redis they are counted on the app × product's state, in memory, synchronously: no
 * lookup of their own and nothing allocated but the answer. With Redis the windows are shared by
 * every instance and spent from leases (`RedisWindowLeases`): exact, and a round trip per block
 * of calls rather than per call. If Redis cannot answer (down, or slower than its command
 * timeout), the instance limits alone at its share of each limit until Redis answers again: no
 * 500s and no hangs.
 */
export class RateLimiter {
  private readonly shared: RedisWindowLeases | undefined;

  constructor(private readonly options: RateLimiterOptions) {
    const { redis } = options;
    this.shared = redis ? new RedisWindowLeases(redis, 'ixm:rl:', options.onFallback) : undefined;
  }

  /** Both windows after counting this call of an app × product; `exceeded` on either means 429. */
  check(state: AppProductState, key: string, limits: RateLimits, now: number): Maybe<Windows> {
    const { shared, options } = this;
    if (shared && options.redis?.status === 'ready') {
      const counted = shared.take(key, windowsOf(limits, 1));
      return counted instanceof Promise
        ? counted.catch((err: unknown) => {
            options.onFallback(err);
            return countLocally(state, limits, options.fallbackShare, Date.now());
          })
        : counted;
    }
    return countLocally(state, limits, shared ? options.fallbackShare : 1, now);
  }

  /** Forgets shared windows that have ended. */
  sweep(): void {
    this.shared?.sweep();
  }
}

function countLocally(state: AppProductState, limits: RateLimits, share: number, now: number): Windows {
  const [burst, sustained] = windowsOf(limits, share);
  if (now - state.burstStart >= burst.ms) {
    state.burstStart = now;
    state.burstCount = 0;
  }
  if (now - state.sustainedStart >= sustained.ms) {
    state.sustainedStart = now;
    state.sustainedCount = 0;
  }
  return [
    windowState('burst', burst.max, ++state.burstCount, state.burstStart + burst.ms - now),
    windowState(
      'sustained',
      sustained.max,
      ++state.sustainedCount,
      state.sustainedStart + sustained.ms - now,
    ),
  ];
}
