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
const BEARER = /^bearer [^ ]/i;

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

type Caller = Omit<Principal, 'clientId' | 'subscriptions' | 'lastSubscription'>;

/** What an operation's security in api-spec accepts, worked out once when its route is added. */
export interface RouteSecurity {
  /** The OAuth scopes it needs, or undefined when it takes no access token. */
  scopes: readonly string[] | undefined;
  apiKey: boolean;
}

export function routeSecurity(security: SecurityRequirement[]): RouteSecurity {
  const oauth = security.find((s) => 'oauth2' in s);
  return { scopes: oauth ? (oauth.oauth2 ?? []) : undefined, apiKey: security.some((s) => 'apiKey' in s) };
}

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

/**
 * What a credential resolved to, kept on its cached claims or key state (so it lives exactly as
 * long as they do): the caller, and the principal last built for the app state then cached.
 * A warm call then allocates nothing to authenticate and looks up nothing but the credential;
 * an app state the cache has dropped (stale) is looked up again and rebuilds the principal.
 */
interface Resolved {
  caller: Caller;
  app: AppState | undefined;
  principal: Principal | undefined;
}
// A property of the credential object itself rather than a WeakMap: with 10,000 apps each table
// lookup on the hot path is a cache miss.
const RESOLVED = Symbol('resolved');
type Resolvable = { [RESOLVED]?: Resolved };
const resolvedOf = (credential: object) => (credential as Resolvable)[RESOLVED];

function remember(credential: object, caller: Caller): Resolved {
  const entry = { caller, app: undefined, principal: undefined };
  (credential as Resolvable)[RESOLVED] = entry;
  return entry;
}

function fromClaims(auth: AuthRuntime, claims: AccessClaims): Resolved {
  if (auth.cache.isTokenRevoked(claims)) throw unauthorized('The access token has been revoked.');
  return (
    resolvedOf(claims) ??
    remember(claims, {
      via: 'access_token',
      appId: claims.app_id,
      subject: claims.sub ?? claims.client_id,
      scopes: scopeSet(claims.scope),
      consentId: claims.cid,
    })
  );
}

function invalidToken(err: unknown): never {
  const expired = (err as { code?: string }).code === 'ERR_JWT_EXPIRED';
  throw unauthorized(expired ? 'The access token has expired.' : 'The access token is not valid.');
}

function fromAccessToken(auth: AuthRuntime, token: string): Maybe<Resolved> {
  let claims: Maybe<JWTPayload>;
  try {
    claims = auth.keys.verify(token);
  } catch (err) {
    return invalidToken(err);
  }
  return claims instanceof Promise
    ? claims.then((c) => fromClaims(auth, c as AccessClaims), invalidToken)
    : fromClaims(auth, claims as AccessClaims);
}

function fromApiKey(auth: AuthRuntime, key: string): Maybe<Resolved> {
  return andThen(auth.cache.apiKey(key), (state) => {
    if (!state) throw unauthorized('The API key is not valid, has expired or was revoked.');
    return (
      resolvedOf(state) ??
      remember(state, {
        via: 'api_key',
        appId: state.appId,
        subject: state.appId,
        scopes: API_KEY_SCOPES,
        consentId: undefined,
      })
    );
  });
}

function principalOf(entry: Resolved, app: AppState | undefined): Principal {
  if (entry.principal && entry.app === app) return entry.principal;
  if (!app) throw unauthorized('The app no longer exists.');
  if (app.status !== 'active') {
    throw unauthorized(app.status === 'suspended' ? 'The app is suspended.' : 'The app awaits approval.');
  }
  entry.app = app;
  // Written out, not spread: every principal then has one hidden class, and the hot path's
  // property reads stay monomorphic however many apps call (spread objects missed V8's inline
  // caches on every call once 10,000 apps were calling).
  const { via, appId, subject, scopes, consentId } = entry.caller;
  entry.principal = {
    via,
    appId,
    subject,
    scopes,
    consentId,
    clientId: app.clientId,
    subscriptions: app.subscriptions,
    lastSubscription: undefined,
  };
  return entry.principal;
}

function requireScopes(principal: Principal, needed: readonly string[]): Principal {
  for (const scope of needed) {
    if (!principal.scopes.has(scope)) {
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
  return principal;
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
  security: RouteSecurity,
  headers: IncomingHttpHeaders,
): Maybe<Principal> {
  const authorization = headers.authorization;
  const apiKey = headers['x-api-key'];
  const needed = security.scopes ?? [];
  let credential: Maybe<Resolved>;
  if (authorization && security.scopes) {
    // A token with a space in it cannot match a cached one, and its signature check refuses it.
    if (!BEARER.test(authorization)) throw unauthorized('Use the Bearer scheme.');
    credential = fromAccessToken(auth, authorization.slice(7));
  } else if (typeof apiKey === 'string' && security.apiKey) {
    credential = fromApiKey(auth, apiKey);
  } else {
    throw unauthorized('No access token or API key was sent.');
  }
  return credential instanceof Promise
    ? credential.then((entry) => withApp(auth, entry, needed))
    : withApp(auth, credential, needed);
}

function withApp(auth: AuthRuntime, entry: Resolved, needed: readonly string[]): Maybe<Principal> {
  // The app state this principal was built from is still the cache's: no lookup needed.
  if (entry.principal && entry.app && !entry.app.stale) return requireScopes(entry.principal, needed);
  const app = auth.cache.app(entry.caller.appId);
  return app instanceof Promise
    ? app.then((state) => requireScopes(principalOf(entry, state), needed))
    : requireScopes(principalOf(entry, app), needed);
}
