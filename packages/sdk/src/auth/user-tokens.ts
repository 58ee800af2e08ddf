import { refreshTokens } from './pkce.js';
import { TokenCache } from './token-cache.js';
import type { OAuthClient, TokenResponse } from './token-endpoint.js';

/**
 * A citizen's tokens from the authorization code flow, refreshed automatically. Refresh tokens
 * rotate on every use, so `onRotate` must persist the new one: replaying an old one revokes the
 * whole family.
 */
export function userTokens(
  client: OAuthClient,
  initial: TokenResponse,
  onRotate: (tokens: TokenResponse) => void | Promise<void>,
): TokenCache {
  let refreshToken = initial.refresh_token;
  let first: TokenResponse | undefined = initial;
  return new TokenCache(async () => {
    if (first) {
      const tokens = first;
      first = undefined;
      return tokens;
    }
    if (!refreshToken)
      throw new Error('No refresh token: send the citizen through the consent screen again.');
    const tokens = await refreshTokens(client, refreshToken);
    refreshToken = tokens.refresh_token;
    await onRotate(tokens);
    return tokens;
  });
}
