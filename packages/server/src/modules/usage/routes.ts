import type { FastifyInstance } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import type { OwnApp } from '../console/routes.js';
import { usageService } from './service.js';

/** An app's usage for its publisher: series, breakdowns and the quota left this month. */
export async function usageRoutes(app: FastifyInstance, ownApp: OwnApp) {
  const usage = usageService(app.database.db);
  operation(app, 'getAppUsage', async (request) => {
    const current = await ownApp(request, request.params.appId);
    return usage.app(current.id, request.query);
  });
}
