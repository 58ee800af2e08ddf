import type { TokenResponse } from './token-endpoint.js';

// Renew a little before expiry so a token never expires in flight.
const EARLY_MS = 30_000;

/**
 * One current access token from `fetchToken`: reused until shortly before it expires,
 * fetched once for all concurrent callers, dropped when the platform rejects it.
 */
export class TokenCache {
  private current: { token: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(private readonly fetchToken: () => Promise<TokenResponse>) {}

  get(): Promise<string> {
    if (this.current && this.current.expiresAt - EARLY_MS > Date.now())
      return Promise.resolve(this.current.token);
    this.pending ??= this.fetchToken()
      .then((res) => {
        this.current = { token: res.access_token, expiresAt: Date.now() + res.expires_in * 1000 };
        return res.access_token;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** Forgets `token` if it is the current one, e.g. after a 401 revoked it early. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }
}
