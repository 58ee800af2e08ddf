import type { AccountClaims } from 'oidc-provider';
import type { TestIdentity } from './identities/test-identities.js';

/** Which claims each scope releases; the platform asks for all of them. */
export const SCOPE_CLAIMS: Record<string, string[]> = {
  openid: ['sub'],
  profile: ['name'],
  identity: ['id_number', 'credit_code', 'org_name', 'phone_number'],
  roles: ['roles'],
};

export function claimsOf(identity: TestIdentity): AccountClaims {
  return {
    sub: identity.sub,
    name: identity.name,
    id_number: identity.idNumber,
    // Absent for people who represent no company, rather than empty strings.
    credit_code: identity.creditCode,
    org_name: identity.orgName,
    phone_number: identity.phone,
    roles: identity.roles,
  };
}
