import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

const Url = (protocols: string[]) =>
  Type.String({
    pattern: `^(${protocols.join('|')})://\\S+$`,
    description: `a ${protocols.join(' or ')} URL`,
  });

const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  DATABASE_URL: Type.Optional(Url(['postgres', 'postgresql'])),
  PGLITE_DIR: Type.String({ minLength: 1, default: '.data/pglite' }),
  REDIS_URL: Type.Optional(Url(['redis', 'rediss'])),
  DEPARTMENTS_URL: Type.String({ ...Url(['http', 'https']), default: 'http://127.0.0.1:4100' }),
  // Also the token issuer and audience. The host must match the portal's: session cookies are same-site.
  PUBLIC_BASE_URL: Type.String({ ...Url(['http', 'https']), default: 'http://127.0.0.1:3000' }),
  PORTAL_ORIGIN: Type.String({ ...Url(['http', 'https']), default: 'http://127.0.0.1:3001' }),
  IDENTITY_ISSUER: Type.String({ ...Url(['http', 'https']), default: 'http://127.0.0.1:4200' }),
  IDENTITY_AUTHORIZE_PATH: Type.String({ pattern: '^/', default: '/auth' }),
  IDENTITY_TOKEN_PATH: Type.String({ pattern: '^/', default: '/token' }),
  IDENTITY_JWKS_PATH: Type.String({ pattern: '^/', default: '/jwks' }),
  IDENTITY_CLIENT_ID: Type.String({ minLength: 1, default: 'ixiamen-platform' }),
  IDENTITY_CLIENT_SECRET: Type.String({ minLength: 1, default: 'dev-platform-secret-change-me' }),
  ACCESS_TOKEN_TTL_SECONDS: Type.Integer({ minimum: 60, maximum: 3600, default: 600 }),
  CREDENTIAL_POLL_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 1_000 }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 10_000 }),
  CATALOG_REFRESH_MS: Type.Integer({ minimum: 100, maximum: 3_600_000, default: 5_000 }),
  // While Redis is unreachable each instance enforces this share of every rate limit on its own.
  RATE_LIMIT_FALLBACK_SHARE: Type.Number({ exclusiveMinimum: 0, maximum: 1, default: 0.5 }),
  // Metered counts are written every this often: what a SIGKILL can lose at most.
  METERING_FLUSH_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 5_000 }),
  QUOTA_MAX_LEASE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 100_000 }),
  // Calls per minute from one client IP to each endpoint that checks credentials before any
  // authentication, against guessing them: the token, revocation and introspection endpoints;
  // the authorization endpoint and its consent form; sign-in and its callback.
  IP_LIMIT_TOKEN_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 300 }),
  IP_LIMIT_AUTHORIZE_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 60 }),
  IP_LIMIT_SIGN_IN_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  // Client authentications per minute from one client IP that run scrypt (128 MiB, each wrong
  // secret a full run) or fail, one count across the token, revocation and introspection
  // endpoints; a secret that already verified on this instance is not counted.
  IP_LIMIT_CLIENT_AUTH_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 20 }),
  // The reverse proxies in front of the platform (addresses or CIDRs, comma-separated) whose
  // X-Forwarded-For is believed: behind one, without this every caller would share the proxy's
  // address and its IP limits; unset, a forged header cannot choose the address counted.
  TRUST_PROXY: Type.Optional(
    Type.String({
      pattern: '^[0-9a-fA-F:./]+(,\\s*[0-9a-fA-F:./]+)*$',
      description: 'addresses or CIDRs of the trusted proxies, comma-separated',
    }),
  ),
});

export type Config = Static<typeof ConfigSchema>;
// Values that may carry passwords or secrets are never echoed.
const HIDDEN = new Set(['DATABASE_URL', 'REDIS_URL', 'IDENTITY_CLIENT_SECRET']);

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads the configuration from the environment. Unset variables take the embedded defaults;
 * a set but invalid one stops the start with a message naming each variable and why.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const candidate = Value.Default(ConfigSchema, Value.Convert(ConfigSchema, raw));
  const errors = [...Value.Errors(ConfigSchema, candidate)];
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const name = e.path.replace(/^\//, '');
      const shown = name in raw ? JSON.stringify(raw[name]) : 'unset';
      return `  ${name}=${HIDDEN.has(name) ? '(hidden)' : shown}: ${e.schema.description ?? e.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return candidate as Config;
}
