import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { ApiProblem } from '../errors/api-problem.js';
import { IdempotencyRegistry } from './idempotency.js';
import { Meter } from './meter.js';
import { MonthClock } from './period.js';
import { ProductDirectory } from './product-directory.js';
import { QuotaLedger, QuotaUnavailable } from './quota-ledger.js';
import { RateLimiter } from './rate-limiter.js';
import { isCounted, statusClassOf } from './statuses.js';

export interface LimitsOptions {
  redisUrl?: string | undefined;
  fallbackShare: number;
  meteringFlushMs: number;
  maxQuotaLease: number;
}

/** What the response hook needs to meter a call and to refund its quota unit. */
interface Metering {
  appId: string;
  product: string;
  operationId: string;
  period: string;
  charged: boolean;
  idempotencyKey: string | undefined;
  repeat: boolean;
}

export interface LimitsRuntime {
  products: ProductDirectory;
  meter: Meter;
  quotas: QuotaLedger;
}

declare module 'fastify' {
  interface FastifyInstance {
    limits: LimitsRuntime;
  }
  interface FastifyRequest {
    metering: Metering | null;
  }
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

function notSubscribed(product: string | undefined, status: string | undefined): ApiProblem {
  if (!product) return new ApiProblem('not_subscribed', 'This operation is not part of any API product yet.');
  const why =
    status === undefined
      ? 'has no subscription to'
      : status === 'pending'
        ? 'awaits an admin’s approval for'
        : status === 'rejected'
          ? 'was refused a subscription to'
          : 'has a suspended subscription to';
  return new ApiProblem('not_subscribed', `The app ${why} the product '${product}'.`);
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw ApiProblem.invalidInput('headers/idempotency-key', 'must be 1 to 255 visible ASCII characters');
  }
  return key;
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
 * The metered part of the hot path, after authentication: the product the operation belongs
 * to and the app's subscription to it, the rate limits, the monthly quota, and metering when
 * the answer is sent. No database round trip per call: subscriptions come with the cached app,
 * limits are in memory or one Redis round trip, quotas are spent from leases, metering is
 * batched.
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
    const warnRedis = everyNow(app, 'Redis unreachable: limiting per instance at its share');
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
    const limiter = await RateLimiter.create(app, {
      redis,
      fallbackShare: opts.fallbackShare,
      onFallback: warnRedis,
    });
    const quotas = new QuotaLedger(db, { maxLease: opts.maxQuotaLease, exhaustedRecheckMs: 1000, onError });
    const meter = new Meter(db, onError);
    const idempotency = new IdempotencyRegistry(redis, warnRedis);
    const clock = new MonthClock();

    app.decorateRequest('rateTarget', null);
    app.decorateRequest('metering', null);
    app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const principal = request.principal;
      if (!principal) return;
      const operationId = request.routeOptions.config.operationId as string;
      const product = products.productOf(operationId);
      const subscription = product && principal.subscriptions.get(product.code);
      if (!product || subscription?.status !== 'active')
        throw notSubscribed(product?.code, subscription?.status);
      const idempotencyKey = idempotencyKeyOf(request);

      const now = Date.now();
      const month = clock.now(now);
      const metering: Metering = {
        appId: principal.appId,
        product: product.code,
        operationId,
        period: month.period,
        charged: false,
        idempotencyKey,
        repeat: false,
      };
      request.metering = metering;
      const { limits } = subscription;
      request.rateTarget = {
        key: `${principal.appId}:${product.code}`,
        perSecond: limits.ratePerSecond,
        perMinute: limits.ratePerMinute,
      };
      const [burst, sustained] = await limiter.check(request);
      const monthSeconds = Math.ceil((month.end - now) / 1000);
      const policy = `${subscription.policyPrefix}${Math.round((month.end - month.start) / 1000)}`;
      const over = burst.exceeded ? burst : sustained.exceeded ? sustained : undefined;
      if (over) {
        const retry = String(Math.max(1, over.resetSeconds));
        throw new ApiProblem(
          'rate_limited',
          over.name === 'burst'
            ? `More than ${limits.ratePerSecond} calls in one second to '${product.code}'.`
            : `More than ${limits.ratePerMinute} calls in one minute to '${product.code}'.`,
          {
            headers: {
              'ratelimit-policy': policy,
              ratelimit: `"${over.name}";r=0;t=${retry}`,
              'retry-after': retry,
            },
          },
        );
      }

      if (idempotencyKey && (await idempotency.counted(principal.appId, idempotencyKey))) {
        metering.repeat = true;
      } else {
        let admitted: boolean;
        try {
          admitted = await quotas.take(principal.appId, product.code, month.period, limits.monthlyQuota);
        } catch (err) {
          if (err instanceof QuotaUnavailable) {
            request.log.warn({ err: err.cause }, err.message);
            throw new ApiProblem('service_unavailable', 'The quota could not be checked; retry shortly.', {
              headers: { 'retry-after': '1' },
            });
          }
          throw err;
        }
        if (!admitted) {
          const resetsAt = new Date(month.end).toISOString();
          throw new ApiProblem(
            'quota_exceeded',
            `The monthly quota of ${limits.monthlyQuota} calls to '${product.code}' is used up until ${resetsAt}.`,
            {
              headers: {
                'ratelimit-policy': policy,
                ratelimit: `"monthly";r=0;t=${monthSeconds}`,
                'retry-after': String(monthSeconds),
              },
              resetsAt,
            },
          );
        }
        metering.charged = true;
      }
      reply.header('ratelimit-policy', policy);
      reply.header(
        'ratelimit',
        `"burst";r=${burst.remaining};t=${burst.resetSeconds}, "sustained";r=${sustained.remaining};t=${sustained.resetSeconds}`,
      );
    });

    app.addHook('onResponse', async (request, reply) => {
      const metering = request.metering;
      if (!metering) return;
      const counted = isCounted(reply.statusCode);
      if (metering.charged && !counted) quotas.refund(metering.appId, metering.product, metering.period);
      if (metering.repeat) return;
      if (counted && metering.idempotencyKey)
        idempotency.markCounted(metering.appId, metering.idempotencyKey);
      meter.record(metering.appId, metering.product, metering.operationId, statusClassOf(reply.statusCode));
    });

    const flush = setInterval(() => {
      void meter.flush();
      quotas.forgetBefore(clock.now().period);
    }, opts.meteringFlushMs);
    flush.unref();
    app.addHook('onClose', async () => {
      clearInterval(flush);
      await meter.flush();
      await quotas.release();
      await redis?.quit().catch(() => {});
    });
    app.decorate('limits', { products, meter, quotas });
  },
  { name: 'limits', dependencies: ['database', 'authenticate'] },
);
