import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const EXPOSED = ['x-request-id', 'www-authenticate', 'retry-after', 'ratelimit', 'ratelimit-policy', 'etag'];

/**
 * Two CORS policies: the console and sign-in take cookies, so only the portal's origin may call
 * them with credentials; the public API and token endpoint are for any origin (browser apps
 * with PKCE), never with cookies.
 */
export const corsPolicy = fp(
  async (app: FastifyInstance, opts: { consoleOrigins: string[] }) => {
    app.decorate('consoleOrigins', opts.consoleOrigins);
    await app.register(cors, {
      delegator: (request, callback) => {
        const path = request.url ?? '';
        if (path.startsWith('/console/') || path.startsWith('/auth/')) {
          callback(null, {
            origin: opts.consoleOrigins,
            credentials: true,
            methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
            exposedHeaders: EXPOSED,
          });
          return;
        }
        callback(null, { origin: '*', credentials: false, exposedHeaders: EXPOSED });
      },
    });
  },
  { name: 'cors-policy' },
);
