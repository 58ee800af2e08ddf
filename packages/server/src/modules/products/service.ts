import { type App, apps, credentialEvents, type Database, plans, products, subscriptions } from '@ixiamen/db';
import { and, eq, sql } from 'drizzle-orm';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { newSubscription, productsRepository } from './repository.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const suspended = (productCode: string) =>
  new ApiProblem(
    'conflict',
    `The subscription to '${productCode}' is suspended; only a platform admin can lift the suspension.`,
  );

/**
 * A developer's own decisions about an app's subscriptions: subscribing, asking again after a
 * rejection, changing plans. The audit log records admins' changes only, so these leave what
 * subscribing always left: the row's `updatedAt` and an app-changed event on the credential feed,
 * written in the same transaction, which also brings a new plan's limits to every instance.
 */
export function subscriptionsService(db: Database, nudge: () => Promise<void>) {
  const repo = productsRepository(db);

  /** The plan, if it exists and belongs to the app's environment; a 400 otherwise. */
  async function planOf(tx: Tx, app: App, code: string) {
    const [plan] = await tx.select().from(plans).where(eq(plans.code, code));
    if (!plan) throw ApiProblem.invalidInput('body/plan', `names no plan ('${code}')`);
    if (plan.environment !== app.environment) {
      throw ApiProblem.invalidInput(
        'body/plan',
        `is a ${plan.environment} plan; this is a ${app.environment} app`,
      );
    }
    return plan;
  }

  async function locked(tx: Tx, appId: string, productCode: string) {
    const [row] = await tx
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.appId, appId), eq(subscriptions.productCode, productCode)))
      .for('update');
    return row;
  }

  /** Runs a change to one subscription; `feed` tells every instance to reload the app's subscriptions. */
  async function change<T extends { id: string; feed: boolean }>(
    appId: string,
    work: (tx: Tx) => Promise<T>,
  ) {
    const out = await db.transaction(async (tx) => {
      const done = await work(tx);
      if (done.feed) await tx.insert(credentialEvents).values({ kind: 'app', subject: appId, until: null });
      return done;
    });
    if (out.feed) await nudge();
    return { out, row: (await repo.subscription(out.id))! };
  }

  /** The subscription an admin rejected, back to pending on the plan asked for; a 409 for any other. */
  async function askAgain(tx: Tx, appId: string, productCode: string, planCode: string) {
    const before = (await locked(tx, appId, productCode))!;
    if (before.status === 'suspended') throw suspended(productCode);
    if (before.status !== 'rejected') {
      throw new ApiProblem(
        'conflict',
        `The app already has a subscription to '${productCode}'; change its plan with changeSubscriptionPlan.`,
      );
    }
    await tx
      .update(subscriptions)
      .set({ status: 'pending', planCode, requestedPlanCode: null, decidedAt: null, updatedAt: new Date() })
      .where(eq(subscriptions.id, before.id));
    return before.id;
  }

  return {
    /**
     * Subscribes the app, or asks again for a subscription an admin rejected: that one goes back
     * to `pending` on the plan given whatever the product and plan, since an admin refused it once.
     */
    async subscribe(app: App, productCode: string, planCode: string) {
      const { out, row } = await change(app.id, async (tx) => {
        const [product] = await tx.select().from(products).where(eq(products.code, productCode));
        if (!product) throw ApiProblem.invalidInput('body/product', `names no product ('${productCode}')`);
        const plan = await planOf(tx, app, planCode);
        const [inserted] = await tx
          .insert(subscriptions)
          .values(newSubscription(app.id, productCode, product.sensitivity, plan))
          .onConflictDoNothing()
          .returning({ id: subscriptions.id });
        const id = inserted?.id ?? (await askAgain(tx, app.id, productCode, planCode));
        // The consent screen offers the scopes of the products an app asked for.
        if (!app.products.includes(productCode)) {
          await tx
            .update(apps)
            .set({ products: sql`${apps.products} || ${JSON.stringify([productCode])}::jsonb` })
            .where(eq(apps.id, app.id));
        }
        return { id, feed: true, created: Boolean(inserted) };
      });
      return { row, created: out.created };
    },

    /**
     * Moves a subscription to another plan of the app's environment. An active one moves at once
     * to a plan that needs no approval and records any other as requested (its current plan,
     * asked for again, cancels the request); a pending one waits for an admin on the new plan.
     */
    async changePlan(app: App, productCode: string, planCode: string) {
      const { row } = await change(app.id, async (tx) => {
        const before = await locked(tx, app.id, productCode);
        if (!before) throw new ApiProblem('not_found', `The app has no subscription to '${productCode}'.`);
        const plan = await planOf(tx, app, planCode);
        if (before.status === 'suspended') throw suspended(productCode);
        if (before.status === 'rejected') {
          throw new ApiProblem(
            'conflict',
            `The subscription to '${productCode}' was rejected; request it again with createSubscription.`,
          );
        }
        const next =
          before.status === 'pending' || planCode === before.planCode || !plan.requiresApproval
            ? { planCode, requestedPlanCode: null }
            : { planCode: before.planCode, requestedPlanCode: planCode };
        if (next.planCode === before.planCode && next.requestedPlanCode === before.requestedPlanCode) {
          return { id: before.id, feed: false };
        }
        await tx
          .update(subscriptions)
          .set({ ...next, updatedAt: new Date() })
          .where(eq(subscriptions.id, before.id));
        // A recorded request changes nothing the instances enforce; a new plan does.
        return { id: before.id, feed: next.planCode !== before.planCode };
      });
      return row;
    },
  };
}
