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
 * While closing, in-flight requests finish and their responses carry `Connection: close`, so
 * kept-alive sockets end instead of holding the close open; requests that still arrive on such
 * sockets get a retryable problem+json 503, so clients move to another instance.
 */
export const shutdownGuard = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.decorate('isClosing', () => closing);
    app.addHook('preClose', async () => {
      closing = true;
    });
    // Callback-style hooks: these run on every request, and an async hook costs a promise each.
    app.addHook('onSend', (_request, reply, payload, done) => {
      if (closing) reply.header('connection', 'close');
      done(null, payload);
    });
    app.addHook('onRequest', (_request, _reply, done) => {
      if (!closing) return done();
      done(
        new ApiProblem('service_unavailable', 'This instance is shutting down; retry on another instance.', {
          headers: { 'retry-after': '1' },
        }),
      );
    });
  },
  { name: 'shutdown-guard' },
);
