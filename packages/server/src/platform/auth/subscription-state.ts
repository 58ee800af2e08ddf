import {
  type Database,
  plans,
  type RateLimitOverrides,
  type SubscriptionStatus,
  subscriptions,
} from '@ixiamen/db';
import { eq } from 'drizzle-orm';
import type { AppProductState } from '../limits/app-product-state.js';

export interface Limits {
  ratePerSecond: number;
  ratePerMinute: number;
  monthlyQuota: number;
}

/**
 * One app × product as limits, quotas and metering count it. `key` is `appId:product`, built
 * once, so the hot path looks its counters up without building a string per call.
 */
export interface AppProduct {
  appId: string;
  product: string;
  key: string;
}

/** The `key` of an app × product. */
export const appProductKey = (appId: string, product: string) => `${appId}:${product}`;

export const appProduct = (appId: string, product: string): AppProduct => ({
  appId,
  product,
  key: appProductKey(appId, product),
});

export interface SubscriptionState extends AppProduct {
  id: string;
  status: SubscriptionStatus;
  limits: Limits;
  /** `RateLimit-Policy` without the monthly window's length, which depends on the month. */
  policyPrefix: string;
  /** The limits' state of this app × product, kept here once found (`AppProductStates.for`). */
  state: AppProductState | undefined;
}

/** A plan's limits with an admin's per-subscription overrides applied. */
export function effectiveLimits(plan: Limits, overrides: RateLimitOverrides | null): Limits {
  return {
    ratePerSecond: overrides?.ratePerSecond ?? plan.ratePerSecond,
    ratePerMinute: overrides?.ratePerMinute ?? plan.ratePerMinute,
    monthlyQuota: overrides?.monthlyQuota ?? plan.monthlyQuota,
  };
}

/** One app's subscriptions with their effective limits: the plan's, overridden per app by admins. */
export async function loadSubscriptions(
  db: Database,
  appId: string,
): Promise<Map<string, SubscriptionState>> {
  const rows = await db
    .select({
      id: subscriptions.id,
      product: subscriptions.productCode,
      status: subscriptions.status,
      overrides: subscriptions.overrides,
      ratePerSecond: plans.ratePerSecond,
      ratePerMinute: plans.ratePerMinute,
      monthlyQuota: plans.monthlyQuota,
    })
    .from(subscriptions)
    .innerJoin(plans, eq(plans.code, subscriptions.planCode))
    .where(eq(subscriptions.appId, appId));
  return new Map(
    rows.map((row) => {
      const limits = effectiveLimits(row, row.overrides);
      const policyPrefix = `"burst";q=${limits.ratePerSecond};w=1, "sustained";q=${limits.ratePerMinute};w=60, "monthly";q=${limits.monthlyQuota};w=`;
      return [
        row.product,
        // Written out, not spread, like every object the hot path reads: one hidden class for all.
        {
          appId,
          product: row.product,
          key: appProductKey(appId, row.product),
          id: row.id,
          status: row.status,
          limits,
          policyPrefix,
          state: undefined,
        },
      ];
    }),
  );
}
