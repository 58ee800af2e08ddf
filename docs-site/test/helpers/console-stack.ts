import { DEV_PLATFORM_CLIENT, startIdentityProvider } from '@ixiamen/identity';
import { buildApp, type Config } from '@ixiamen/server';
import { freePort } from '@ixiamen/server/testing';
import { serveStatic } from '../static-server.js';

export interface ConsoleStack {
  portal: string;
  api: string;
  close(): Promise<void>;
}

/**
 * The dev identity provider, the API on in-memory PGlite and the built portal, each on its own
 * port of 127.0.0.1: one host, so the session cookie the API sets is sent from the portal's pages.
 */
export async function startConsoleStack(
  build: string,
  /** API settings on top of the stack's own, e.g. a short METERING_FLUSH_MS for usage figures. */
  config: Partial<Config> = {},
): Promise<ConsoleStack> {
  const [portalPort, apiPort, idpPort] = [await freePort(), await freePort(), await freePort()];
  const portal = `http://127.0.0.1:${portalPort}`;
  const api = `http://127.0.0.1:${apiPort}`;
  // Closed last-started first, also when a later one fails to start.
  const started: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  try {
    const idp = await startIdentityProvider({
      port: idpPort,
      host: '127.0.0.1',
      clients: [{ ...DEV_PLATFORM_CLIENT, redirectUris: [`${api}/auth/callback`] }],
    });
    started.push(() => idp.close());
    const app = await buildApp({
      config: {
        LOG_LEVEL: 'silent',
        PGLITE_DIR: 'memory://',
        PUBLIC_BASE_URL: api,
        PORTAL_ORIGIN: portal,
        IDENTITY_ISSUER: idp.url,
        ...config,
      },
    });
    started.push(() => app.close());
    await app.listen({ port: apiPort, host: '127.0.0.1' });
    const site = await serveStatic(build, {
      port: portalPort,
      overrides: {
        '/console-config.json': { type: 'application/json', body: JSON.stringify({ apiBaseUrl: api }) },
      },
    });
    started.push(() => site.close());
  } catch (err) {
    await close();
    throw err;
  }
  return { portal, api, close };
}
