#!/usr/bin/env node
import { DEV_PLATFORM_CLIENT } from './dev-client.js';
import { startIdentityProvider } from './start-identity-provider.js';

const env = process.env;
const port = Number(env.IDENTITY_PORT ?? 4200);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`IDENTITY_PORT must be a port number, got ${env.IDENTITY_PORT}`);
  process.exit(1);
}
const redirectUris = env.IDENTITY_REDIRECT_URIS?.split(',')
  .map((uri) => uri.trim())
  .filter(Boolean);
const client = {
  ...DEV_PLATFORM_CLIENT,
  clientId: env.IDENTITY_CLIENT_ID || DEV_PLATFORM_CLIENT.clientId,
  clientSecret: env.IDENTITY_CLIENT_SECRET || DEV_PLATFORM_CLIENT.clientSecret,
  redirectUris: redirectUris?.length ? redirectUris : DEV_PLATFORM_CLIENT.redirectUris,
};

const { url, close } = await startIdentityProvider({
  port,
  host: env.IDENTITY_HOST || '127.0.0.1',
  issuer: env.IDENTITY_ISSUER || undefined,
  clients: [client],
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    close().then(() => process.exit(0));
  });
}
console.log(`i厦门 development identity provider listening on ${url} (client ${client.clientId})`);
