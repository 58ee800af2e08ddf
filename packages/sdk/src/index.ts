export type { ClientCredentials } from './auth/client-credentials.js';
export {
  type AuthorizeUrlParams,
  authorizeUrl,
  createPkcePair,
  createState,
  exchangeCode,
  type PkcePair,
  parseCallback,
  refreshTokens,
  revokeToken,
} from './auth/pkce.js';
export { TokenCache } from './auth/token-cache.js';
export type { OAuthClient, TokenResponse } from './auth/token-endpoint.js';
export { userTokens } from './auth/user-tokens.js';
export { IXiamen } from './client.js';
export type { ClientOptions, RequestOptions } from './core/http-client.js';
export { type Page, PagedList } from './core/pagination.js';
export {
  ApiError,
  AuthenticationError,
  ConnectionError,
  InternalServerError,
  IXiamenError,
  NotFoundError,
  OAuthError,
  PermissionDeniedError,
  type Problem,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type * from './types.js';
