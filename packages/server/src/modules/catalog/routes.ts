import type { FastifyInstance } from 'fastify';
import { operation } from '../../platform/contract/route.js';
import { catalogRepository } from './repository.js';
import { catalogService } from './service.js';

export async function catalogRoutes(app: FastifyInstance) {
  const catalog = catalogService(catalogRepository(app.database.db));

  operation(app, 'listCategories', async () => ({ data: await catalog.listCategories() }));
}
