/// <reference path="./oidc-provider.d.ts" />
// The reference makes the hand-written oidc-provider types visible to packages compiling this source.
export { createIdentityProvider } from './create-identity-provider.js';
export { DEV_PLATFORM_CLIENT } from './dev-client.js';
export {
  findTestIdentity,
  type IdentityKind,
  type TestIdentity,
  testIdentities,
} from './identities/test-identities.js';
export type { IdentityClient, IdentityProviderOptions } from './options.js';
export { type StartIdentityProviderOptions, startIdentityProvider } from './start-identity-provider.js';
