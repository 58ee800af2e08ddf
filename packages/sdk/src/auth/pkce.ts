import { OAuthError } from '../errors.js';
import { type OAuthClient, postForm, requestToken, type TokenResponse } from './token-endpoint.js';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

export interface PkcePair {
  /** Keep it (server session or sessionStorage) until the code comes back. */
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256';
}

/** A PKCE verifier and its S256 challenge (RFC 7636), with Web Crypto: browsers and Node alike. */
export async function createPkcePair(): Promise<PkcePair> {
  const codeVerifier = randomString(32);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return { codeVerifier, codeChallenge: base64url(new Uint8Array(digest)), codeChallengeMethod: 'S256' };
}

/** An unguessable `state` to tie the callback to the browser that started the flow. */
export const createState = () => randomString(16);

export interface AuthorizeUrlParams {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  /** e.g. `profile:read residence:read`. */
  scope: string;
  state: string;
  codeChallenge: string;
  /** Shown to the citizen on the consent screen; defaults to the app's description. */
  purpose?: string;
}

/** Where to send the citizen's browser to sign in and consent. */
export function authorizeUrl(params: AuthorizeUrlParams): string {
  const url = new URL(
    'oauth/authorize',
    params.baseUrl.endsWith('/') ? params.baseUrl : `${params.baseUrl}/`,
  );
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    scope: params.scope,
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
    ...(params.purpose ? { purpose: params.purpose } : {}),
  }).toString();
  return url.toString();
}

export interface CallbackResult {
  code: string;
}

/**
 * Reads the redirect back from the consent screen: checks `state` and the issuer (RFC 9207),
 * and turns `error=access_denied` and friends into an OAuthError.
 */
export function parseCallback(
  callbackUrl: string | URL,
  expected: { state: string; issuer: string },
): CallbackResult {
  const params = new URL(callbackUrl).searchParams;
  if (params.get('state') !== expected.state) {
    throw new Error('The callback state does not match; start again.');
  }
  // The platform always sends iss (RFC 9207), so a missing one is a mix-up attempt too.
  const iss = params.get('iss');
  if (iss !== expected.issuer) {
    throw new Error(`The callback came from ${iss ?? 'an unnamed issuer'}, not ${expected.issuer}.`);
  }
  const error = params.get('error');
  if (error) throw new OAuthError(400, error, params.get('error_description') ?? undefined);
  const code = params.get('code');
  if (!code) throw new Error('The callback carries no code.');
  return { code };
}

/** Exchanges the code (single-use, 60 s) and the verifier for tokens. */
export function exchangeCode(
  client: OAuthClient,
  params: { code: string; redirectUri: string; codeVerifier: string },
): Promise<TokenResponse> {
  return requestToken(client, {
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: params.redirectUri,
    code_verifier: params.codeVerifier,
  });
}

/** Uses a refresh token; keep the new one it returns, the old one is spent. */
export function refreshTokens(client: OAuthClient, refreshToken: string): Promise<TokenResponse> {
  return requestToken(client, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** Revokes a refresh token (and its whole family) or an access token (RFC 7009). */
export async function revokeToken(client: OAuthClient, token: string): Promise<void> {
  await postForm(client, 'oauth/revoke', { token });
}
