import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { type Admit, admission } from './admission.js';
import { AppProductStates } from './app-product-state.js';
import { IdempotencyRegistry } from './idempotency.js';
import { Meter } from './meter.js';
import { MonthClock } from './period.js';
import { ProductDirectory } from './product-directory.js';
import { QuotaLedger } from './quota-ledger.js';
import { RateLimiter } from './rate-limiter.js';
import { isCounted, statusClassOf } from './statuses.js';

export interface LimitsOptions {
  redisUrl?: string | undefined;
  fallbackShare: number;
  meteringFlushMs: number;
  maxQuotaLease: number;
}

export interface LimitsRuntime {
  products: ProductDirectory;
  meter: Meter;
  quotas: QuotaLedger;
  /** Admits one authenticated call or throws the problem that refuses it. */
  admit: Admit;
  /** The Redis the instances share limits through (also the per-IP limits'); unset without REDIS_URL. */
  redis: Redis | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: LimitsRuntime;
  }
}

/** Logs a recurring condition at most once per interval, so an outage cannot flood the log. */
function everyNow(app: FastifyInstance, message: string, intervalMs = 10_000) {
  let last = 0;
  return (err: unknown) => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    app.log.warn({ err }, message);
  };
}

/**
 * Limits, quotas and metering: `admit` (called by the gateway's guard after authentication) and
 * metering when the answer is sent. No database round trip per call: subscriptions come with the
 * cached app, rate limits are counted in memory or spent from Redis leases, quotas from leases, and
 * metering is written in batches.
 */
export const limitsPlugin = fp(
  async (app: FastifyInstance, opts: LimitsOptions) => {
    const db = app.database.db;
    const onError = (err: unknown) => app.log.warn({ err }, 'limits storage error; retrying');
    const products = new ProductDirectory(db);
    await products.load();
    app.auth.onEvents((events) => {
      if (events.some((e) => e.kind === 'products')) products.load().catch(onError);
    });
    const warnRedis = everyNow(
      app,
      'Redis unreachable: per-app limits count per instance at its share; per-IP limits let calls through',
    );
    let redis: Redis | undefined;
    if (opts.redisUrl) {
      redis = new Redis(opts.redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout: 250,
        enableAutoPipelining: true,
      });
      redis.on('error', warnRedis);
      await redis.connect().catch(warnRedis);
    }
    const limiter = new RateLimiter({ redis, fallbackShare: opts.fallbackShare, onFallback: warnRedis });
    const quotas = new QuotaLedger(db, { maxLease: opts.maxQuotaLease, exhaustedRecheckMs: 1000, onError });
    const meter = new Meter(db, onError);
    const idempotency = new IdempotencyRegistry(redis, warnRedis);
    const clock = new MonthClock();
    const states = new AppProductStates();
    const admit = admission({ states, products, limiter, quotas, idempotency, clock });

    app.decorateRequest('metering', null);
    // Metered as the answer leaves, its status final: an onResponse hook would make Fastify
    // follow every response's 'finish' and 'error' events, which costs the hot path more.
    app.addHook('onSend', (request, reply, payload, done) => {
      const metering = request.metering;
      if (metering) {
        // Once per call, even if a failing hook sends an error answer through onSend again.
        request.metering = null;
        const counted = isCounted(reply.statusCode);
        const { subscription, state } = metering;
        if (metering.charged && !counted) quotas.refund(metering.charged);
        if (!metering.repeat) {
          if (counted && metering.idempotencyKey)
            idempotency.markCounted(subscription.appId, metering.idempotencyKey);
          if (state.batch !== meter.batch) {
            state.operations = meter.operationsOf(subscription);
            state.slot = undefined;
            state.batch = meter.batch;
          }
          const statusClass = statusClassOf(reply.statusCode);
          const slot = state.slot;
          if (slot?.operationId === metering.operationId) meter.recordInSlot(slot, statusClass);
          else
            state.slot = meter.recordIn(state.operations!, subscription, metering.operationId, statusClass);
        }
      }
      done(null, payload);
    });

    const flush = setInterval(() => {
      void meter.flush();
      quotas.forgetBefore(clock.now().period);
      limiter.sweep();
      states.sweep(Date.now());
    }, opts.meteringFlushMs);
    flush.unref();
    app.addHook('onClose', async () => {
      clearInterval(flush);
      await meter.flush();
      await quotas.release();
      await redis?.quit().catch(() => {});
    });
    app.decorate('limits', { products, meter, quotas, admit, redis });
  },
  { name: 'limits', dependencies: ['database', 'auth'] },
);
