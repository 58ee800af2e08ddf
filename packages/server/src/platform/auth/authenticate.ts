import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { JWTPayload } from 'jose';
import { ApiProblem } from '../errors/api-problem.js';
import type { AuthRuntime } from './auth-plugin.js';
import type { Principal } from './principal.js';
import { PUBLIC_SCOPES } from './scopes.js';

const REALM = 'ixiamen';

const challenge = (error: string, description: string, scope?: string) =>
  `Bearer realm="${REALM}", error="${error}", error_description="${description}"${scope ? `, scope="${scope}"` : ''}`;

const unauthorized = (description: string) =>
  new ApiProblem('invalid_token', description, {
    headers: { 'www-authenticate': challenge('invalid_token', description) },
  });

interface AccessClaims extends JWTPayload {
  client_id: string;
  scope: string;
  app_id: string;
  cid?: string;
  fid?: string;
}

async function fromAccessToken(auth: AuthRuntime, token: string): Promise<Omit<Principal, 'subscriptions'>> {
  let claims: AccessClaims;
  try {
    claims = (await auth.keys.verify(token)) as AccessClaims;
  } catch (err) {
    const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthorized(expired ? 'The access token has expired.' : 'The access token is not valid.');
  }
  if (auth.cache.isTokenRevoked(claims)) throw unauthorized('The access token has been revoked.');
  return {
    via: 'access_token',
    appId: claims.app_id,
    clientId: claims.client_id,
    subject: claims.sub ?? claims.client_id,
    scopes: new Set(claims.scope.split(' ')),
    ...(claims.cid ? { consentId: claims.cid } : {}),
  };
}

async function fromApiKey(
  auth: AuthRuntime,
  key: string,
): Promise<Omit<Principal, 'clientId' | 'subscriptions'>> {
  const state = await auth.cache.apiKey(key);
  if (!state) throw unauthorized('The API key is not valid, has expired or was revoked.');
  return { via: 'api_key', appId: state.appId, subject: state.appId, scopes: new Set(PUBLIC_SCOPES) };
}

async function authenticate(auth: AuthRuntime, request: FastifyRequest): Promise<Principal | null> {
  const security = request.routeOptions.config.security;
  if (!security || security.length === 0) return null;
  const oauth = security.find((s) => 'oauth2' in s);
  const apiKeyAllowed = security.some((s) => 'apiKey' in s);
  if (!oauth && !apiKeyAllowed) return null;

  const authorization = request.headers.authorization;
  const apiKey = request.headers['x-api-key'];
  let principal: Omit<Principal, 'clientId' | 'subscriptions'> & { clientId?: string };
  if (authorization && oauth) {
    const [scheme, token] = authorization.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw unauthorized('Use the Bearer scheme.');
    principal = await fromAccessToken(auth, token);
  } else if (typeof apiKey === 'string' && apiKeyAllowed) {
    principal = await fromApiKey(auth, apiKey);
  } else {
    throw unauthorized('No access token or API key was sent.');
  }

  const app = await auth.cache.app(principal.appId);
  if (!app) throw unauthorized('The app no longer exists.');
  if (app.status !== 'active') {
    throw unauthorized(app.status === 'suspended' ? 'The app is suspended.' : 'The app awaits approval.');
  }
  const needed = oauth?.oauth2 ?? [];
  const missing = needed.filter((s) => !principal.scopes.has(s));
  if (missing.length > 0) {
    throw new ApiProblem('insufficient_scope', `This operation needs the scope ${needed.join(' ')}.`, {
      headers: {
        'www-authenticate': challenge(
          'insufficient_scope',
          'The token lacks a required scope.',
          needed.join(' '),
        ),
      },
    });
  }
  return { ...principal, clientId: app.clientId, subscriptions: app.subscriptions };
}

/**
 * Enforces each operation's security as api-spec declares it: a Bearer JWT verified against
 * the in-memory keys, or an API key from the cache; then app state and scopes. No database
 * round trip once the app and key are cached.
 */
export const authenticateHook = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      request.principal = await authenticate(app.auth, request);
    });
  },
  { name: 'authenticate', dependencies: ['auth'] },
);
