import type { FastifyInstance } from 'fastify';
import type { signInForTest } from '../../src/testing.js';

export type SignedIn = Awaited<ReturnType<typeof signInForTest>>;

/** `inject` as a signed-in console user: the session cookie, and the CSRF token on changes. */
export function sessionCall(app: FastifyInstance, who: SignedIn) {
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: who.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': who.csrfToken }) },
      ...(payload ? { payload } : {}),
    });
}
