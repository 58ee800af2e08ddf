import {
  apps,
  type Database,
  DEFAULT_PLAN,
  type Plan,
  plans,
  products,
  type SubscriptionStatus,
  subscriptions,
} from '@ixiamen/db';
import { and, asc, eq, gt, inArray, isNotNull, not, or, type SQL, sql } from 'drizzle-orm';

type Writer = Pick<Database, 'insert' | 'select'>;

export const subscriptionColumns = {
  id: subscriptions.id,
  appId: subscriptions.appId,
  appName: apps.name,
  product: subscriptions.productCode,
  plan: subscriptions.planCode,
  requestedPlan: subscriptions.requestedPlanCode,
  status: subscriptions.status,
  overrides: subscriptions.overrides,
  note: subscriptions.note,
  createdAt: subscriptions.createdAt,
  updatedAt: subscriptions.updatedAt,
  decidedAt: subscriptions.decidedAt,
  ratePerSecond: plans.ratePerSecond,
  ratePerMinute: plans.ratePerMinute,
  monthlyQuota: plans.monthlyQuota,
};

export interface SubscriptionFilter {
  appId?: string | undefined;
  status?: SubscriptionStatus | undefined;
  /** `true`: only those awaiting an admin (pending, or with a requested plan); `false`: only the others. */
  awaitingDecision?: boolean | undefined;
  /** Only rows with an id after this one (keyset pagination). */
  after?: string | undefined;
  limit?: number;
}

/** Products, plans and subscriptions, for the console, the admin API and the CLI alike. */
export function productsRepository(db: Database) {
  /** Subscriptions with their app's name and their plan's limits, as every view of them needs. */
  const withPlans = () =>
    db
      .select(subscriptionColumns)
      .from(subscriptions)
      .innerJoin(apps, eq(apps.id, subscriptions.appId))
      .innerJoin(plans, eq(plans.code, subscriptions.planCode));

  return {
    products: () => db.select().from(products).orderBy(asc(products.code)),
    plans: () =>
      db
        .select()
        .from(plans)
        .orderBy(sql`${plans.environment} = 'production'`, asc(plans.monthlyQuota), asc(plans.code)),
    async product(code: string) {
      const [row] = await db.select().from(products).where(eq(products.code, code));
      return row;
    },
    async plan(code: string) {
      const [row] = await db.select().from(plans).where(eq(plans.code, code));
      return row;
    },

    subscriptions(filter: SubscriptionFilter) {
      const where: SQL[] = [];
      if (filter.appId) where.push(eq(subscriptions.appId, filter.appId));
      if (filter.status) where.push(eq(subscriptions.status, filter.status));
      if (filter.awaitingDecision !== undefined) {
        const awaiting = or(eq(subscriptions.status, 'pending'), isNotNull(subscriptions.requestedPlanCode))!;
        where.push(filter.awaitingDecision ? awaiting : not(awaiting));
      }
      if (filter.after) where.push(gt(subscriptions.id, filter.after));
      const query = withPlans()
        .where(and(...where))
        .orderBy(asc(subscriptions.id));
      return filter.limit ? query.limit(filter.limit) : query;
    },

    async subscription(id: string) {
      const [row] = await withPlans().where(eq(subscriptions.id, id));
      return row;
    },
  };
}

export type ProductsRepository = ReturnType<typeof productsRepository>;
export type SubscriptionRow = Awaited<ReturnType<ProductsRepository['subscription']>> & {};

/** Whether subscribing to this product on this plan waits for an admin. */
const needsApproval = (sensitivity: 'public' | 'personal', plan: Pick<Plan, 'requiresApproval'>) =>
  sensitivity === 'personal' || plan.requiresApproval;

/** A new subscription: active (and decided) at once unless its product or plan needs an admin's approval. */
export function newSubscription(
  appId: string,
  productCode: string,
  sensitivity: 'public' | 'personal',
  plan: Pick<Plan, 'code' | 'requiresApproval'>,
) {
  const active = !needsApproval(sensitivity, plan);
  return {
    appId,
    productCode,
    planCode: plan.code,
    status: active ? ('active' as const) : ('pending' as const),
    decidedAt: active ? new Date() : null,
  };
}

/**
 * A new app's subscriptions, in the transaction that creates it: every public product on its
 * environment's default plan, active at once, and the personal products it asked for, pending.
 */
export async function subscribeNewApp(
  tx: Writer,
  app: { id: string; environment: 'sandbox' | 'production'; products: string[] },
): Promise<void> {
  const planCode = DEFAULT_PLAN[app.environment];
  const [plan] = await tx.select().from(plans).where(eq(plans.code, planCode));
  const rows = await tx
    .select({ code: products.code, sensitivity: products.sensitivity })
    .from(products)
    .where(inArray(products.code, app.products));
  const publicRows = await tx
    .select({ code: products.code, sensitivity: products.sensitivity })
    .from(products)
    .where(eq(products.sensitivity, 'public'));
  const wanted = new Map([...publicRows, ...rows].map((p) => [p.code, p.sensitivity]));
  if (!plan || wanted.size === 0) return;
  await tx
    .insert(subscriptions)
    .values(
      [...wanted].map(([productCode, sensitivity]) =>
        newSubscription(app.id, productCode, sensitivity, plan),
      ),
    )
    .onConflictDoNothing();
}
