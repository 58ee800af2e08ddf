import Fastify from 'fastify';
import { policeRoutes } from './police/routes.js';
import { createPopulation, type Population } from './population/population.js';
import { pricesRoutes } from './prices/routes.js';

export interface DepartmentsOptions {
  population?: Population;
  logger?: boolean;
}

/**
 * The sandbox department systems, as the platform's connectors see them: a separate HTTP
 * service with its own error format, over a deterministic synthetic population.
 */
export async function buildDepartmentsApp(options: DepartmentsOptions = {}) {
  const app = Fastify({ logger: options.logger ?? false });
  const population = options.population ?? createPopulation();
  app.get('/healthz', async () => ({ status: 'ok', population: population.size }));
  await app.register(policeRoutes, { population });
  await app.register(pricesRoutes);
  return app;
}
