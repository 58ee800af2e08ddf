import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { NOT_STORABLE, STORABLE_TEXT } from '../contract/storable-text.js';
import { publicCors } from '../http/cors-policy.js';
import { ApiProblem } from './api-problem.js';

/** Turns Fastify's own errors (validation, parsing, limits) into registry problems. */
function fromFastifyError(error: FastifyError): ApiProblem | undefined {
  if (error.validation) {
    const context = error.validationContext ?? 'request';
    const errors = error.validation.map((v) => {
      const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
      const extra = (v.params as { additionalProperty?: string } | undefined)?.additionalProperty;
      const path = [context, ...v.instancePath.split('/').filter(Boolean), missing ?? extra]
        .filter(Boolean)
        .join('/');
      const pattern = (v.params as { pattern?: string } | undefined)?.pattern;
      const message = extra
        ? `unknown parameter '${extra}'`
        : pattern === STORABLE_TEXT
          ? NOT_STORABLE
          : (v.message ?? 'is invalid');
      return { location: path, message };
    });
    return new ApiProblem('validation_failed', errors.map((e) => `${e.location} ${e.message}`).join('; '), {
      errors,
    });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiProblem('unsupported_media_type', 'The Content-Type of the body is not accepted here.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiProblem(
        'payload_too_large',
        "The request body is larger than this operation accepts (1 MiB of JSON; 16 KiB for the OAuth endpoints' forms).",
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiProblem('malformed_body', 'The body is empty but declared as JSON.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiProblem('malformed_body', 'The body is not valid JSON.');
  }
  if (error instanceof SyntaxError || error.statusCode === 400) {
    return new ApiProblem('malformed_body', 'The request could not be parsed.');
  }
  return undefined;
}

const unexpected = () =>
  new ApiProblem(
    'internal_error',
    'An unexpected error occurred; quote the requestId when you contact support.',
  );

/**
 * Fastify's `frameworkErrors`: the router refuses some URLs before any route, hook or error
 * handler runs, and would answer them in its own JSON. Both are path parameters the schemas
 * could not judge: an escape that is not UTF-8, or one longer than the router keeps (100
 * characters, more than any parameter in api-spec may have).
 */
export function frameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  // No hook runs for these requests: the request id and CORS headers are set here.
  reply.header('x-request-id', request.id);
  publicCors(request, reply);
  const problem =
    error.code === 'FST_ERR_BAD_URL'
      ? ApiProblem.invalidInput('params', 'is not valid percent-encoded UTF-8')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? ApiProblem.invalidInput('params', 'has a parameter longer than 100 characters')
        : undefined;
  if (problem) return sendProblem(request, reply, problem);
  request.log.error({ err: error }, 'unhandled framework error');
  return sendProblem(request, reply, unexpected());
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: ApiProblem) {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json')
    .send(problem.toBody(request.id, request.url.split('?')[0] ?? request.url));
}

/**
 * Every error leaves as application/problem+json with a registry code. Unknown errors become
 * `internal_error` and are logged with their stack; the body never carries internals.
 */
export const errorHandler = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = error instanceof ApiProblem ? error : fromFastifyError(error);
      if (problem) {
        // Expected server-side conditions (shutting down, a department down) are not bugs.
        if (problem.status >= 500) request.log.warn({ code: problem.code }, problem.detail);
        return sendProblem(request, reply, problem);
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(request, reply, unexpected());
    });

    // Unknown paths answer any browser app readably, as the public API's own refusals do.
    app.setNotFoundHandler((request, reply) => {
      publicCors(request, reply);
      return sendProblem(
        request,
        reply,
        new ApiProblem(
          'route_not_found',
          `No operation matches ${request.method} ${request.url.split('?')[0]}.`,
        ),
      );
    });
  },
  { name: 'error-handler' },
);
