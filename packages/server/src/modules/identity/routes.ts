import oauth2, { type OAuth2Namespace } from '@fastify/oauth2';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { randomToken } from '../../platform/auth/secrets.js';
import { operation } from '../../platform/contract/route.js';
import { ApiProblem } from '../../platform/errors/api-problem.js';
import { idTokenVerifier } from './id-token.js';
import { safeReturnTo } from './return-to.js';
import { requireSession } from './session-guard.js';
import { type SessionStore, sessionStore } from './sessions.js';

export interface IdentityOptions {
  issuer: string;
  clientId: string;
  clientSecret: string;
  authorizePath: string;
  tokenPath: string;
  jwksPath: string;
  callbackUrl: string;
  portalOrigin: string;
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore;
    identityProvider: OAuth2Namespace;
  }
}

const NONCE_COOKIE = 'ixm_oidc_nonce';
const RETURN_COOKIE = 'ixm_return_to';

/**
 * Sign-in through the city's OpenID Connect identity service, with @fastify/oauth2 as the
 * client (code + PKCE S256 + state) plus a nonce checked in the validated ID token.
 */
export const identityRoutes = fp(
  async (app: FastifyInstance, opts: IdentityOptions) => {
    const cookie = { path: '/auth', httpOnly: true, secure: opts.secureCookies, sameSite: 'lax' as const };
    app.decorate('sessions', sessionStore(app.database.db, opts.secureCookies));
    await app.register(oauth2, {
      name: 'identityProvider',
      scope: ['openid', 'profile', 'identity', 'roles'],
      credentials: {
        client: { id: opts.clientId, secret: opts.clientSecret },
        auth: {
          authorizeHost: opts.issuer,
          authorizePath: opts.authorizePath,
          tokenHost: opts.issuer,
          tokenPath: opts.tokenPath,
        },
        options: { authorizationMethod: 'header' },
      },
      callbackUri: opts.callbackUrl,
      pkce: 'S256',
      cookie,
    });
    const verifyIdToken = idTokenVerifier({
      issuer: opts.issuer,
      jwksUrl: `${opts.issuer}${opts.jwksPath}`,
      clientId: opts.clientId,
    });

    operation(
      app,
      'signIn',
      async (request, reply) => {
        const returnTo = safeReturnTo(request.query.returnTo, opts.portalOrigin);
        if (!returnTo)
          throw ApiProblem.invalidInput('querystring/returnTo', 'must be a path here or a portal page');
        const nonce = randomToken(16);
        reply.setCookie(NONCE_COOKIE, nonce, { ...cookie, maxAge: 600 });
        reply.setCookie(RETURN_COOKIE, returnTo, { ...cookie, maxAge: 600 });
        const uri = new URL(await app.identityProvider.generateAuthorizationUri(request, reply));
        uri.searchParams.set('nonce', nonce);
        return reply.redirect(uri.toString());
      },
      { rateLimit: app.ipLimits.signIn },
    );

    operation(
      app,
      'completeSignIn',
      async (request, reply) => {
        const nonce = request.cookies[NONCE_COOKIE];
        const returnTo = safeReturnTo(request.cookies[RETURN_COOKIE], opts.portalOrigin);
        if (!nonce || !returnTo) {
          throw ApiProblem.invalidInput(
            'cookie',
            'the sign-in was not started here or took longer than 10 minutes',
          );
        }
        let token: { id_token?: string };
        try {
          ({ token } = await app.identityProvider.getAccessTokenFromAuthorizationCodeFlow(request, reply));
        } catch (err) {
          request.log.warn({ reason: (err as Error).message }, 'identity code exchange failed');
          throw ApiProblem.invalidInput(
            'querystring',
            'the sign-in could not be completed (state, code or provider)',
          );
        }
        if (!token.id_token)
          throw new ApiProblem('upstream_unavailable', 'The identity service sent no ID token.');
        const claims = await verifyIdToken(token.id_token, nonce).catch((err: unknown) => {
          request.log.warn({ reason: (err as Error).message }, 'ID token rejected');
          throw ApiProblem.invalidInput('querystring', 'the identity service answer did not validate');
        });
        await app.sessions.open(reply, claims);
        reply.clearCookie(NONCE_COOKIE, { path: '/auth' }).clearCookie(RETURN_COOKIE, { path: '/auth' });
        return reply.redirect(returnTo);
      },
      { rateLimit: app.ipLimits.signIn },
    );

    operation(app, 'signOut', async (request, reply) => {
      const signedIn = await requireSession(app, request, { csrf: true });
      await app.sessions.close(reply, signedIn);
      return reply.code(204).send();
    });
  },
  { name: 'identity', dependencies: ['database', 'ip-limits'] },
);
