import { type RateLimitOverrides, type SubscriptionStatus, subscriptions } from '@ixiamen/db';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

/** Sets an app's limits on one product as an admin override would, and makes them effective. */
export async function setLimits(
  app: FastifyInstance,
  appId: string,
  product: string,
  overrides: RateLimitOverrides | null,
  status: SubscriptionStatus = 'active',
) {
  await app.database.db
    .update(subscriptions)
    .set({ overrides, status })
    .where(and(eq(subscriptions.appId, appId), eq(subscriptions.productCode, product)));
  await app.auth.revoke([{ kind: 'app', subject: appId, until: null }]);
}
