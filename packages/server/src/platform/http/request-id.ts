import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const CALLER_ID = /^[A-Za-z0-9._-]{8,128}$/;
// A random per-process prefix and a counter: unique across instances without a CSPRNG call per
// request (request ids identify, they do not authorise).
const PREFIX = `req_${randomBytes(6).toString('hex')}`;
let counter = 0;

/** Keeps a caller's well-formed X-Request-Id so logs correlate across systems; otherwise mints one. */
export function requestId(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && CALLER_ID.test(given)) return given;
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${PREFIX}${counter.toString(16).padStart(4, '0')}`;
}
