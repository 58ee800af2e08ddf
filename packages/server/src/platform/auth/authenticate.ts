import type { IncomingHttpHeaders } from 'node:http';
import type { JWTPayload } from 'jose';
import type { SecurityRequirement } from '../contract/openapi-document.js';
import { ApiProblem } from '../errors/api-problem.js';
import { andThen, type Maybe } from '../gateway/maybe.js';
import type { AuthRuntime } from './auth-plugin.js';
import type { AppState } from './credential-cache.js';
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

type Caller = Omit<Principal, 'clientId' | 'subscriptions'> & { clientId?: string };

// A token's scope string is one of few; its set is built once, not per request.
const scopeSets = new Map<string, ReadonlySet<string>>();
function scopeSet(scope: string): ReadonlySet<string> {
  let set = scopeSets.get(scope);
  if (!set) {
    set = new Set(scope.split(' '));
    if (scopeSets.size < 1000) scopeSets.set(scope, set);
  }
  return set;
}
const API_KEY_SCOPES: ReadonlySet<string> = new Set(PUBLIC_SCOPES);

function fromAccessToken(auth: AuthRuntime, token: string): Maybe<Caller> {
  const fromClaims = (claims: AccessClaims): Caller => {
    if (auth.cache.isTokenRevoked(claims)) throw unauthorized('The access token has been revoked.');
    return {
      via: 'access_token',
      appId: claims.app_id,
      clientId: claims.client_id,
      subject: claims.sub ?? claims.client_id,
      scopes: scopeSet(claims.scope),
      ...(claims.cid ? { consentId: claims.cid } : {}),
    };
  };
  const invalid = (err: unknown): never => {
    const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
    throw unauthorized(expired ? 'The access token has expired.' : 'The access token is not valid.');
  };
  let claims: Maybe<JWTPayload>;
  try {
    claims = auth.keys.verify(token);
  } catch (err) {
    return invalid(err);
  }
  return claims instanceof Promise
    ? claims.then((c) => fromClaims(c as AccessClaims), invalid)
    : fromClaims(claims as AccessClaims);
}

function fromApiKey(auth: AuthRuntime, key: string): Maybe<Caller> {
  return andThen(auth.cache.apiKey(key), (state) => {
    if (!state) throw unauthorized('The API key is not valid, has expired or was revoked.');
    return { via: 'api_key' as const, appId: state.appId, subject: state.appId, scopes: API_KEY_SCOPES };
  });
}

function withApp(caller: Caller, app: AppState | undefined, needed: string[]): Principal {
  if (!app) throw unauthorized('The app no longer exists.');
  if (app.status !== 'active') {
    throw unauthorized(app.status === 'suspended' ? 'The app is suspended.' : 'The app awaits approval.');
  }
  for (const scope of needed) {
    if (!caller.scopes.has(scope)) {
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
  }
  return { ...caller, clientId: app.clientId, subscriptions: app.subscriptions };
}

/** Whether an operation's security names app credentials (OAuth 2 or an API key) at all. */
export const needsAppCredentials = (security: SecurityRequirement[] | undefined) =>
  Boolean(security?.some((s) => 'oauth2' in s || 'apiKey' in s));

/**
 * Who is calling, as the operation's security in api-spec allows: a Bearer JWT verified against
 * the in-memory keys, or an API key; then the app's state and the scopes. Answered from memory,
 * synchronously, once the token, key and app are cached: no database round trip.
 */
export function authenticate(
  auth: AuthRuntime,
  security: SecurityRequirement[],
  headers: IncomingHttpHeaders,
): Maybe<Principal> {
  const oauth = security.find((s) => 'oauth2' in s);
  const needed = oauth?.oauth2 ?? [];
  const authorization = headers.authorization;
  const apiKey = headers['x-api-key'];
  let caller: Maybe<Caller>;
  if (authorization && oauth) {
    const space = authorization.indexOf(' ');
    const token = space > 0 ? authorization.slice(space + 1) : '';
    if (authorization.slice(0, space).toLowerCase() !== 'bearer' || !token || token.includes(' ')) {
      throw unauthorized('Use the Bearer scheme.');
    }
    caller = fromAccessToken(auth, token);
  } else if (typeof apiKey === 'string' && security.some((s) => 'apiKey' in s)) {
    caller = fromApiKey(auth, apiKey);
  } else {
    throw unauthorized('No access token or API key was sent.');
  }
  return andThen(caller, (c) => andThen(auth.cache.app(c.appId), (app) => withApp(c, app, needed)));
}
