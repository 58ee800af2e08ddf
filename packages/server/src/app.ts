import cookie from '@fastify/cookie';
import { type DatabaseHandle, loadSynonyms, openDatabase, seedCatalog, seedProducts } from '@ixiamen/db';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { type Config, loadConfig } from './config.js';
import { adminRoutes } from './modules/admin/routes.js';
import { catalogStore } from './modules/catalog/catalog-store.js';
import { catalogRoutes } from './modules/catalog/routes.js';
import { consoleRoutes } from './modules/console/routes.js';
import { identityRoutes } from './modules/identity/routes.js';
import { oauthRoutes } from './modules/oauth/routes.js';
import { pricesRoutes } from './modules/prices/routes.js';
import { searchRoutes } from './modules/search/routes.js';
import { systemRoutes } from './modules/system/routes.js';
import { authPlugin } from './platform/auth/auth-plugin.js';
import { routeTable } from './platform/contract/route-table.js';
import { databasePlugin } from './platform/database.js';
import { errorHandler, frameworkError } from './platform/errors/error-handler.js';
import { routeGuard } from './platform/gateway/route-guard.js';
import { corsPolicy } from './platform/http/cors-policy.js';
import { ipLimits } from './platform/http/ip-limits.js';
import { loggerOptions } from './platform/http/logger-options.js';
import { requestHooks } from './platform/http/request-hooks.js';
import { requestId } from './platform/http/request-id.js';
import { limitsPlugin } from './platform/limits/limits-plugin.js';

export { type Config, ConfigError, loadConfig } from './config.js';

export interface BuildOptions {
  config?: Partial<Config>;
  /** An already open database (tests share one); otherwise one is opened from the config. */
  database?: DatabaseHandle;
  /** A pino destination stream, e.g. to capture logs in tests. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the platform without listening: migrations applied, catalogue seeded, routes ready. */
export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig({}), ...options.config };
  const logger = loggerOptions(config.LOG_LEVEL);
  const app = Fastify({
    // Silent is no logger at all: no child logger per request for lines never written.
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : options.logStream
          ? { ...logger, stream: options.logStream }
          : logger,
    genReqId: requestId,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY ?? false,
    return503OnClosing: false,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    frameworkErrors: frameworkError,
  });

  const handle =
    options.database ?? (await openDatabase({ url: config.DATABASE_URL, dataDir: config.PGLITE_DIR }));
  try {
    await handle.migrate();
    await seedCatalog(handle.db);
    await seedProducts(handle.db);
  } catch (err) {
    if (!options.database) await handle.close();
    throw err;
  }

  // Views build exactly the contract's shapes (the conformance test validates every sample
  // answer against api-spec), and V8's JSON.stringify outran fast-json-stringify on these
  // mostly-Chinese bodies by about a fifth of a cached read's cost (pnpm bench).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(routeTable);
  await app.register(errorHandler);
  await app.register(requestHooks);
  await app.register(databasePlugin, { handle, ownsHandle: !options.database });
  await app.register(authPlugin, {
    issuer: config.PUBLIC_BASE_URL,
    audience: config.PUBLIC_BASE_URL,
    accessTokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    pollMs: config.CREDENTIAL_POLL_MS,
    redisUrl: config.REDIS_URL,
  });
  await app.register(limitsPlugin, {
    redisUrl: config.REDIS_URL,
    fallbackShare: config.RATE_LIMIT_FALLBACK_SHARE,
    meteringFlushMs: config.METERING_FLUSH_MS,
    maxQuotaLease: config.QUOTA_MAX_LEASE,
  });
  await app.register(ipLimits, {
    tokenPerMinute: config.IP_LIMIT_TOKEN_PER_MINUTE,
    authorizePerMinute: config.IP_LIMIT_AUTHORIZE_PER_MINUTE,
    signInPerMinute: config.IP_LIMIT_SIGN_IN_PER_MINUTE,
    clientAuthPerMinute: config.IP_LIMIT_CLIENT_AUTH_PER_MINUTE,
  });
  await app.register(routeGuard);
  await app.register(catalogStore, { refreshMs: config.CATALOG_REFRESH_MS });
  // Everything but the metered API: its CORS policies and, for sign-in, OAuth's consent and the
  // console, cookies. The metered API stays outside this scope, so its calls run none of these
  // hooks; its guard sets its CORS headers itself.
  await app.register(async (web) => {
    await web.register(corsPolicy, {
      consoleOrigins: [config.PORTAL_ORIGIN, new URL(config.PUBLIC_BASE_URL).origin],
    });
    await web.register(withCookies, { config });
    await web.register(systemRoutes);
  });
  await app.register(catalogRoutes);
  await app.register(searchRoutes, { synonyms: await loadSynonyms() });
  await app.register(pricesRoutes, { departmentsUrl: config.DEPARTMENTS_URL });
  return app;
}

/** Sign-in, OAuth's consent and the console: the only routes that read cookies. */
async function withCookies(app: FastifyInstance, { config }: { config: Config }) {
  await app.register(cookie);
  await app.register(identityRoutes, {
    issuer: config.IDENTITY_ISSUER,
    clientId: config.IDENTITY_CLIENT_ID,
    clientSecret: config.IDENTITY_CLIENT_SECRET,
    authorizePath: config.IDENTITY_AUTHORIZE_PATH,
    tokenPath: config.IDENTITY_TOKEN_PATH,
    jwksPath: config.IDENTITY_JWKS_PATH,
    callbackUrl: `${config.PUBLIC_BASE_URL}/auth/callback`,
    portalOrigin: config.PORTAL_ORIGIN,
    // Browsers keep Secure cookies from http://localhost and 127.0.0.1 too, so this holds in development.
    secureCookies: true,
  });
  await app.register(oauthRoutes);
  await app.register(consoleRoutes);
  await app.register(adminRoutes);
}
