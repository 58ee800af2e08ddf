import type { FastifyLoggerOptions } from 'fastify';
import type { LoggerOptions } from 'pino';

/** Query parameters whose values are secrets or personal data; their values never reach a log line. */
const SECRET_QUERY =
  /([?&](?:access_token|refresh_token|client_secret|code|code_verifier|api_key|id_number|mobile)=)[^&]*/gi;

export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[REDACTED]');
}

/**
 * pino options: request ids on every line, credentials and personal fields redacted wherever
 * they appear in a logged object.
 */
export function loggerOptions(level: string): FastifyLoggerOptions & LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
        '*.authorization',
        '*.password',
        '*.clientSecret',
        '*.client_secret',
        '*.apiKey',
        '*.accessToken',
        '*.refreshToken',
        '*.idNumber',
        '*.mobile',
        '*.phone',
      ],
      censor: '[REDACTED]',
    },
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: redactUrl(req.url),
        remoteAddress: req.ip,
      }),
    },
  };
}
