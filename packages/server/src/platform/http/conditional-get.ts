import type { FastifyReply, FastifyRequest } from 'fastify';

const CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/**
 * Marks a public catalogue answer cacheable under its weak `etag` (W/"version") and answers
 * 304 when the client already holds it. Returns true when the 304 was sent.
 */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('cache-control', CACHE_CONTROL);
  const given = request.headers['if-none-match'];
  if (!given) return false;
  const matches = given
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t === etag || t === etag.slice(2));
  if (matches) reply.code(304).send();
  return matches;
}
