import { setTimeout as sleep } from 'node:timers/promises';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ErrorCode, errorCodes } from '../../../src/generated/error-codes.js';
import { openapiDocument } from '../../../src/generated/openapi.js';
import type { OpenApiParameter } from '../../../src/platform/contract/openapi-document.js';
import { freePort, provisionApp, signInForTest } from '../../../src/testing.js';
import { consentTo, pkcePair, tokenRequest } from '../../helpers/oauth-flow.js';
import { type TestApp, testApp } from '../../helpers/test-app.js';
import {
  admits,
  authenticatesClient,
  type BaseRequest,
  formBodyProbes,
  formBodySchema,
  headerProbes,
  isStateChanging,
  jsonBodyProbes,
  jsonBodySchema,
  type Probe,
  parametersIn,
  parseQuery,
  pathProbes,
  queryProbes,
  render,
  type SpecOperation,
  sampleOf,
  specOperations,
  takesAppCredentials,
  takesSession,
} from './malformed-requests.js';
import { responseValidator } from './response-validator.js';

const PROBLEM = 'application/problem+json';
// Far below the test timeout, so a hang is reported as the request that hung, and far above a
// wrong client secret's scrypt run (0.5 s on an idle machine, 2-4 s with the suite beside it).
const DEADLINE_MS = 20_000;
const SWEEP_TIMEOUT_MS = 120_000;
const REDIRECT_URI = 'http://127.0.0.1:8976/callback';
// The IP limits of the OAuth and sign-in endpoints would refuse the sweep long before its end.
const NO_IP_LIMITS = {
  IP_LIMIT_TOKEN_PER_MINUTE: 1_000_000,
  IP_LIMIT_AUTHORIZE_PER_MINUTE: 1_000_000,
  IP_LIMIT_SIGN_IN_PER_MINUTE: 1_000_000,
  IP_LIMIT_CLIENT_AUTH_PER_MINUTE: 1_000_000,
};

interface Fixtures {
  /**
   * Values of path, query, form and JSON body fields, by name: real resources, and choices that
   * keep the sweep deep and fast.
   */
  named: Record<string, string>;
  apiKey: string;
  accessToken: string;
  session: { cookie: string; csrfToken: string };
  basic: string;
}

/** How a base request authenticates: an app's API key or access token where it takes one, or not at all. */
type Credential = 'apiKey' | 'accessToken' | 'none';

/**
 * The well-formed request each probe breaks in one place: real resources where a fixture names
 * them, and the credentials the operation's security asks for (an app's API key or access token,
 * the admin's session with its CSRF token on changes, the client's HTTP Basic authentication),
 * so malformed input reaches validation and the handler rather than stopping at authentication.
 */
function baseRequest(op: SpecOperation, f: Fixtures, credential: Credential = 'apiKey'): BaseRequest {
  const value = (p: OpenApiParameter) => f.named[p.name] ?? String(sampleOf(p.schema ?? {}));
  const headers: Record<string, string> = {};
  if (credential !== 'none') {
    if (takesAppCredentials(op)) {
      if (credential === 'apiKey') headers['x-api-key'] = f.apiKey;
      else headers.authorization = `Bearer ${f.accessToken}`;
    }
    if (takesSession(op)) {
      headers.cookie = f.session.cookie;
      if (isStateChanging(op)) headers['x-csrf-token'] = f.session.csrfToken;
    }
    if (authenticatesClient(op)) headers.authorization = f.basic;
  }
  const base: BaseRequest = {
    path: Object.fromEntries(parametersIn(op, 'path').map((p) => [p.name, encodeURIComponent(value(p))])),
    query: parametersIn(op, 'query')
      .filter((p) => p.required || p.name in f.named)
      .map((p) => [p.name, encodeURIComponent(value(p))]),
    headers,
  };
  const json = jsonBodySchema(op);
  if (json) base.body = { type: 'application/json', text: JSON.stringify(sampleOf(json, f.named)) };
  const form = formBodySchema(op);
  if (form) {
    const properties = (form.properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = (form.required as string[] | undefined) ?? [];
    // HTTP Basic names the client; a form that named it too would be refused for that alone.
    const basic = authenticatesClient(op) && credential !== 'none';
    const fields = Object.entries(properties)
      .filter(([name]) => required.includes(name) || (name in f.named && !(basic && name === 'client_id')))
      .map(([name, schema]) => `${name}=${encodeURIComponent(f.named[name] ?? String(sampleOf(schema)))}`);
    base.body = { type: 'application/x-www-form-urlencoded', text: fields.join('&') };
  }
  return base;
}

/** A state-changing call's base without its CSRF token: header probes must not change anything. */
function withoutCsrf(base: BaseRequest): BaseRequest {
  const { 'x-csrf-token': _, ...headers } = base.headers;
  return { ...base, headers };
}

const validate = responseValidator(openapiDocument);

/**
 * The operations that call a department system, which answer 503 `upstream_unavailable` when none
 * listens. The bundled spec keeps no machine-readable mark of it, so a new one fails here until
 * it is named.
 */
const CALLS_A_DEPARTMENT = new Set(['listFoodPrices']);

/**
 * What is wrong with an answer, if anything: a 5xx (but a department's 503 where the operation
 * calls one), a refused request accepted, a status the operation's spec does not declare (a
 * client generated from it must know every answer), an error that is not problem+json with a
 * registered code, its status and the request id the X-Request-Id header echoes, or, where the
 * spec declares another error format for that status (the OAuth endpoints' RFC 6749 JSON, the
 * consent screen's pages), one that breaks it.
 */
function fault(op: SpecOperation, probe: Probe, res: LightMyRequestResponse): string | undefined {
  const type = String(res.headers['content-type'] ?? '');
  const media = type.split(';')[0]?.trim() ?? '';
  let body: unknown;
  try {
    body = JSON.parse(res.body);
  } catch {
    body = undefined;
  }
  const problem = (body ?? {}) as Record<string, unknown>;
  const excerpt = res.body.slice(0, 160);
  const upstream =
    res.statusCode === 503 &&
    problem.code === 'upstream_unavailable' &&
    CALLS_A_DEPARTMENT.has(op.operationId);
  if (res.statusCode >= 500 && !upstream) return `answered ${res.statusCode}: ${excerpt}`;
  if (res.statusCode < 400) return probe.refused ? `accepted with ${res.statusCode}` : undefined;
  if (!op.spec.responses[String(res.statusCode)])
    return `answered ${res.statusCode}, a status its spec does not declare`;
  if (media !== PROBLEM && op.spec.responses[String(res.statusCode)]?.content?.[media]) {
    const errors = validate(op.operationId, res.statusCode, type, body ?? res.body);
    return errors.length > 0
      ? `answered ${res.statusCode} breaking its spec: ${errors.join('; ')}`
      : undefined;
  }
  if (media !== PROBLEM) return `answered ${res.statusCode} as ${type || 'no content type'}: ${excerpt}`;
  const code = typeof problem.code === 'string' ? problem.code : '';
  const registered = Object.hasOwn(errorCodes, code) ? errorCodes[code as ErrorCode] : undefined;
  const wellFormed =
    typeof problem.type === 'string' &&
    typeof problem.title === 'string' &&
    problem.status === res.statusCode &&
    registered?.status === res.statusCode &&
    res.headers['x-request-id'] === problem.requestId;
  return wellFormed ? undefined : `answered ${res.statusCode} with a bad problem: ${excerpt}`;
}

let t: TestApp;
let fixtures: Fixtures;
const byId = new Map(specOperations.map((op) => [op.operationId, op]));

async function send(probe: Probe): Promise<string | undefined> {
  const op = byId.get(probe.operationId)!;
  const label = `${op.operationId} ${probe.what}`;
  const answer = await Promise.race([
    t.app.inject({
      method: probe.method,
      url: probe.url,
      headers: probe.headers,
      ...(probe.payload === undefined ? {} : { payload: probe.payload }),
    }),
    sleep(DEADLINE_MS, undefined, { ref: false }),
  ]);
  if (!answer) return `${label}: no answer within ${DEADLINE_MS} ms`;
  const wrong = fault(op, probe, answer);
  return wrong && `${label}: ${wrong}`;
}

async function sweep(probes: Probe[]): Promise<string[]> {
  const failures: string[] = [];
  for (const probe of probes) {
    const failure = await send(probe);
    if (failure) failures.push(failure);
  }
  return failures;
}

// Usage answers cover a window ending now, and count the sweep's own metered calls.
const CHANGES_BY_ITSELF = new Set(['getAppUsage', 'getPlatformUsage']);

/**
 * What every read that needs no input but fixtures answers: the stored data malformed input must
 * leave as it was. Error answers carry a fresh requestId, so only their status is kept.
 */
async function storedData(): Promise<Record<string, unknown>> {
  const reads: Record<string, unknown> = {};
  for (const op of specOperations) {
    const needs = (op.spec.parameters ?? []).filter((p) => p.required && p.in !== 'path');
    const unnamed = parametersIn(op, 'path').some((p) => !(p.name in fixtures.named));
    if (op.method !== 'GET' || CHANGES_BY_ITSELF.has(op.operationId) || needs.length > 0 || unnamed) continue;
    const res = await t.app.inject(render(op, baseRequest(op, fixtures)));
    reads[op.operationId] =
      res.statusCode < 300 ? { status: res.statusCode, body: res.body } : res.statusCode;
  }
  return reads;
}

type Family = 'path' | 'query' | 'body' | 'header';
const probes: Record<Family, Probe[]> = { path: [], query: [], body: [], header: [] };
/** Odd values the schemas admit, sent to state-changing operations: these may change data. */
const admittedChanges: Probe[] = [];
let before: Record<string, unknown>;

beforeAll(async () => {
  // A port nothing listens on, so the operations that call a department answer 503.
  t = await testApp({
    config: { DEPARTMENTS_URL: `http://127.0.0.1:${await freePort()}`, ...NO_IP_LIMITS },
  });
  const admin = await signInForTest(t.app, { roles: ['citizen', 'developer', 'admin'] });
  const mine = await provisionApp(t.app, { accountId: admin.accountId });
  const session = { cookie: admin.cookie };
  const read = async (url: string) => (await t.app.inject({ method: 'GET', url, headers: session })).json();
  const { challenge } = pkcePair();
  const authorization = {
    response_type: 'code',
    client_id: mine.clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  await consentTo(t.app, admin.cookie, { ...authorization, scope: 'profile:read', state: 's' });
  const token = await tokenRequest(t.app, t.credentials, { grant_type: 'client_credentials' });
  fixtures = {
    named: {
      ...authorization,
      // The OAuth endpoints' client is the test app, whose secret no probe rotates.
      client_id: t.credentials.clientId,
      // A public client's creation runs no scrypt.
      clientType: 'public',
      appId: mine.appId,
      keyId: mine.apiKeyId,
      secretId: (await read(`/console/v1/apps/${mine.appId}/credentials`)).clientSecrets[0].id,
      consentId: (await read('/console/v1/consents')).data[0].id,
      subscriptionId: (await read(`/admin/v1/subscriptions?appId=${mine.appId}`)).data[0].id,
      orgId: mine.orgId,
      productCode: 'catalog',
      planCode: 'sandbox',
      scope: 'catalog:read',
      csrf: admin.csrfToken,
    },
    // The metered calls are another app's (the test app's), so the admin's app's key shows no use.
    apiKey: t.credentials.apiKey,
    accessToken: token.json().access_token,
    session: { cookie: admin.cookie, csrfToken: admin.csrfToken },
    basic: `Basic ${Buffer.from(`${t.credentials.clientId}:${t.credentials.clientSecret}`).toString('base64')}`,
  };

  const all: Record<Family, Probe[]> = { path: [], query: [], body: [], header: [] };
  for (const op of specOperations) {
    const base = baseRequest(op, fixtures);
    const credentials: Credential[] = takesAppCredentials(op) ? ['apiKey', 'accessToken'] : ['apiKey'];
    for (const credential of credentials) {
      all.path.push(...pathProbes(op, baseRequest(op, fixtures, credential)));
      all.query.push(...queryProbes(op, baseRequest(op, fixtures, credential)));
    }
    all.body.push(...jsonBodyProbes(op, base), ...formBodyProbes(op, base));
    // The client named in the form instead, as public clients and client_secret_post do.
    if (authenticatesClient(op)) all.body.push(...formBodyProbes(op, baseRequest(op, fixtures, 'none')));
    const changes = isStateChanging(op) && takesSession(op);
    all.header.push(...headerProbes(op, changes ? withoutCsrf(base) : base, changes));
    // Some without any credentials: the refusal is problem+json whatever the Accept or Origin.
    const anonymous = op.security.length > 0 || authenticatesClient(op);
    all.header.push(...headerProbes(op, baseRequest(op, fixtures, 'none'), anonymous, ['accept', 'origin']));
  }
  const admittedChange = (p: Probe) => !p.refused && isStateChanging(byId.get(p.operationId)!);
  for (const family of Object.keys(all) as Family[]) {
    probes[family] = all[family].filter((p) => !admittedChange(p));
    admittedChanges.push(...all[family].filter(admittedChange));
  }
  before = await storedData();
}, 60_000);
afterAll(() => t.close());

describe('bad input never breaks the platform', () => {
  it('happy: every base request the probes start from passes its route schemas', () => {
    const invalid = specOperations.filter((op) => {
      const base = baseRequest(op, fixtures);
      const path = Object.fromEntries(Object.entries(base.path).map(([k, v]) => [k, decodeURIComponent(v)]));
      const query = parseQuery(base.query.map(([k, v]) => `${k}=${v}`).join('&'));
      const body = base.body?.type === 'application/json' ? JSON.parse(base.body.text) : undefined;
      return !(
        admits(op.schema.params, path) &&
        admits(op.schema.querystring, query) &&
        admits(op.schema.headers, base.headers) &&
        (body === undefined || admits(op.schema.body, body))
      );
    });
    expect(invalid.map((op) => op.operationId)).toEqual([]);
  });

  const families: [Family, string][] = [
    ['path', 'every operation answers malformed path parameters with problem+json'],
    ['query', 'every operation answers malformed query parameters with problem+json'],
    ['body', 'every operation with a body answers malformed bodies with problem+json or its OAuth format'],
    ['header', 'every operation answers malformed headers with problem+json'],
  ];
  it.each(families)(
    'error: %s: %s, and stored data stays as it was',
    async (family) => {
      expect(await sweep(probes[family])).toEqual([]);
      expect(await storedData()).toEqual(before);
    },
    SWEEP_TIMEOUT_MS,
  );

  // Last: these calls are well-formed as far as the schemas go, so they may change the fixtures.
  it(
    'error: odd input the schemas admit (coerced types, unicode, unknown form fields) never gets a 5xx from a change',
    async () => {
      expect(await sweep(admittedChanges)).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );
});
