import { CookieJar } from './cookie-jar.js';

/**
 * A browser-less user agent against one origin: keeps cookies, never follows redirects by itself, and
 * follows them on request only while they stay on that origin (the client's redirect URI is never called).
 */
export class Browser {
  readonly #jar = new CookieJar();

  constructor(readonly origin: string) {}

  async request(target: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(target, this.origin);
    const headers = new Headers(init.headers);
    headers.set('accept', 'text/html');
    const cookie = this.#jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.#jar.store(response);
    return response;
  }

  async get(target: string | URL): Promise<Response> {
    return this.request(target);
  }

  async postForm(target: string | URL, form: Record<string, string>): Promise<Response> {
    return this.request(target, { method: 'POST', body: new URLSearchParams(form) });
  }

  /** Follows same-origin redirects; returns the page reached, or the first URL that leaves the origin. */
  async follow(response: Response): Promise<{ page: Response } | { leftTo: URL }> {
    let current = response;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { page: current };
      const next = new URL(location, this.origin);
      if (next.origin !== this.origin) return { leftTo: next };
      current = await this.get(next);
    }
    throw new Error('too many redirects');
  }
}
