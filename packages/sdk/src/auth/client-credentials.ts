import { TokenCache } from './token-cache.js';
import { type OAuthClient, requestToken } from './token-endpoint.js';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Space-separated; defaults to every public scope (`catalog:read`). */
  scope?: string;
}

/** Access tokens for the app itself (public data), fetched and renewed automatically. */
export function clientCredentialsTokens(client: OAuthClient & ClientCredentials): TokenCache {
  return new TokenCache(() =>
    requestToken(client, {
      grant_type: 'client_credentials',
      ...(client.scope ? { scope: client.scope } : {}),
    }),
  );
}
