import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const EXPOSED = ['x-request-id', 'www-authenticate', 'retry-after', 'ratelimit', 'ratelimit-policy', 'etag'];
const COOKIE_PATHS = ['/console/', '/auth/'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own CORS options, read by @fastify/cors. */
    cors?: FastifyCorsOptions | false;
  }
}

/**
 * Two CORS policies: the console and sign-in take cookies, so only the portal's origin may call
 * them with credentials; the public API and token endpoint are for any origin (browser apps
 * with PKCE), never with cookies. Both are static options, resolved when routes are added, not
 * per request: a per-request delegator cost a tenth of a cached read's throughput.
 */
export const corsPolicy = fp(
  async (app: FastifyInstance, opts: { consoleOrigins: string[] }) => {
    app.decorate('consoleOrigins', opts.consoleOrigins);
    const consoleCors = {
      origin: opts.consoleOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE'],
      exposedHeaders: EXPOSED,
    };
    app.addHook('onRoute', (route) => {
      if (COOKIE_PATHS.some((p) => route.url.startsWith(p)))
        route.config = { ...route.config, cors: consoleCors };
    });
    await app.register(cors, { origin: '*', credentials: false, exposedHeaders: EXPOSED });
    // Preflights of the cookie paths get their own routes, so they answer with the console policy.
    for (const path of COOKIE_PATHS) app.options(`${path}*`, (_request, reply) => reply.send());
  },
  { name: 'cors-policy' },
);
