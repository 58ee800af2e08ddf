import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiProblem } from '../errors/api-problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** True once the instance has begun to close; readiness turns 503. */
    isClosing(): boolean;
  }
}

/**
 * While closing, requests that still arrive on kept-alive connections get a problem+json 503
 * with `Connection: close`, so clients move to another instance; in-flight ones finish.
 */
export const shutdownGuard = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.decorate('isClosing', () => closing);
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (_request, reply) => {
      if (!closing) return;
      reply.header('connection', 'close');
      throw new ApiProblem(
        'service_unavailable',
        'This instance is shutting down; retry on another instance.',
        {
          headers: { 'retry-after': '1' },
        },
      );
    });
  },
  { name: 'shutdown-guard' },
);
