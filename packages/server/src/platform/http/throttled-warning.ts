import type { FastifyInstance } from 'fastify';

/** Logs a recurring condition at most once per interval, so an outage cannot flood the log. */
export function throttledWarning(app: FastifyInstance, message: string, intervalMs = 10_000) {
  let last = 0;
  return (err: unknown) => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    app.log.warn({ err }, message);
  };
}
