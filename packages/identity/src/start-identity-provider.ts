import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createIdentityProvider } from './create-identity-provider.js';
import { DEV_PLATFORM_CLIENT } from './dev-client.js';
import type { IdentityClient } from './options.js';

export interface StartIdentityProviderOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Defaults to the URL the provider listens on. */
  issuer?: string;
  clients?: IdentityClient[];
}

function urlHost(host: string): string {
  // Wildcard binds are reached over loopback; IPv6 literals need brackets in URLs.
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** Listens first, so that with port 0 the issuer can name the port actually bound. */
export async function startIdentityProvider(
  options: StartIdentityProviderOptions = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const url = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  const { listener } = await createIdentityProvider({
    issuer: options.issuer ?? url,
    clients: options.clients ?? [DEV_PLATFORM_CLIENT],
  }).catch((err: unknown) => {
    server.close();
    throw err;
  });
  server.on('request', listener);
  return {
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // close() waits for keep-alive sockets; idle ones may go now, busy ones finish first.
        server.closeIdleConnections();
      }),
  };
}
