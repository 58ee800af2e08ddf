import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { SubscriptionState } from '../auth/subscription-state.js';
import { ApiProblem } from '../errors/api-problem.js';
import type { Maybe } from '../gateway/maybe.js';
import type { AppProductState, AppProductStates } from './app-product-state.js';
import type { IdempotencyRegistry } from './idempotency.js';
import type { Month, MonthClock } from './period.js';
import type { ProductDirectory } from './product-directory.js';
import { type Lease, type QuotaLedger, QuotaUnavailable } from './quota-ledger.js';
import type { RateLimiter } from './rate-limiter.js';
import type { WindowState, Windows } from './rate-windows.js';

/** What the response hook needs to meter a call and to refund its quota unit. */
export interface Metering {
  subscription: SubscriptionState;
  state: AppProductState;
  operationId: string;
  /** The lease a quota unit was spent from, to give it back if the call does not count. */
  charged: Lease | undefined;
  idempotencyKey: string | undefined;
  repeat: boolean;
}

declare module 'fastify' {
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

function subscriptionOf(principal: Principal, product: string): SubscriptionState | undefined {
  const last = principal.lastSubscription;
  if (last?.product === product) return last;
  const subscription = principal.subscriptions.get(product);
  principal.lastSubscription = subscription;
  return subscription;
}

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw ApiProblem.invalidInput('headers/idempotency-key', 'must be 1 to 255 visible ASCII characters');
  }
  return key;
}

export interface AdmissionParts {
  states: AppProductStates;
  products: ProductDirectory;
  limiter: RateLimiter;
  quotas: QuotaLedger;
  idempotency: IdempotencyRegistry;
  clock: MonthClock;
}

/**
 * The metered part of a call, after authentication: the operation's product and the app's
 * subscription to it, the rate limits, then the monthly quota. Synchronous when everything it
 * needs is in memory (the memory store, a quota lease in hand).
 */
export function admission(parts: AdmissionParts) {
  const { states, products, limiter, quotas, idempotency, clock } = parts;

  // The subscription's RateLimit-Policy for the current month, built once rather than per call.
  function policyOf(state: AppProductState, subscription: SubscriptionState, month: Month): string {
    if (state.policyOf !== subscription || state.policyEnd !== month.end) {
      state.policy = `${subscription.policyPrefix}${Math.round((month.end - month.start) / 1000)}`;
      state.policyOf = subscription;
      state.policyEnd = month.end;
    }
    return state.policy;
  }

  function quota(metering: Metering, month: Month, policy: string): Maybe<void> {
    const { state, subscription } = metering;
    let lease = state.lease;
    if (lease?.period !== month.period) lease = state.lease = quotas.leaseOf(subscription, month.period);
    let taken: Maybe<boolean>;
    try {
      taken = quotas.takeFrom(lease, subscription.limits.monthlyQuota);
    } catch (err) {
      return unavailable(err);
    }
    return taken instanceof Promise
      ? taken.then((admitted) => charge(admitted, lease, metering, month, policy), unavailable)
      : charge(taken, lease, metering, month, policy);
  }

  function charge(admitted: boolean, lease: Lease, metering: Metering, month: Month, policy: string): void {
    if (admitted) {
      metering.charged = lease;
      return;
    }
    const { subscription } = metering;
    const seconds = Math.ceil((month.end - Date.now()) / 1000);
    const resetsAt = new Date(month.end).toISOString();
    throw new ApiProblem(
      'quota_exceeded',
      `The monthly quota of ${subscription.limits.monthlyQuota} calls to '${subscription.product}' is used up until ${resetsAt}.`,
      {
        headers: {
          'ratelimit-policy': policy,
          ratelimit: `"monthly";r=0;t=${seconds}`,
          'retry-after': String(seconds),
        },
        resetsAt,
      },
    );
  }

  function unavailable(err: unknown): never {
    if (err instanceof QuotaUnavailable) {
      throw new ApiProblem('service_unavailable', 'The quota could not be checked; retry shortly.', {
        headers: { 'retry-after': '1' },
      });
    }
    throw err;
  }

  function overLimit(over: WindowState, subscription: SubscriptionState, policy: string) {
    const { limits, product } = subscription;
    const retry = String(over.resetSeconds);
    return new ApiProblem(
      'rate_limited',
      over.name === 'burst'
        ? `More than ${limits.ratePerSecond} calls in one second to '${product}'.`
        : `More than ${limits.ratePerMinute} calls in one minute to '${product}'.`,
      {
        headers: {
          'ratelimit-policy': policy,
          ratelimit: `"${over.name}";r=0;t=${retry}`,
          'retry-after': retry,
        },
      },
    );
  }

  // The steps after counting are functions of their own, not closures, so a call that stays
  // synchronous allocates none.
  function afterLimits(
    [burst, sustained]: Windows,
    reply: FastifyReply,
    metering: Metering,
    month: Month,
    policy: string,
  ): Maybe<void> {
    const over = burst.exceeded ? burst : sustained.exceeded ? sustained : undefined;
    if (over) throw overLimit(over, metering.subscription, policy);
    reply.header('ratelimit-policy', policy);
    reply.header(
      'ratelimit',
      `"burst";r=${burst.remaining};t=${burst.resetSeconds}, "sustained";r=${sustained.remaining};t=${sustained.resetSeconds}`,
    );
    const { idempotencyKey } = metering;
    if (!idempotencyKey) return quota(metering, month, policy);
    return idempotency.counted(metering.subscription.appId, idempotencyKey).then((seen) => {
      if (seen) metering.repeat = true;
      else return quota(metering, month, policy);
    });
  }

  return function admit(
    request: FastifyRequest,
    reply: FastifyReply,
    principal: Principal,
    operationId: string,
  ): Maybe<void> {
    const product = products.productOf(operationId);
    const subscription = product && subscriptionOf(principal, product.code);
    if (!product || subscription?.status !== 'active')
      throw notSubscribed(product?.code, subscription?.status);
    const now = Date.now();
    const month = clock.now(now);
    const state = states.for(subscription, now);
    const metering: Metering = {
      subscription,
      state,
      operationId,
      charged: undefined,
      idempotencyKey: idempotencyKeyOf(request),
      repeat: false,
    };
    request.metering = metering;
    const policy = policyOf(state, subscription, month);
    const windows = limiter.check(state, subscription.key, subscription.limits, now);
    return windows instanceof Promise
      ? windows.then((counted) => afterLimits(counted, reply, metering, month, policy))
      : afterLimits(windows, reply, metering, month, policy);
  };
}

export type Admit = ReturnType<typeof admission>;
