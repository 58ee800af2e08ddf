import { type ClientCredentials, clientCredentialsTokens } from '../auth/client-credentials.js';
import type { TokenCache } from '../auth/token-cache.js';
import { ApiError, ConnectionError, type Problem, TimeoutError } from '../errors.js';
import { type Page, PagedList } from './pagination.js';
import { isRetryableStatus, retryDelayMs, sleep, waitsTooLong } from './retry.js';

export interface ClientOptions {
  /** Where the platform answers. Defaults to IXIAMEN_BASE_URL, then http://127.0.0.1:3000. */
  baseUrl?: string;
  /** An API key (`ixm_live_…`/`ixm_test_…`) for public data, sent as X-API-Key. */
  apiKey?: string;
  /** An OAuth access token, or a function that returns a current one before each request. */
  accessToken?: string | (() => string | Promise<string>);
  /** The app's client credentials: tokens are fetched, cached and renewed for you. */
  clientCredentials?: ClientCredentials;
  /** A citizen's tokens from `userTokens(…)`, refreshed for you. */
  tokens?: TokenCache;
  /** Per-attempt timeout. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retries after network errors, 408, 409, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** A fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  headers?: Record<string, string>;
  /** For writes: retries reuse this key so the platform applies the write once. Generated when unset. */
  idempotencyKey?: string;
}

export type QueryValue =
  | string
  | number
  | boolean
  | undefined
  | null
  | readonly (string | number | boolean)[];

export interface CallParams {
  query?: Record<string, QueryValue>;
  body?: unknown;
  options?: RequestOptions | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

function defaultBaseUrl(): string {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.IXIAMEN_BASE_URL ?? 'http://127.0.0.1:3000';
}

function buildUrl(baseUrl: string, path: string, query: CallParams['query']): string {
  const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  return url.toString();
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<Problem>;
    return typeof body?.code === 'string' ? (body as Problem) : undefined;
  } catch {
    return undefined;
  }
}

/** The transport every resource shares: auth, timeouts, retries and typed errors. */
export class HttpClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  private readonly tokens: TokenCache | undefined;

  constructor(private readonly options: ClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? defaultBaseUrl();
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.tokens =
      options.tokens ??
      (options.clientCredentials &&
        clientCredentialsTokens({
          ...options.clientCredentials,
          baseUrl: this.baseUrl,
          fetch: this.fetchImpl,
        }));
  }

  async request<T>(method: string, path: string, params: CallParams = {}): Promise<T> {
    const opts = params.options ?? {};
    const maxRetries = opts.maxRetries ?? this.options.maxRetries ?? 2;
    const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs ?? 30_000;
    const url = buildUrl(this.baseUrl, path, params.query);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.headers,
      ...opts.headers,
    };
    if (params.body !== undefined) headers['content-type'] = 'application/json';
    if (!SAFE_METHODS.has(method)) headers['idempotency-key'] = opts.idempotencyKey ?? crypto.randomUUID();
    const body = params.body === undefined ? undefined : JSON.stringify(params.body);

    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const token = await this.authorize(headers);
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await this.fetchImpl(url, { method, headers, body, signal });
      } catch (cause) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        const error = timeout.aborted
          ? new TimeoutError(`No answer from ${method} ${path} within ${timeoutMs} ms.`, { cause })
          : new ConnectionError(`Could not reach ${this.baseUrl}: ${(cause as Error).message}`, { cause });
        if (attempt >= maxRetries) throw error;
        await sleep(retryDelayMs(attempt, null), opts.signal);
        continue;
      }
      if (response.ok) {
        if (response.status === 204) return undefined as T;
        return (await response.json()) as T;
      }
      // A token revoked or rotated early: fetch a fresh one once, then give up.
      if (response.status === 401 && token && this.tokens && !renewed) {
        renewed = true;
        this.tokens.invalidate(token);
        await response.body?.cancel().catch(() => {});
        attempt--;
        continue;
      }
      const retryAfter = response.headers.get('retry-after');
      if (attempt < maxRetries && isRetryableStatus(response.status) && !waitsTooLong(retryAfter)) {
        await response.body?.cancel().catch(() => {});
        await sleep(retryDelayMs(attempt, retryAfter), opts.signal);
        continue;
      }
      throw ApiError.from(response.status, await readProblem(response), response.headers);
    }
  }

  /** A cursor-paginated GET: await it for one page, or iterate every item. */
  list<P extends Page<unknown>>(path: string, filters: Record<string, QueryValue>, options?: RequestOptions) {
    return new PagedList((cursor) =>
      this.request<P>('GET', path, { query: { ...filters, cursor }, options }),
    );
  }

  /** Sets the credentials header; returns the managed token it used, if any. */
  private async authorize(headers: Record<string, string>): Promise<string | undefined> {
    const { apiKey, accessToken } = this.options;
    if (this.tokens) {
      const token = await this.tokens.get();
      headers.authorization = `Bearer ${token}`;
      return token;
    }
    if (accessToken) {
      const token = typeof accessToken === 'function' ? await accessToken() : accessToken;
      headers.authorization = `Bearer ${token}`;
    } else if (apiKey) {
      headers['x-api-key'] = apiKey;
    }
    return undefined;
  }
}
