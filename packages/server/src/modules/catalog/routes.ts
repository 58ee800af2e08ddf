import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type OperationHandler,
  type OperationId,
  type OperationRoute,
  operation,
} from '../../platform/contract/route.js';
import { notModified } from '../../platform/http/conditional-get.js';
import { AnswerCache } from './answer-cache.js';
import { listOrganisations, listPolicies, listServices, notFound } from './service.js';
import type { CatalogSnapshot } from './snapshot.js';

type Request<Id extends OperationId> = {
  query: OperationRoute<Id>['Querystring'];
  params: OperationRoute<Id>['Params'];
};

const JSON_TYPE = 'application/json; charset=utf-8';
// Answers kept per operation and snapshot: every list's first pages and the common searches.
const ANSWERS_PER_OPERATION = 500;

/**
 * Registers catalogue reads: each is computed from the current snapshot (so bad input still
 * gets its 400 or 404), then answered 304 when the client already holds that snapshot. The
 * handler is synchronous and sends the snapshot's stored answer, serialized once per URL.
 */
export function catalogReader(app: FastifyInstance) {
  return <Id extends OperationId>(
    id: Id,
    produce: (snap: CatalogSnapshot, request: Request<Id>) => OperationRoute<Id>['Reply'],
  ) => {
    const answers = new AnswerCache<CatalogSnapshot>(ANSWERS_PER_OPERATION);
    operation(app, id, ((request: FastifyRequest<OperationRoute<Id>>, reply: FastifyReply) => {
      const snap = app.catalog.current();
      const json = answers.get(snap, request.url, () => produce(snap, request as Request<Id>));
      if (!notModified(request, reply, snap.etag)) reply.header('content-type', JSON_TYPE).send(json);
    }) as OperationHandler<Id>);
  };
}

export async function catalogRoutes(app: FastifyInstance) {
  const read = catalogReader(app);

  read('listCategories', (s) => ({ data: s.categories }));
  read('listThemes', (s) => ({ data: s.themes }));
  read('listServices', (s, { query: { limit = 20, cursor, ...filters } }) =>
    listServices(s, filters, limit, cursor),
  );
  read(
    'getService',
    (s, { params }) => s.serviceDetails.get(params.slug) ?? throwNotFound('service', params.slug),
  );
  read('listServiceFaqs', (s, { params }) => ({
    data: s.faqsBySlug.get(params.slug) ?? throwNotFound('service', params.slug),
  }));
  read('listOrganisations', (s, { query: { limit = 20, cursor, ...filters } }) =>
    listOrganisations(s, filters, limit, cursor),
  );
  read(
    'getOrganisation',
    (s, { params }) => s.organisationByCode.get(params.code) ?? throwNotFound('organisation', params.code),
  );
  read('listPolicies', (s, { query: { limit = 20, cursor, ...filters } }) =>
    listPolicies(s, filters, limit, cursor),
  );
  read(
    'getPolicy',
    (s, { params }) => s.policyBySlug.get(params.slug) ?? throwNotFound('policy', params.slug),
  );
}

function throwNotFound(what: string, id: string): never {
  throw notFound(what, id);
}
