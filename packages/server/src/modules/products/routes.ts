import type { FastifyInstance } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import type { OwnApp } from '../console/routes.js';
import { productsRepository } from './repository.js';
import { subscriptionsService } from './service.js';
import { planView, productView, subscriptionView } from './views.js';

/** The console's side of products: what exists, what an app is subscribed to, subscribing, changing plans. */
export async function productRoutes(app: FastifyInstance, ownApp: OwnApp, signedIn: OwnSession) {
  const repo = productsRepository(app.database.db);
  const service = subscriptionsService(app.database.db, () => app.auth.nudge());

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
    const { row, created } = await service.subscribe(current, request.body.product, request.body.plan);
    return reply.code(created ? 201 : 200).send(subscriptionView(row));
  });

  operation(app, 'changeSubscriptionPlan', async (request) => {
    const current = await ownApp(request, request.params.appId, true);
    return subscriptionView(await service.changePlan(current, request.params.productCode, request.body.plan));
  });
}

export type OwnSession = (request: Parameters<OwnApp>[0]) => Promise<unknown>;
