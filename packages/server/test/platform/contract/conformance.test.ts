import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { compareRoutes } from '../../../src/platform/contract/conformance.js';
import type { OpenApiDocument } from '../../../src/platform/contract/openapi-document.js';
import { contract, contractOperations } from '../../../src/platform/contract/operations.js';
import { operation } from '../../../src/platform/contract/route.js';
import { routeTable } from '../../../src/platform/contract/route-table.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import { responseValidator } from './response-validator.js';

/** One real request per operation; a new operation must add its own before this test passes. */
const samples: Record<string, { url: string; status: number }[]> = {
  getHealth: [
    { url: '/healthz', status: 200 },
    { url: '/healthz?verbose=1', status: 400 },
  ],
  getReadiness: [{ url: '/readyz', status: 200 }],
  listCategories: [
    { url: '/v1/categories', status: 200 },
    { url: '/v1/categories?unknown=1', status: 400 },
  ],
  listThemes: [{ url: '/v1/themes', status: 200 }],
  listServices: [
    { url: '/v1/services?category=identity&fee=charged&limit=3', status: 200 },
    { url: '/v1/services?cursor=broken', status: 400 },
  ],
  getService: [
    { url: '/v1/services/jifen-ruxue', status: 200 },
    { url: '/v1/services/no-such-service', status: 404 },
  ],
  listServiceFaqs: [
    { url: '/v1/services/residence-permit/faqs', status: 200 },
    { url: '/v1/services/no-such-service/faqs', status: 404 },
  ],
  listOrganisations: [
    { url: '/v1/organisations?kind=service_hall', status: 200 },
    { url: '/v1/organisations?district=100000', status: 400 },
  ],
  getOrganisation: [
    { url: '/v1/organisations/xm-police', status: 200 },
    { url: '/v1/organisations/xm-nowhere', status: 404 },
  ],
  listPolicies: [
    { url: '/v1/policies?limit=2', status: 200 },
    { url: '/v1/policies?service=no-such-service', status: 400 },
  ],
  getPolicy: [
    { url: '/v1/policies/prc-social-insurance-law', status: 200 },
    { url: '/v1/policies/no-such-policy', status: 404 },
  ],
  search: [
    { url: '/v1/search?q=%E7%A7%AF%E5%88%86%E5%85%A5%E5%AD%A6', status: 200 },
    { url: '/v1/search?q=', status: 400 },
  ],
};

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await t.app.ready();
});
afterAll(() => t.close());

describe('server ↔ api-spec conformance', () => {
  it('happy: every spec operation has a route and every route is in the spec', () => {
    expect(compareRoutes(contract, t.app.routeTable())).toEqual({
      missingRoutes: [],
      undocumentedRoutes: [],
    });
  });

  it('security: every route declares its security requirement in the spec', () => {
    const undeclared = t.app.routeTable().filter((r) => !Array.isArray(r.security));
    expect(undeclared).toEqual([]);
  });

  it('happy: every operation has a sample request here', () => {
    expect(Object.keys(samples).sort()).toEqual([...contract.keys()].sort());
  });

  it('happy: real responses validate against the spec, errors included', async () => {
    const validate = responseValidator(openapiDocument);
    for (const [operationId, requests] of Object.entries(samples)) {
      const op = contract.get(operationId)!;
      for (const sample of requests) {
        const res = await t.call({ method: op.method, url: sample.url });
        expect(res.statusCode, `${operationId} ${sample.url}`).toBe(sample.status);
        expect(
          validate(operationId, res.statusCode, String(res.headers['content-type']), res.json()),
        ).toEqual([]);
      }
    }
  });

  it('happy: every operation that declares 304 answers a conditional GET with it, without a body', async () => {
    for (const [operationId, requests] of Object.entries(samples)) {
      const op = contract.get(operationId)!;
      const get = openapiDocument.paths[op.path]?.get as { responses: object } | undefined;
      const declares304 = '304' in (get?.responses ?? {});
      const ok = requests.find((r) => r.status === 200)!;
      const first = await t.call({ method: op.method, url: ok.url });
      const etag = first.headers.etag;
      expect(Boolean(etag), operationId).toBe(declares304);
      if (!etag) continue;
      const again = await t.call({
        method: op.method,
        url: ok.url,
        headers: { 'if-none-match': String(etag) },
      });
      expect(again.statusCode, operationId).toBe(304);
      expect(again.body).toBe('');
    }
  });

  describe('the check itself catches drift (fixtures, not the product)', () => {
    it('error: an operation added to the spec without a route is reported', () => {
      const drifted = structuredClone(openapiDocument) as OpenApiDocument;
      drifted.paths['/v1/unicorns'] = {
        get: { operationId: 'listUnicorns', security: [], responses: { '200': { description: 'ok' } } },
      };
      const report = compareRoutes(contractOperations(drifted), t.app.routeTable());
      expect(report.missingRoutes).toEqual(['listUnicorns (GET /v1/unicorns)']);
    });

    it('error: a route the spec does not describe is reported', async () => {
      const app = Fastify();
      await app.register(routeTable);
      operation(app, 'getHealth', async () => ({ status: 'ok' as const }));
      app.get('/v1/secret-admin', async () => ({}));
      await app.ready();
      const report = compareRoutes(contract, app.routeTable());
      expect(report.undocumentedRoutes).toEqual(['GET /v1/secret-admin']);
      await app.close();
    });

    it('error: a response body that breaks the schema is reported', () => {
      const validate = responseValidator(openapiDocument);
      const errors = validate('listCategories', 200, 'application/json', {
        data: [
          { code: 'identity', name: '身份证明类', nameEn: 'Identity', description: '', serviceCount: '3' },
        ],
      });
      expect(errors).toContain('/data/0/serviceCount must be integer');
    });

    it('error: a problem sent with the wrong media type is reported', () => {
      const validate = responseValidator(openapiDocument);
      expect(validate('listCategories', 401, 'application/json', {})).toEqual([
        'listCategories 401 does not declare application/json',
      ]);
    });
  });
});
