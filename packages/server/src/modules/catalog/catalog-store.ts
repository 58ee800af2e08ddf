import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type CatalogRepository, catalogRepository } from './repository.js';
import { CatalogSnapshot } from './snapshot.js';

export interface CatalogStore {
  current(): CatalogSnapshot;
  /** Rebuilds the snapshot now if the database's catalogue changed. */
  refresh(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    catalog: CatalogStore;
  }
}

// Rows read after the fingerprint can only be newer than it, so a change in between is
// picked up again by the next poll, never lost.
const load = async (repo: CatalogRepository, fingerprint: string) =>
  new CatalogSnapshot(await repo.loadAll(), fingerprint);

/**
 * Keeps the catalogue snapshot current. Every instance polls a one-row fingerprint query every
 * `refreshMs` in the background, so a change made anywhere is served everywhere within that
 * bound, and no request waits for the database.
 */
export const catalogStore = fp(
  async (app: FastifyInstance, opts: { refreshMs: number }) => {
    const repo = catalogRepository(app.database.db);
    let fingerprint = await repo.fingerprint();
    let snapshot = await load(repo, fingerprint);

    const refresh = async () => {
      const next = await repo.fingerprint();
      if (next === fingerprint) return;
      snapshot = await load(repo, next);
      fingerprint = next;
    };
    const timer = setInterval(() => {
      refresh().catch((err) => app.log.warn({ err }, 'catalogue refresh failed; serving the last snapshot'));
    }, opts.refreshMs);
    timer.unref();
    app.addHook('preClose', async () => clearInterval(timer));

    app.decorate('catalog', { current: () => snapshot, refresh });
  },
  { name: 'catalog-store', dependencies: ['database'] },
);
