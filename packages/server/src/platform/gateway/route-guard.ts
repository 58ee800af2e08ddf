import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';
import { authenticate, needsAppCredentials, routeSecurity } from '../auth/authenticate.js';
import type { Principal } from '../auth/principal.js';
import { publicCors } from '../http/cors-policy.js';
import { addRouteOnRequest } from '../http/route-hooks.js';

/**
 * The gateway's guard on every operation apps call (api-spec security: OAuth 2 or an API key):
 * authenticate, then admit (product, subscription, rate limits, quota). It is attached to each
 * such route when the route is added, with the route's security and operation id in hand, so no
 * request pays for a lookup of its route's options, and routes without app security (sign-in,
 * the console) carry no guard at all. When everything is in memory it finishes synchronously.
 */
export const routeGuard = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('principal', null);
    app.addHook('onRoute', (route) => {
      const security = route.config?.security;
      const operationId = route.config?.operationId;
      if (!security || !operationId || !needsAppCredentials(security)) return;
      const accepts = routeSecurity(security);
      const admit = (request: FastifyRequest, reply: FastifyReply, principal: Principal) => {
        request.principal = principal;
        return app.limits.admit(request, reply, principal, operationId);
      };
      const guard = (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
        // Before anything can refuse the call, so a browser app can read a 401 or 429 too.
        publicCors(request, reply);
        const principal = authenticate(app.auth, accepts, request.headers);
        if (principal instanceof Promise) return principal.then((p) => admit(request, reply, p));
        const admitted = admit(request, reply, principal);
        // A promise is awaited by Fastify itself; a synchronous pass continues at once.
        if (admitted instanceof Promise) return admitted;
        done();
      };
      addRouteOnRequest(route, guard);
    });
  },
  { name: 'route-guard', dependencies: ['auth', 'limits'] },
);
