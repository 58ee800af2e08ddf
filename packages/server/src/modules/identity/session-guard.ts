import type { FastifyInstance, FastifyRequest } from 'fastify';
import { safeEqual } from '../../platform/auth/secrets.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import type { SignedIn } from './sessions.js';

/**
 * The console's gate: a live session, and for state-changing calls the session's CSRF token
 * in `X-CSRF-Token` (a header a cross-site form cannot send) plus, when the browser names one,
 * an allowed Origin.
 */
export async function requireSession(
  app: FastifyInstance,
  request: FastifyRequest,
  options: { csrf: boolean },
): Promise<SignedIn> {
  const signedIn = await app.sessions.read(request);
  if (!signedIn) throw new ApiProblem('session_required', 'Sign in to use the console.');
  if (options.csrf) {
    const token = request.headers['x-csrf-token'];
    const origin = request.headers.origin;
    if (typeof token !== 'string' || !safeEqual(token, signedIn.csrfToken)) {
      throw new ApiProblem('csrf_failed', 'X-CSRF-Token is missing or does not match the session.');
    }
    if (origin && !app.consoleOrigins.includes(origin)) {
      throw new ApiProblem('csrf_failed', `Origin ${origin} may not call the console.`);
    }
  }
  return signedIn;
}

declare module 'fastify' {
  interface FastifyInstance {
    consoleOrigins: string[];
  }
}
