import { apps, subscriptions } from '@ixiamen/db';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import type { OwnApp } from '../console/routes.js';
import { needsApproval, productsRepository } from './repository.js';
import { planView, productView, subscriptionView } from './views.js';

/** The console's side of products: what exists, what an app is subscribed to, subscribing. */
export async function productRoutes(app: FastifyInstance, ownApp: OwnApp, signedIn: OwnSession) {
  const db = app.database.db;
  const repo = productsRepository(db);

  operation(app, 'listProducts', async (request) => {
    await signedIn(request);
    const [products, plans] = await Promise.all([repo.products(), repo.plans()]);
    return { products: products.map(productView), plans: plans.map(planView) };
  });

  operation(app, 'listSubscriptions', async (request) => {
    const current = await ownApp(request, request.params.appId);
    const rows = await repo.subscriptions({ appId: current.id });
    return { data: rows.map(subscriptionView), nextCursor: null };
  });

  operation(app, 'createSubscription', async (request, reply) => {
    const current = await ownApp(request, request.params.appId, true);
    const { product: productCode, plan: planCode } = request.body;
    const [product, plan] = await Promise.all([repo.product(productCode), repo.plan(planCode)]);
    if (!product) throw ApiProblem.invalidInput('body/product', `names no product ('${productCode}')`);
    if (!plan) throw ApiProblem.invalidInput('body/plan', `names no plan ('${planCode}')`);
    if (plan.environment !== current.environment) {
      throw ApiProblem.invalidInput(
        'body/plan',
        `is a ${plan.environment} plan; this is a ${current.environment} app`,
      );
    }
    const status = needsApproval(product.sensitivity, plan) ? 'pending' : 'active';
    const id = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(subscriptions)
        .values({
          appId: current.id,
          productCode,
          planCode,
          status,
          decidedAt: status === 'active' ? new Date() : null,
        })
        .onConflictDoNothing()
        .returning({ id: subscriptions.id });
      // The consent screen offers the scopes of the products an app asked for.
      if (row && !current.products.includes(productCode)) {
        await tx
          .update(apps)
          .set({ products: sql`${apps.products} || ${JSON.stringify([productCode])}::jsonb` })
          .where(eq(apps.id, current.id));
      }
      return row?.id;
    });
    if (!id) throw new ApiProblem('conflict', `The app already has a subscription to '${productCode}'.`);
    await app.auth.revoke([{ kind: 'app', subject: current.id, until: null }]);
    const created = await repo.subscription(id);
    return reply.code(201).send(subscriptionView(created!));
  });
}

export type OwnSession = (request: Parameters<OwnApp>[0]) => Promise<unknown>;
