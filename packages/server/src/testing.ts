import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';

/**
 * The platform on in-memory PGlite, listening on a free loopback port: what SDK and example
 * tests talk to over real HTTP.
 */
export async function listeningPlatform(): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildApp({ config: { LOG_LEVEL: 'silent', PGLITE_DIR: 'memory://' } });
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, baseUrl };
}
