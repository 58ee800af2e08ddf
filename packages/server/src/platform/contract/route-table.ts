import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { SecurityRequirement } from './openapi-document.js';

export interface RegisteredRoute {
  method: string;
  url: string;
  operationId: string | undefined;
  security: SecurityRequirement[] | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app registered, for conformance and security checks. */
    routeTable(): readonly RegisteredRoute[];
  }
}

export const routeTable = fp(
  async (app: FastifyInstance) => {
    const routes: RegisteredRoute[] = [];
    app.decorate('routeTable', () => routes);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        // Fastify adds a HEAD twin for every GET itself; the contract only names the GET.
        if (method === 'HEAD' && routes.some((r) => r.method === 'GET' && r.url === route.url)) continue;
        // CORS preflights (OPTIONS routes answered by @fastify/cors) are protocol, not operations.
        if (method === 'OPTIONS') continue;
        routes.push({
          method,
          url: route.url,
          operationId: route.config?.operationId,
          security: route.config?.security,
        });
      }
    });
  },
  { name: 'route-table' },
);
