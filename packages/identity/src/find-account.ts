import type { Account } from 'oidc-provider';
import { claimsOf } from './claims.js';
import { findTestIdentity } from './identities/test-identities.js';

/** oidc-provider's account lookup, served from the test identities; unknown subjects have no account. */
export function findAccount(_ctx: unknown, sub: string): Account | undefined {
  const identity = findTestIdentity(sub);
  return identity && { accountId: identity.sub, claims: () => claimsOf(identity) };
}
