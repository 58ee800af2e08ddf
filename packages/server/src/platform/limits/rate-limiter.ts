import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

/** What one request is limited by: its app × product and the limits in force. */
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

declare module 'fastify' {
  interface FastifyRequest {
    rateTarget: RateTarget | null;
  }
}

type Window = (request: FastifyRequest) => Promise<WindowState>;

// Counters for 10,000 active apps on two windows and a few products each fit with room to spare.
const LOCAL_COUNTERS = 200_000;

/**
 * Two fixed windows from @fastify/rate-limit, per second (the burst) and per minute (sustained),
 * in their own encapsulated scope so one app can hold a Redis-backed pair and a local pair.
 * `share` scales the limits: a local fallback gets its instance's share of the global limit.
 */
async function windowPair(app: FastifyInstance, redis: Redis | undefined, share: number) {
  let pair: [Window, Window] | undefined;
  await app.register(async (scope) => {
    await scope.register(rateLimit, {
      global: false,
      ...(redis ? { redis, nameSpace: 'ixm:rl:' } : {}),
    });
    const window = (name: WindowState['name'], ms: number, max: (t: RateTarget) => number): Window => {
      const check = scope.createRateLimit({
        keyGenerator: (req) => `${name}:${(req.rateTarget as RateTarget).key}`,
        max: (req) => Math.max(1, Math.floor(max(req.rateTarget as RateTarget) * share)),
        timeWindow: ms,
        cache: LOCAL_COUNTERS,
      } as Parameters<typeof scope.createRateLimit>[0]);
      return async (request) => {
        const result = await check(request);
        if (result.isAllowed)
          return { name, remaining: Number.POSITIVE_INFINITY, resetSeconds: 0, exceeded: false };
        return {
          name,
          remaining: result.remaining,
          resetSeconds: result.ttlInSeconds,
          exceeded: result.isExceeded,
        };
      };
    };
    pair = [window('burst', 1000, (t) => t.perSecond), window('sustained', 60_000, (t) => t.perMinute)];
  });
  return pair as [Window, Window];
}

export interface RateLimiterOptions {
  redis?: Redis | undefined;
  /** The share of each limit an instance enforces alone while Redis is unreachable. */
  fallbackShare: number;
  onFallback: (err: unknown) => void;
}

/**
 * Per app × product rate limits. With Redis the windows are shared by every instance; if Redis
 * cannot answer (down, or slower than its command timeout), the instance limits alone at its
 * share of each limit until Redis answers again, so an outage never turns into 500s or hangs.
 */
export class RateLimiter {
  private constructor(
    private readonly shared: [Window, Window] | undefined,
    private readonly local: [Window, Window],
    private readonly options: RateLimiterOptions,
  ) {}

  static async create(app: FastifyInstance, options: RateLimiterOptions): Promise<RateLimiter> {
    const shared = options.redis ? await windowPair(app, options.redis, 1) : undefined;
    const local = await windowPair(app, undefined, options.redis ? options.fallbackShare : 1);
    return new RateLimiter(shared, local, options);
  }

  /** Both windows after counting this request; `exceeded` on either means 429. */
  async check(request: FastifyRequest): Promise<[WindowState, WindowState]> {
    const { shared, local } = this;
    if (shared && this.options.redis?.status === 'ready') {
      try {
        return await Promise.all([shared[0](request), shared[1](request)]);
      } catch (err) {
        this.options.onFallback(err);
      }
    }
    return Promise.all([local[0](request), local[1](request)]);
  }
}
