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
 * The hooks every request passes, one on the way in and one on the way out, because the
 * gateway's hot path pays for each hook. Every answer echoes the request id. While closing,
 * requests that still arrive get a retryable problem+json 503, so clients move to another
 * instance, and answers carry `Connection: close`, so kept-alive sockets end instead of holding
 * the close open.
 */
export const requestHooks = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.decorate('isClosing', () => closing);
    app.addHook('preClose', async () => {
      closing = true;
    });
    // Callback-style hooks: an async hook costs a promise per request.
    app.addHook('onRequest', (_request, _reply, done) => {
      if (!closing) return done();
      done(
        new ApiProblem('service_unavailable', 'This instance is shutting down; retry on another instance.', {
          headers: { 'retry-after': '1' },
        }),
      );
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      reply.header('x-request-id', request.id);
      if (closing) reply.header('connection', 'close');
      done(null, payload);
    });
  },
  { name: 'request-hooks' },
);
