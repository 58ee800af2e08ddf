import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const EXPOSED = ['x-request-id', 'www-authenticate', 'retry-after', 'ratelimit', 'ratelimit-policy', 'etag'];
const COOKIE_PATHS = ['/console/', '/admin/', '/auth/'];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A route's own CORS options, read by @fastify/cors. */
    cors?: FastifyCorsOptions | false;
  }
}

const PUBLIC_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': EXPOSED.join(', '),
};

/**
 * The public API's CORS headers: any origin, never with cookies. Only browser calls (those
 * with an Origin) get them, so server-to-server calls do not carry their bytes; `Vary: Origin`
 * keeps caches from serving one kind of answer to the other.
 */
export function publicCors(request: FastifyRequest, reply: FastifyReply) {
  reply.header('vary', 'origin');
  if (request.headers.origin !== undefined) reply.headers(PUBLIC_HEADERS);
}

/**
 * CORS for everything but the metered API (whose guard sets `publicCors` itself, so its calls
 * run no CORS hook): the console and sign-in take cookies, so only the portal's origin may call
 * them, with credentials; the token endpoint and the rest are for any origin, without cookies.
 * Both policies are static options, resolved when routes are added. @fastify/cors's wildcard
 * OPTIONS route answers every preflight, the metered API's included.
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
      if (COOKIE_PATHS.some((p) => route.url.startsWith(p))) {
        route.config = { ...route.config, cors: consoleCors };
      }
    });
    await app.register(cors, { origin: '*', credentials: false, exposedHeaders: EXPOSED });
    // Preflights of the cookie paths get their own routes, so they answer with the console policy.
    for (const path of COOKIE_PATHS) app.options(`${path}*`, (_request, reply) => reply.send());
  },
  { name: 'cors-policy' },
);
