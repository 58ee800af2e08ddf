import { ProblemError, problemFrom } from './problem';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ApiClient {
  request<T>(method: Method, path: string, body?: unknown): Promise<T>;
}

/**
 * Calls the API with the session cookie. State-changing calls carry the session's CSRF token,
 * which the server requires on top of the cookie (a cross-site form cannot send a header).
 */
export function apiClient(baseUrl: string, csrfToken?: string): ApiClient {
  return {
    async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
      let res: Response;
      try {
        res = await fetch(baseUrl + path, {
          method,
          credentials: 'include',
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch (err) {
        throw new ProblemError({
          title: `Cannot reach ${baseUrl}`,
          detail: err instanceof Error ? err.message : String(err),
          status: 0,
          code: 'network_error',
        });
      }
      if (!res.ok) throw new ProblemError(await problemFrom(res));
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
  };
}
