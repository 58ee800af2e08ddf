import type { FastifyInstance, FastifyRequest } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor.js';
import { requireSession } from '../identity/session-guard.js';
import { productsRepository } from '../products/repository.js';
import { planView, productView, subscriptionView } from '../products/views.js';
import { usageService } from '../usage/service.js';
import { appsService } from './apps-service.js';
import type { Actor } from './audit.js';
import { auditLog } from './audit-log.js';
import { catalogueService } from './catalogue-service.js';
import type { AdminContext } from './context.js';
import { adminAppView, auditEventView } from './views.js';

// A cursor's key goes into a query on uuid and timestamp columns, which refuse anything else: it
// must be a key these lists issue, a row id or an app's creation time and id.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isId = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const isInstant = (v: unknown): v is string =>
  typeof v === 'string' && Date.parse(v) >= 0 && new Date(v).toISOString() === v;
const isAppKey = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && isInstant(v[0]) && isId(v[1]);
const isNumber = (v: unknown): v is number => Number.isSafeInteger(v);

/**
 * The platform admins' API. The admin role comes from the city identity service; every change
 * writes an audit row in its own transaction and reaches every instance through the feed.
 */
export async function adminRoutes(app: FastifyInstance) {
  const db = app.database.db;
  const ctx: AdminContext = { db, nudge: () => app.auth.nudge() };
  const catalogue = catalogueService(ctx);
  const decisions = appsService(ctx);
  const repo = productsRepository(db);
  const usage = usageService(db);
  const audit = auditLog(db);

  const admin = async (request: FastifyRequest, csrf = false): Promise<Actor> => {
    const { account } = await requireSession(app, request, { csrf });
    if (!account.roles.includes('admin')) throw new ApiProblem('forbidden', 'This needs the admin role.');
    return { accountId: account.id, name: account.name, via: 'console', requestId: request.id };
  };

  operation(app, 'adminListProducts', async (request) => {
    await admin(request);
    return { data: (await repo.products()).map(productView) };
  });
  operation(app, 'createProduct', async (request, reply) => {
    const created = await catalogue.createProduct(await admin(request, true), request.body);
    return reply.code(201).send(productView(created));
  });
  operation(app, 'updateProduct', async (request) =>
    productView(
      await catalogue.updateProduct(await admin(request, true), request.params.productCode, request.body),
    ),
  );
  operation(app, 'deleteProduct', async (request, reply) => {
    await catalogue.deleteProduct(await admin(request, true), request.params.productCode);
    return reply.code(204).send();
  });

  operation(app, 'listPlans', async (request) => {
    await admin(request);
    return { data: (await repo.plans()).map(planView) };
  });
  operation(app, 'createPlan', async (request, reply) => {
    const created = await catalogue.createPlan(await admin(request, true), request.body);
    return reply.code(201).send(planView(created));
  });
  operation(app, 'updatePlan', async (request) =>
    planView(await catalogue.updatePlan(await admin(request, true), request.params.planCode, request.body)),
  );
  operation(app, 'deletePlan', async (request, reply) => {
    await catalogue.deletePlan(await admin(request, true), request.params.planCode);
    return reply.code(204).send();
  });

  operation(app, 'adminListSubscriptions', async (request) => {
    await admin(request);
    const { status, awaitingDecision, appId, cursor, limit = 20 } = request.query;
    const after = cursor ? decodeCursor(cursor, isId) : undefined;
    const rows = await repo.subscriptions({ status, awaitingDecision, appId, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return {
      data: page.map(subscriptionView),
      nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
    };
  });
  operation(app, 'updateSubscription', async (request) =>
    subscriptionView(
      await decisions.updateSubscription(
        await admin(request, true),
        request.params.subscriptionId,
        request.body,
      ),
    ),
  );

  operation(app, 'adminListApps', async (request) => {
    await admin(request);
    const { status, cursor, limit = 20 } = request.query;
    const rows = await decisions.listApps({
      status,
      limit,
      ...(cursor ? { after: decodeCursor(cursor, isAppKey) } : {}),
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      data: page.map(adminAppView),
      nextCursor:
        rows.length > limit && last ? encodeCursor([last.app.createdAt.toISOString(), last.app.id]) : null,
    };
  });
  operation(app, 'adminUpdateApp', async (request) => {
    const actor = await admin(request, true);
    const { status, reason } = request.body;
    await decisions.setAppStatus(actor, request.params.appId, status, reason);
    const [row] = await decisions.listApps({ appId: request.params.appId, limit: 1 });
    return adminAppView(row!);
  });
  operation(app, 'revokeAppCredentials', async (request) =>
    decisions.revokeCredentials(await admin(request, true), request.params.appId),
  );

  operation(app, 'getPlatformUsage', async (request) => {
    await admin(request);
    return usage.platform(request.query);
  });

  operation(app, 'listAuditEvents', async (request) => {
    await admin(request);
    const { action, targetId, cursor, limit = 20 } = request.query;
    const before = cursor ? decodeCursor(cursor, isNumber) : undefined;
    const rows = await audit.list({ action, targetId, before, limit });
    const page = rows.slice(0, limit);
    return {
      data: page.map(auditEventView),
      nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
    };
  });
}
