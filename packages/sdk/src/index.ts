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
  PermissionDeniedError,
  type Problem,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from './errors.js';
export type * from './types.js';
