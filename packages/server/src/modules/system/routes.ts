import type { FastifyInstance } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';

export async function systemRoutes(app: FastifyInstance) {
  operation(app, 'getHealth', async () => ({ status: 'ok' as const }));

  operation(app, 'getReadiness', async (request) => {
    if (app.isClosing()) throw new ApiProblem('service_unavailable', 'This instance is shutting down.');
    try {
      await app.database.ping();
    } catch (err) {
      request.log.warn({ err }, 'database ping failed');
      throw new ApiProblem('service_unavailable', 'The database does not answer.', {
        headers: { 'retry-after': '5' },
      });
    }
    return { status: 'ok' as const, checks: { database: 'ok' as const } };
  });
}
