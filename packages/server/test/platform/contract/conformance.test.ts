import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocument } from '../../../src/generated/openapi.js';
import { compareRoutes } from '../../../src/platform/contract/conformance.js';
import type { OpenApiDocument } from '../../../src/platform/contract/openapi-document.js';
import { contract, contractOperations } from '../../../src/platform/contract/operations.js';
import { operation } from '../../../src/platform/contract/route.js';
import { routeTable } from '../../../src/platform/contract/route-table.js';
import { freePort, signInForTest } from '../../../src/testing.js';
import { consentTo, pkcePair } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import { meteringSamples, type Sample } from './metering-samples.js';
import { responseValidator } from './response-validator.js';

/** Public operations' samples: API-key calls, also used for the conditional-GET check. */
const publicSamples: Record<string, Sample[]> = {
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

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const form = (values: Record<string, string>) => new URLSearchParams(values).toString();

/** Samples of the console, sign-in and OAuth operations, which need an account, an app and tokens. */
async function accountSamples(t: TestApp): Promise<Record<string, Sample[]>> {
  const dev = await signInForTest(t.app);
  const session = { cookie: dev.cookie };
  const write = { cookie: dev.cookie, 'x-csrf-token': dev.csrfToken };
  const call = (method: 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: write, ...(payload ? { payload } : {}) }).then((r) => r.json());
  const org = await call('POST', '/console/v1/orgs', { name: '厦门鹭岛科技有限公司' });
  const appBody = { orgId: org.id, name: '鹭岛办事通', description: '查询办事指南', environment: 'sandbox' };
  const { app, clientSecret } = await call('POST', '/console/v1/apps', {
    ...appBody,
    redirectUris: ['http://127.0.0.1:8976/callback'],
    products: ['catalog', 'residence'],
  });
  const doomed = (await call('POST', '/console/v1/apps', appBody)).app;
  const key = (await call('POST', `/console/v1/apps/${app.id}/api-keys`, { name: 'k1' })).apiKey;
  const secretRow = (await call('POST', `/console/v1/apps/${app.id}/client-secrets`, { overlapSeconds: 60 }))
    .clientSecret;
  const basic = {
    ...FORM,
    authorization: `Basic ${Buffer.from(`${app.clientId}:${clientSecret}`).toString('base64')}`,
  };
  const { verifier, challenge } = pkcePair();
  const authorizeQuery = form({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: 'http://127.0.0.1:8976/callback',
    scope: 'profile:read',
    state: 's',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  const callback = await consentTo(
    t.app,
    dev.cookie,
    Object.fromEntries(new URLSearchParams(authorizeQuery)),
  );
  const consentId = (
    await t.app.inject({ method: 'GET', url: '/console/v1/consents', headers: session })
  ).json().data[0].id;
  const pending = await t.app.inject({
    method: 'GET',
    url: `/oauth/authorize?${authorizeQuery}`,
    headers: session,
  });
  const requestId = pending.body.match(/name="request" value="([^"]+)"/)![1]!;
  const none = '00000000-0000-4000-8000-000000000000';
  const codeGrant = {
    grant_type: 'authorization_code',
    code: callback.searchParams.get('code')!,
    redirect_uri: 'http://127.0.0.1:8976/callback',
    code_verifier: verifier,
  };
  return {
    signIn: [
      { url: '/auth/login?returnTo=%2Fconsole', status: 302 },
      { url: '/auth/login?returnTo=https%3A%2F%2Fevil.example', status: 400 },
    ],
    completeSignIn: [{ url: '/auth/callback?code=x&state=y', status: 400 }],
    authorize: [
      { url: `/oauth/authorize?${authorizeQuery}`, status: 200, headers: session },
      { url: `/oauth/authorize?${authorizeQuery}`, status: 302 },
      { url: '/oauth/authorize?client_id=nobody', status: 400 },
    ],
    decideAuthorization: [
      {
        url: '/oauth/authorize',
        status: 302,
        headers: { ...session, ...FORM },
        payload: form({ request: requestId, csrf: dev.csrfToken, decision: 'deny' }),
      },
      {
        url: '/oauth/authorize',
        status: 403,
        headers: FORM,
        payload: form({ request: 'x', csrf: 'y', decision: 'approve' }),
      },
    ],
    issueToken: [
      { url: '/oauth/token', status: 200, headers: basic, payload: form(codeGrant) },
      { url: '/oauth/token', status: 400, headers: basic, payload: form(codeGrant) },
      {
        url: '/oauth/token',
        status: 401,
        headers: FORM,
        payload: form({ grant_type: 'client_credentials' }),
      },
    ],
    introspectToken: [
      { url: '/oauth/introspect', status: 200, headers: basic, payload: form({ token: 'unknown' }) },
      { url: '/oauth/introspect', status: 400, headers: basic, payload: form({}) },
      { url: '/oauth/introspect', status: 401, headers: FORM, payload: form({ token: 'x' }) },
    ],
    revokeToken: [
      { url: '/oauth/revoke', status: 200, headers: basic, payload: form({ token: 'unknown' }) },
      { url: '/oauth/revoke', status: 400, headers: basic, payload: form({}) },
      { url: '/oauth/revoke', status: 401, headers: FORM, payload: form({ token: 'x' }) },
    ],
    getAuthorizationServerMetadata: [{ url: '/.well-known/oauth-authorization-server', status: 200 }],
    getJwks: [{ url: '/.well-known/jwks.json', status: 200 }],
    getMe: [
      { url: '/console/v1/me', status: 200, headers: session },
      { url: '/console/v1/me', status: 401 },
    ],
    createOrg: [
      { url: '/console/v1/orgs', status: 201, headers: write, payload: { name: '另一家公司' } },
      { url: '/console/v1/orgs', status: 400, headers: write, payload: { name: 'x' } },
      { url: '/console/v1/orgs', status: 403, headers: session, payload: { name: '另一家公司' } },
    ],
    listApps: [
      { url: '/console/v1/apps', status: 200, headers: session },
      { url: '/console/v1/apps', status: 401 },
    ],
    createApp: [
      { url: '/console/v1/apps', status: 201, headers: write, payload: appBody },
      {
        url: '/console/v1/apps',
        status: 400,
        headers: write,
        payload: { ...appBody, environment: 'staging' },
      },
      { url: '/console/v1/apps', status: 403, headers: write, payload: { ...appBody, orgId: none } },
    ],
    getApp: [
      { url: `/console/v1/apps/${app.id}`, status: 200, headers: session },
      { url: `/console/v1/apps/${none}`, status: 404, headers: session },
    ],
    updateApp: [
      { url: `/console/v1/apps/${app.id}`, status: 200, headers: write, payload: { name: '鹭岛办事通 2' } },
      { url: `/console/v1/apps/${app.id}`, status: 400, headers: write, payload: {} },
    ],
    listCredentials: [
      { url: `/console/v1/apps/${app.id}/credentials`, status: 200, headers: session },
      { url: `/console/v1/apps/${none}/credentials`, status: 404, headers: session },
    ],
    rotateClientSecret: [
      {
        url: `/console/v1/apps/${app.id}/client-secrets`,
        status: 201,
        headers: write,
        payload: { overlapSeconds: 60 },
      },
      {
        url: `/console/v1/apps/${app.id}/client-secrets`,
        status: 400,
        headers: write,
        payload: { overlapSeconds: -1 },
      },
    ],
    createApiKey: [
      { url: `/console/v1/apps/${app.id}/api-keys`, status: 201, headers: write, payload: { name: 'k2' } },
      { url: `/console/v1/apps/${app.id}/api-keys`, status: 400, headers: write, payload: {} },
    ],
    rotateApiKey: [
      {
        url: `/console/v1/apps/${app.id}/api-keys/${key.id}/rotate`,
        status: 201,
        headers: write,
        payload: { overlapSeconds: 0 },
      },
      {
        url: `/console/v1/apps/${app.id}/api-keys/${none}/rotate`,
        status: 404,
        headers: write,
        payload: { overlapSeconds: 0 },
      },
    ],
    revokeApiKey: [
      { url: `/console/v1/apps/${app.id}/api-keys/${key.id}`, status: 204, headers: write },
      { url: `/console/v1/apps/${app.id}/api-keys/${key.id}`, status: 409, headers: write },
    ],
    revokeClientSecret: [
      { url: `/console/v1/apps/${app.id}/client-secrets/${secretRow.id}`, status: 204, headers: write },
      { url: `/console/v1/apps/${app.id}/client-secrets/${secretRow.id}`, status: 409, headers: write },
    ],
    listConsents: [
      { url: '/console/v1/consents', status: 200, headers: session },
      { url: '/console/v1/consents', status: 401 },
    ],
    withdrawConsent: [
      { url: `/console/v1/consents/${consentId}`, status: 204, headers: write },
      { url: `/console/v1/consents/${consentId}`, status: 409, headers: write },
    ],
    deleteApp: [
      { url: `/console/v1/apps/${doomed.id}`, status: 204, headers: write },
      { url: `/console/v1/apps/${doomed.id}`, status: 404, headers: write },
    ],
    // Here, not in publicSamples: the conditional-GET check needs a 200, and no department
    // listens at this app's DEPARTMENTS_URL, so only answers that need none are sampled.
    listFoodPrices: [
      { url: '/v1/prices?category=sweets', status: 400 },
      { url: '/v1/prices?commodity=oyster', status: 503 },
    ],
    signOut: [
      { url: '/auth/logout', status: 403, headers: session },
      { url: '/auth/logout', status: 204, headers: write },
      { url: '/auth/logout', status: 401, headers: write },
    ],
  };
}

let t: TestApp;
/** One real request per operation; a new operation must add its own before this test passes. */
let samples: Record<string, Sample[]>;
beforeAll(async () => {
  // A port nothing listens on, not the default one, where a running `pnpm start` answers.
  t = await testApp({ config: { DEPARTMENTS_URL: `http://127.0.0.1:${await freePort()}` } });
  await t.app.ready();
  samples = { ...publicSamples, ...(await accountSamples(t)), ...(await meteringSamples(t)) };
});
afterAll(() => t.close());

const body = (res: { headers: Record<string, unknown>; body: string; json(): unknown }) =>
  String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body;

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
        const res = await t.call({
          method: op.method,
          url: sample.url,
          ...(sample.headers ? { headers: sample.headers } : {}),
          ...(sample.payload ? { payload: sample.payload } : {}),
        });
        expect(res.statusCode, `${operationId} ${sample.url}`).toBe(sample.status);
        const type = res.headers['content-type'] ? String(res.headers['content-type']) : undefined;
        expect(validate(operationId, res.statusCode, type, body(res)), operationId).toEqual([]);
      }
    }
  });

  it('happy: every operation that declares 304 answers a conditional GET with it, without a body', async () => {
    for (const [operationId, requests] of Object.entries(publicSamples)) {
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
