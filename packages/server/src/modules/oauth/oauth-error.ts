import type { FastifyReply } from 'fastify';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'unsupported_token_type'
  // The platform's own code for its per-IP limit (RFC 6749 8.5 allows extensions), sent with 429.
  | 'rate_limited';

/** An RFC 6749 error: OAuth endpoints answer in the format OAuth client libraries parse. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = error === 'invalid_client' ? 401 : 400,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

export function sendOAuthError(reply: FastifyReply, err: OAuthError, basicAttempted = false) {
  if (err.status === 401 && basicAttempted) reply.header('www-authenticate', 'Basic realm="ixiamen"');
  return reply
    .code(err.status)
    .header('cache-control', 'no-store')
    .send({ error: err.error, error_description: err.description });
}
