import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { HTTPMethods } from 'fastify';
import { openapiDocument } from '../../../src/generated/openapi.js';
import type {
  JsonSchema,
  OpenApiOperation,
  OpenApiParameter,
} from '../../../src/platform/contract/openapi-document.js';
import { type ContractOperation, contract } from '../../../src/platform/contract/operations.js';

/** A contract operation with the spec's own description of it (parameters, body, responses). */
export interface SpecOperation extends ContractOperation {
  spec: OpenApiOperation;
}

export const specOperations: SpecOperation[] = [...contract.values()].map((op) => ({
  ...op,
  spec: openapiDocument.paths[op.path]?.[op.method.toLowerCase()] as OpenApiOperation,
}));

export const parametersIn = (op: SpecOperation, place: OpenApiParameter['in']) =>
  (op.spec.parameters ?? []).filter((p) => p.in === place);
export const jsonBodySchema = (op: SpecOperation) => op.spec.requestBody?.content['application/json']?.schema;
export const formBodySchema = (op: SpecOperation) =>
  op.spec.requestBody?.content['application/x-www-form-urlencoded']?.schema;
export const isStateChanging = (op: SpecOperation) => op.method !== 'GET' && op.method !== 'HEAD';
const schemes = (op: SpecOperation) => op.security.flatMap((s) => Object.keys(s));
/** Metered operations: an app's access token or API key, then admission (which reads Idempotency-Key). */
export const takesAppCredentials = (op: SpecOperation) =>
  schemes(op).some((s) => s === 'oauth2' || s === 'apiKey');
export const takesSession = (op: SpecOperation) => schemes(op).includes('portalSession');
/** The OAuth endpoints that authenticate a client, which their form names. */
export const authenticatesClient = (op: SpecOperation) =>
  Boolean((formBodySchema(op)?.properties as JsonSchema | undefined)?.client_id);

/** One malformed request, generated from an operation's spec. */
export interface Probe {
  operationId: string;
  /** What is malformed, as a failure names it. */
  what: string;
  method: HTTPMethods;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The request breaks its route's schema or cannot be parsed, so only a 4xx answer is right. */
  refused: boolean;
}

/** A well-formed request of an operation, which each probe breaks in one place. */
export interface BaseRequest {
  /** Raw (percent-encoded) path segments by parameter name. */
  path: Record<string, string>;
  /** Raw (percent-encoded) query pairs. */
  query: [string, string][];
  headers: Record<string, string>;
  body?: { type: string; text: string };
}

export function render(
  op: SpecOperation,
  base: BaseRequest,
): Pick<Probe, 'method' | 'url' | 'headers' | 'payload'> {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => base.path[name] ?? '');
  const query = base.query.map(([k, v]) => `${k}=${v}`).join('&');
  return {
    method: op.method,
    url: query ? `${path}?${query}` : path,
    headers: base.body ? { ...base.headers, 'content-type': base.body.type } : base.headers,
    ...(base.body ? { payload: base.body.text } : {}),
  };
}

// The route validator's options (buildApp's ajv settings on Fastify's defaults), so a probe is
// classified exactly as the server will judge it.
const ajv = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: false, strict: false });
addFormats.default(ajv);
/** Whether a route schema admits a value, which coercion may change: pass one made for the check. */
export const admits = (schema: unknown, value: unknown) =>
  schema === undefined || ajv.validate(schema as object, value);

/** A query or form value decoded as Fastify's parsers do: leniently, keeping a bad escape as is. */
function decodeLenient(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** A query string or form body as the route sees it: repeated names become arrays. */
export function parseQuery(raw: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodeLenient(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeLenient(part.slice(eq + 1));
    const seen = out[key];
    out[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

const FORMAT_SAMPLES: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  date: '2026-01-15',
  'date-time': '2026-01-15T00:00:00Z',
  uri: 'https://example.com/',
};

/**
 * A small value the schema admits. An object has its required fields and those `named` gives a
 * value for (which they take).
 */
export function sampleOf(schema: JsonSchema, named: Record<string, string> = {}): unknown {
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ('default' in schema) return schema.default;
  const variants = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (variants?.[0]) return sampleOf(variants[0], named);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return (
        schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1)
      );
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () => sampleOf(schema.items as JsonSchema));
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required as string[] | undefined) ?? [];
      const least =
        required.length > 0 || !schema.minProperties ? required : Object.keys(properties).slice(0, 1);
      const names = [...new Set([...least, ...Object.keys(properties).filter((n) => n in named)])];
      return Object.fromEntries(names.map((n) => [n, named[n] ?? sampleOf(properties[n] ?? {}, named)]));
    }
    default:
      return FORMAT_SAMPLES[String(schema.format)] ?? 'abc'.padEnd(Number(schema.minLength ?? 0), 'c');
  }
}

const TEN_KB = 'x'.repeat(10 * 1024);
const shown = (raw: string) =>
  raw.length > 64 ? `<${Math.round(raw.length / 1024)} KB>` : JSON.stringify(raw);
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const typeOf = (schema: JsonSchema) =>
  Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : (schema.type as string | undefined);

/** Raw path segments: too long, bad or overlong percent-encoding, NUL, a lone surrogate, unicode, dot segments. */
const PATH_VALUES = [
  TEN_KB,
  '%ZZ',
  '%',
  '%00',
  '%C0%AF',
  '%ED%A0%80',
  encodeURIComponent('积分入学'),
  '..',
  '%2F..%2F',
  '%20',
  encodeURIComponent("' OR '1'='1"),
  '-1',
];

/** Raw query values for a parameter of this schema: the wrong type, out of range, badly encoded. */
function queryValues(schema: JsonSchema): string[] {
  const values = [
    '',
    TEN_KB,
    '%00',
    '%ZZ',
    '%ED%A0%80',
    encodeURIComponent('积分入学'),
    encodeURIComponent("' OR '1'='1"),
  ];
  const type = typeOf(schema);
  if (type === 'integer' || type === 'number') {
    values.push(
      'abc',
      '-1',
      '0',
      '1.5',
      '1e309',
      '-1e309',
      '99999999999999999999',
      '0x10',
      'NaN',
      'Infinity',
    );
  }
  if (type === 'boolean') values.push('maybe', '2', 'TRUE');
  if (Array.isArray(schema.enum)) values.push('not-a-value', String(schema.enum[0]).toUpperCase());
  if (schema.format === 'date') values.push('2026-02-30', '0000-01-01', '9999-12-31', 'today');
  if (schema.format === 'date-time') {
    values.push(
      '2026-01-01T25:00:00Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '%2B275760-09-13T00:00:00Z',
      '2026-01-01T00:00:00%2B99:00',
      'yesterday',
    );
  }
  if (schema.format === 'uuid') values.push('not-a-uuid', '00000000-0000-0000-0000-000000000000');
  return values;
}

/**
 * Cursors no list issued, each matching the cursor pattern: not JSON, other JSON types, and the
 * key shapes lists use ([date, id], id, number, {q, t, o}) holding values their columns refuse.
 * Cursors are not signed, so one of the right shape is a page like any other: not refused, but
 * never a 500.
 */
const CURSOR_VALUES = [
  'broken',
  b64('not json'),
  ...[
    'x',
    '00000000-0000-4000-8000-000000000000',
    ['x', 'y'],
    ['not-a-date', 'not-a-uuid'],
    ['2026-01-01T00:00:00.000Z', 'not-a-uuid'],
    [1e308, 'x', 'y'],
    1,
    -1,
    1e308,
    2 ** 53 + 2,
    {},
    null,
    [],
    { q: 'x', t: 'service', o: 1e308 },
    '\u0000',
  ].map((v) => b64(JSON.stringify(v))),
];

/** Whole query strings: unknown, empty or badly encoded names, bracket syntax. */
const QUERY_STRINGS = ['unexpected=1', '=1', '%ZZ=1', `${TEN_KB}=1`, 'a[b]=1', 'a.b=1'];

/** The route's path parameters as it would see them, or undefined when the path cannot be decoded. */
function decodedPath(base: BaseRequest): Record<string, string> | undefined {
  try {
    return Object.fromEntries(Object.entries(base.path).map(([k, v]) => [k, decodeURIComponent(v)]));
  } catch {
    return undefined;
  }
}

const queryOf = (base: BaseRequest) => parseQuery(base.query.map(([k, v]) => `${k}=${v}`).join('&'));

/** Path parameters: every declared one, with every bad segment. */
export function pathProbes(op: SpecOperation, base: BaseRequest): Probe[] {
  return parametersIn(op, 'path').flatMap((param) =>
    PATH_VALUES.map((value) => {
      const broken = { ...base, path: { ...base.path, [param.name]: value } };
      const decoded = decodedPath(broken);
      // Clients resolve a `..` segment, so the request names another path altogether.
      const refused = value === '..' || !decoded || !admits(op.schema.params, decoded);
      return {
        operationId: op.operationId,
        what: `path ${param.name}=${shown(value)}`,
        ...render(op, broken),
        refused,
      };
    }),
  );
}

/** Query parameters: each declared one with bad values, repeated, and cursors no list issued; unknown ones. */
export function queryProbes(op: SpecOperation, base: BaseRequest): Probe[] {
  const probe = (what: string, query: [string, string][]): Probe => {
    const broken = { ...base, query };
    const refused = !admits(op.schema.querystring, queryOf(broken));
    return { operationId: op.operationId, what, ...render(op, broken), refused };
  };
  const probes = parametersIn(op, 'query').flatMap((param) => {
    const others = base.query.filter(([k]) => k !== param.name);
    const good = encodeURIComponent(String(sampleOf(param.schema ?? {})));
    return [
      ...queryValues(param.schema ?? {}).map((v) =>
        probe(`query ${param.name}=${shown(v)}`, [...others, [param.name, v]]),
      ),
      probe(`query ${param.name} repeated`, [...others, [param.name, good], [param.name, good]]),
      ...(param.name === 'cursor'
        ? CURSOR_VALUES.map((v) => probe(`query cursor=${shown(v)}`, [...others, ['cursor', v]]))
        : []),
    ];
  });
  for (const raw of QUERY_STRINGS) {
    const [name = '', value = ''] = raw.split(/=(.*)/);
    probes.push(probe(`query ${shown(raw)}`, [...base.query, [name, value]]));
  }
  return probes;
}

const NESTED = 10_000;
const PLACEHOLDER = '__placeholder__';
const BODY_LIMIT = 1024 * 1024;
const JSON_TYPE = 'application/json';

/** Values to put in a JSON field: every JSON type, out-of-range numbers, NUL, lone surrogates, 10 KB. */
const FIELD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  2 ** 63,
  '',
  '\u0000',
  'x\u0000y',
  '\ud800',
  '积分入学',
  TEN_KB,
  [],
  ['x'],
  {},
];

/** Every field of a JSON body schema, nested ones included, as a path of property names. */
function fieldsOf(schema: JsonSchema, prefix: string[] = []): { path: string[]; schema: JsonSchema }[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([name, sub]) => [
    { path: [...prefix, name], schema: sub },
    ...(typeOf(sub) === 'object' && prefix.length === 0 ? fieldsOf(sub, [...prefix, name]) : []),
  ]);
}

function withField(body: unknown, path: string[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const object = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  return { ...object, [head]: withField((object as Record<string, unknown>)[head], rest, value) };
}

function withoutField(body: Record<string, unknown>, name: string) {
  const { [name]: _, ...rest } = body;
  return rest;
}

/**
 * JSON bodies: not JSON, JSON of the wrong type, empty, 10,000 levels deep, prototype keys, over the
 * body limit, a required field missing, an unknown field, each field with every wrong value, and
 * the wrong content types. A state-changing operation that takes no body gets the ones that cannot
 * be parsed: they must be refused before it acts (a well-formed body it would merely ignore).
 */
export function jsonBodyProbes(op: SpecOperation, base: BaseRequest): Probe[] {
  const schema = jsonBodySchema(op);
  if (!schema && (!isStateChanging(op) || op.spec.requestBody)) return [];
  const sample = (base.body ? JSON.parse(base.body.text) : {}) as Record<string, unknown>;
  const first = Object.keys((schema?.properties ?? {}) as object)[0] ?? 'x';
  const probe = (what: string, text: string, type = JSON_TYPE, refused?: boolean): Probe => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const judged = refused ?? (!schema || parsed === undefined || !admits(op.schema.body, parsed));
    return {
      operationId: op.operationId,
      what: `body ${what}`,
      ...render(op, { ...base, body: { type, text } }),
      refused: judged,
    };
  };
  const unparseable = [
    probe('not JSON', '{"'),
    probe('single-quoted JSON', "{'a':1}"),
    probe('trailing garbage', `${JSON.stringify(sample)}}`),
    probe('empty with a JSON content type', ''),
    probe('over the body limit', JSON.stringify({ [first]: 'x'.repeat(BODY_LIMIT) })),
    probe('a __proto__ key', '{"__proto__":{"isAdmin":true}}'),
    probe('a constructor.prototype key', '{"constructor":{"prototype":{"isAdmin":true}}}'),
    probe('as a form', `${first}=x`, 'application/x-www-form-urlencoded', true),
    probe('as XML', '<a/>', 'application/xml', true),
    probe('as multipart', '--x\r\n\r\n--x--', 'multipart/form-data; boundary=x', true),
  ];
  if (!schema) return unparseable;
  const probes = [
    ...unparseable,
    probe(`${NESTED} nested arrays`, `${'['.repeat(NESTED)}${']'.repeat(NESTED)}`),
    probe(`${NESTED} nested objects`, `${'{"a":'.repeat(NESTED)}1${'}'.repeat(NESTED)}`),
    probe('as text/plain', JSON.stringify(sample), 'text/plain', true),
  ];
  for (const text of ['[]', '"text"', 'null', '42', 'true', '1e309'])
    probes.push(probe(`of JSON ${text}`, text));
  for (const name of (schema.required as string[] | undefined) ?? []) {
    probes.push(probe(`without ${name}`, JSON.stringify(withoutField(sample, name))));
  }
  probes.push(probe('with an unknown field', JSON.stringify({ ...sample, unexpected: true })));
  for (const field of fieldsOf(schema)) {
    const name = field.path.join('.');
    // JSON text JSON.stringify cannot produce goes in through a placeholder.
    const raw = (text: string) =>
      JSON.stringify(withField(sample, field.path, PLACEHOLDER)).replace(`"${PLACEHOLDER}"`, text);
    probes.push(probe(`${name} ${NESTED} levels deep`, raw(`${'['.repeat(NESTED)}${']'.repeat(NESTED)}`)));
    for (const value of FIELD_VALUES) {
      probes.push(
        probe(
          `${name}=${shown(JSON.stringify(value))}`,
          JSON.stringify(withField(sample, field.path, value)),
        ),
      );
    }
    // 1e309 parses to Infinity.
    if (typeOf(field.schema) === 'integer' || typeOf(field.schema) === 'number')
      probes.push(probe(`${name}=1e309`, raw('1e309')));
  }
  return probes;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';
const FORM_LIMIT = 16 * 1024;

/**
 * Form bodies (the OAuth endpoints): each field repeated (RFC 6749 3.1: parameters must not be
 * included more than once), badly encoded, NUL, 10 KB; a required field missing; not a form.
 */
export function formBodyProbes(op: SpecOperation, base: BaseRequest): Probe[] {
  const schema = formBodySchema(op);
  if (!schema || !base.body) return [];
  const sent = base.body.text.split('&').map((p) => p.split(/=(.*)/).slice(0, 2) as [string, string]);
  const required = (schema.required as string[] | undefined) ?? [];
  const probe = (what: string, text: string, type = FORM_TYPE, refused?: boolean): Probe => {
    const form = parseQuery(text);
    const judged =
      refused ??
      (required.some((name) => !(name in form)) || Object.values(form).some((v) => Array.isArray(v)));
    return {
      operationId: op.operationId,
      what: `form ${what}`,
      ...render(op, { ...base, body: { type, text } }),
      refused: judged,
    };
  };
  const text = (pairs: [string, string][]) => pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const probes = [
    probe('empty', ''),
    probe('of only separators', '&&&=&'),
    probe('over the form limit', `${base.body.text}&pad=${'x'.repeat(FORM_LIMIT)}`, FORM_TYPE, true),
    probe('as JSON', JSON.stringify(parseQuery(base.body.text)), JSON_TYPE, true),
    probe('as text/plain', base.body.text, 'text/plain', true),
    probe('as XML', '<a/>', 'application/xml', true),
    probe('with an unknown field', `${base.body.text}&unexpected=1`),
  ];
  for (const name of required) probes.push(probe(`without ${name}`, text(sent.filter(([k]) => k !== name))));
  for (const name of Object.keys((schema.properties ?? {}) as object)) {
    const others = sent.filter(([k]) => k !== name);
    const value = sent.find(([k]) => k === name)?.[1] ?? 'x';
    probes.push(probe(`${name} repeated`, text([...others, [name, value], [name, value]])));
    for (const bad of ['', TEN_KB, '%00', '%ZZ', '%ED%A0%80', encodeURIComponent('积分入学')]) {
      probes.push(probe(`${name}=${shown(bad)}`, text([...others, [name, bad]])));
    }
  }
  return probes;
}

const NONE_JWT = `${b64('{"alg":"none","typ":"JWT"}')}.${b64('{"sub":"admin","scope":"catalog:read"}')}.`;

/** Malformed values of the headers every operation may be sent, whether or not it declares them. */
const PLATFORM_HEADERS: Record<string, string[]> = {
  authorization: [
    'Bearer',
    'Bearer ',
    'Bearer a b',
    'Basic xxx',
    `Basic ${b64('nobody:wrong')}`,
    `Basic ${b64('%00:x')}`,
    `Bearer ${NONE_JWT}`,
    'Bearer !!!@@@###',
    `Bearer ${TEN_KB}`,
    'Negotiate abc',
  ],
  'x-api-key': ['', ' ', '\xff\xfe\x80', TEN_KB, `ixm_live_${'x'.repeat(40)}`],
  'idempotency-key': ['', ' ', 'a b', 'x'.repeat(256), TEN_KB, '\xff\xfe'],
  cookie: [
    'ixm_session=%ZZ',
    `ixm_session=${TEN_KB}`,
    'ixm_session=',
    '=;;=;',
    'ixm_session=a; ixm_session=b',
    '\xff\xfe',
  ],
  accept: [
    'application/xml',
    'text/html',
    'image/png',
    '*/*;q=abc',
    'application/problem+json;q=0',
    TEN_KB,
    '',
  ],
  origin: ['null', 'http://evil.example', TEN_KB, '\xff'],
};

/** Malformed values of a header parameter the spec declares (If-None-Match, X-CSRF-Token). */
const DECLARED_HEADER_VALUES = ['', TEN_KB, '\xff\xfe', 'W/"', '"a", , ,', 'W/"x"'];

/**
 * Headers: the platform's own (credentials, Idempotency-Key, session cookie, Accept, Origin) on
 * every operation, and each header parameter the spec declares. A header an operation reads is
 * refused when malformed; the others must at least not break the answer. `refusedAnyway` when
 * the base itself is refused (a state-changing call without its CSRF token); `only` keeps these
 * of the platform's headers and no others.
 */
export function headerProbes(
  op: SpecOperation,
  base: BaseRequest,
  refusedAnyway: boolean,
  only?: readonly string[],
): Probe[] {
  const reads: Record<string, boolean> = {
    authorization: op.security.some((s) => 'oauth2' in s) || authenticatesClient(op),
    'x-api-key': op.security.some((s) => 'apiKey' in s),
    'idempotency-key': takesAppCredentials(op),
    cookie: takesSession(op),
  };
  const probe = (name: string, value: string, refused: boolean): Probe => {
    const headers = { ...base.headers, [name]: value };
    // A malformed Authorization is judged, not hidden behind a working API key.
    if (name === 'authorization') delete headers['x-api-key'];
    return {
      operationId: op.operationId,
      what: `header ${name}: ${shown(value)}`,
      ...render(op, { ...base, headers }),
      refused: refusedAnyway || refused,
    };
  };
  const lowercased = Object.fromEntries(Object.entries(base.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return [
    ...Object.entries(PLATFORM_HEADERS)
      .filter(([name]) => !only || only.includes(name))
      .flatMap(([name, values]) => values.map((value) => probe(name, value, reads[name] ?? false))),
    ...(only ? [] : parametersIn(op, 'header')).flatMap((param) => {
      const name = param.name.toLowerCase();
      return DECLARED_HEADER_VALUES.map((value) =>
        probe(name, value, !admits(op.schema.headers, { ...lowercased, [name]: value })),
      );
    }),
  ];
}
