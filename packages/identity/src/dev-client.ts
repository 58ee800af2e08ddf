import type { IdentityClient } from './options.js';

/** The platform as registered with the development provider; main.ts lets the environment override it. */
export const DEV_PLATFORM_CLIENT: IdentityClient = {
  clientId: 'ixiamen-platform',
  clientSecret: 'dev-platform-secret-change-me',
  redirectUris: ['http://127.0.0.1:3000/auth/callback', 'http://localhost:3000/auth/callback'],
};
