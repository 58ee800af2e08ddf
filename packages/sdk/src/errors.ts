import type { ErrorCode } from './generated/error-codes.js';

/** An RFC 9457 problem body as the platform sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode | (string & {});
  requestId: string;
  errors?: { location: string; message: string }[];
}

/** Base class of every error the SDK throws. */
export class IXiamenError extends Error {
  override name = 'IXiamenError';
}

/** The platform answered with an error status; `code` is stable, see the errors reference. */
export class ApiError extends IXiamenError {
  override name = 'ApiError';
  readonly code: Problem['code'];
  readonly requestId: string | undefined;

  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly headers: Headers,
  ) {
    super(problem ? `${status} ${problem.code}: ${problem.detail ?? problem.title}` : `HTTP ${status}`);
    this.code = problem?.code ?? `http_${status}`;
    this.requestId = problem?.requestId ?? headers.get('x-request-id') ?? undefined;
  }

  static from(status: number, problem: Problem | undefined, headers: Headers): ApiError {
    const Type =
      status === 400
        ? ValidationError
        : status === 401
          ? AuthenticationError
          : status === 403
            ? PermissionDeniedError
            : status === 404
              ? NotFoundError
              : status === 429
                ? RateLimitError
                : status >= 500
                  ? InternalServerError
                  : ApiError;
    return new Type(status, problem, headers);
  }
}

export class ValidationError extends ApiError {
  override name = 'ValidationError';
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

/** The request never got an HTTP answer (DNS, refused connection, reset). */
export class ConnectionError extends IXiamenError {
  override name = 'ConnectionError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** No answer within `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';
}

/** The authorization server refused a token request (RFC 6749 `error`, e.g. `invalid_grant`). */
export class OAuthError extends IXiamenError {
  override name = 'OAuthError';

  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string | undefined,
  ) {
    super(`${status} ${error}${description ? `: ${description}` : ''}`);
  }
}
