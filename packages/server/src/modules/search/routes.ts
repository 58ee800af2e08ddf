import type { FastifyInstance } from 'fastify';
import { catalogReader } from '../catalog/routes.js';
import { search } from './search-service.js';
import type { SynonymGroups } from './synonyms.js';

export async function searchRoutes(app: FastifyInstance, opts: { synonyms: SynonymGroups }) {
  catalogReader(app)('search', (snap, { query: { q, type, limit = 20, cursor } }) =>
    search(snap, opts.synonyms, { q, type, limit, cursor }),
  );
}
