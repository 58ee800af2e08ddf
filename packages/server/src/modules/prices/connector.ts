import { Pool } from 'undici';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { type BreakerOptions, upstreamBreaker } from './upstream-breaker.js';
import { upstreamGet } from './upstream-get.js';

/** The filters the price-monitoring system takes; unset ones are not sent. */
export interface PriceQuery {
  date?: string;
  market?: string;
  category?: string;
  commodity?: string;
}

/** One row as the 发改 price-monitoring system answers it (its own snake_case format). */
export interface DepartmentPrice {
  market_code: string;
  market_name: string;
  district_code: string;
  commodity_code: string;
  commodity_name: string;
  category: string;
  unit: string;
  price: number;
  change: number;
}

export interface DepartmentPrices {
  date: string;
  items: DepartmentPrice[];
}

export interface PriceMonitoringConnector {
  /** The day's prices; throws an `ApiProblem` (`validation_failed` or `upstream_unavailable`), never hangs. */
  prices(query: PriceQuery): Promise<DepartmentPrices>;
  /** Aborts calls in flight; later calls fail with `upstream_unavailable`. */
  close(): void;
}

export interface ConnectorOptions {
  /** Base URL of the department systems, e.g. http://127.0.0.1:4100. */
  baseUrl: string;
  /** Connecting, the headers and the body must each come within this; 2 s by default. */
  timeoutMs?: number;
  /** When to stop calling a failing department, and for how long; 5 failures and 10 s by default. */
  breaker?: BreakerOptions;
}

/** Where the department's own error codes point in our request, and what they mean. */
const DEPARTMENT_ERRORS: Record<string, { location: string; message: string }> = {
  INVALID_DATE: {
    location: 'querystring/date',
    message: 'must be a day from 365 days ago up to today (Asia/Shanghai)',
  },
  UNKNOWN_MARKET: { location: 'querystring/market', message: 'is not a market the department monitors' },
  UNKNOWN_CATEGORY: { location: 'querystring/category', message: 'is not a commodity category' },
  UNKNOWN_COMMODITY: {
    location: 'querystring/commodity',
    message: 'is not a commodity the department monitors',
  },
};

const CATEGORIES = new Set(['grain-oil', 'meat-eggs', 'seafood', 'vegetables', 'fruit']);
const STRING_FIELDS = [
  'market_code',
  'market_name',
  'district_code',
  'commodity_code',
  'commodity_name',
  'unit',
] as const;

function isDepartmentPrices(body: unknown): body is DepartmentPrices {
  if (!body || typeof body !== 'object') return false;
  const { date, items } = body as Partial<DepartmentPrices>;
  return (
    typeof date === 'string' &&
    Array.isArray(items) &&
    items.every(
      (item) =>
        item !== null &&
        typeof item === 'object' &&
        STRING_FIELDS.every((field) => typeof item[field] === 'string') &&
        CATEGORIES.has(item.category) &&
        Number.isFinite(item.price) &&
        Number.isFinite(item.change),
    )
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// A whole day of every market's prices is about 47 KB; an answer far larger is not one to read.
const MAX_ANSWER_BYTES = 4 << 20;
const ACCEPT_JSON = { accept: 'application/json' };

const unavailable = (detail: string) =>
  new ApiProblem('upstream_unavailable', detail, { headers: { 'retry-after': '1' } });

/**
 * The connector to the 发改 price-monitoring system. Calls go through an undici pool that keeps
 * connections to the department alive and reuses them, and are sent again once when the
 * department closed the connection they went out on. Connecting, the headers and the body are
 * each bounded by the deadline, and the answer's size by 4 MiB. The department's 400s become our
 * `validation_failed`; anything else that goes wrong (unreachable, timeout, 5xx, an answer we
 * cannot read) becomes `upstream_unavailable`, so a failing department never turns into a 500 or a
 * hung request.
 * After several such failures in a row a circuit breaker pauses calls to let the department recover.
 */
export function priceMonitoringConnector(options: ConnectorOptions): PriceMonitoringConnector {
  const timeoutMs = options.timeoutMs ?? 2_000;
  // One keep-alive pool per department host; the deadlines bound the headers and the body alike.
  const pool = new Pool(options.baseUrl, {
    connections: 64,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connectTimeout: timeoutMs,
    maxResponseSize: MAX_ANSWER_BYTES,
  });
  const guarded = upstreamBreaker('price-monitoring system', options.breaker);
  let closed = false;

  async function ask(query: PriceQuery): Promise<DepartmentPrices> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) search.set(key, value);
    }
    let status: number;
    let text: string;
    try {
      ({ status, text } = await upstreamGet(pool, `/price-monitoring/v1/prices?${search}`, ACCEPT_JSON));
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      if (
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT' ||
        code === 'UND_ERR_CONNECT_TIMEOUT'
      ) {
        throw unavailable(`The price-monitoring system did not answer within ${timeoutMs / 1000} s.`);
      }
      if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
        throw unavailable(`The price-monitoring system's answer was over ${MAX_ANSWER_BYTES >> 20} MiB.`);
      }
      throw unavailable('The price-monitoring system could not be reached.');
    }
    const body = parseJson(text);
    if (status === 200 && isDepartmentPrices(body)) return body;
    if (status === 400) {
      const errcode = (body as { errcode?: unknown } | undefined)?.errcode;
      const known =
        typeof errcode === 'string' && Object.hasOwn(DEPARTMENT_ERRORS, errcode)
          ? DEPARTMENT_ERRORS[errcode]
          : undefined;
      if (known) throw ApiProblem.invalidInput(known.location, known.message);
      throw ApiProblem.invalidInput('querystring', 'was rejected by the price-monitoring system');
    }
    if (status === 200)
      throw unavailable('The price-monitoring system gave an answer that could not be read.');
    throw unavailable(`The price-monitoring system answered with HTTP ${status}.`);
  }

  return {
    prices: async (query) => {
      if (closed) throw unavailable('The connection to the price-monitoring system is closed.');
      return guarded(() => ask(query));
    },
    close: () => {
      closed = true;
      pool.destroy().catch(() => {});
    },
  };
}
