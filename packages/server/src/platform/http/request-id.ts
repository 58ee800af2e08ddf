import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const CALLER_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Keeps a caller's well-formed X-Request-Id so logs correlate across systems; otherwise mints one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && CALLER_ID.test(given)) return given;
  return `req_${randomBytes(8).toString('hex')}`;
}
