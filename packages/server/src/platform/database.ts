import type { DatabaseHandle } from '@ixiamen/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
}

/** Exposes the database to modules and closes it after the last request has finished. */
export const databasePlugin = fp(
  async (app: FastifyInstance, opts: { handle: DatabaseHandle; ownsHandle: boolean }) => {
    app.decorate('database', opts.handle);
    if (opts.ownsHandle) app.addHook('onClose', async () => opts.handle.close());
  },
  { name: 'database' },
);
