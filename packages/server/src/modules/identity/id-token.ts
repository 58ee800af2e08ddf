import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { IdentityClaims } from './sessions.js';

export interface IdTokenOptions {
  issuer: string;
  jwksUrl: string;
  clientId: string;
}

/** Validates the identity service's ID token: signature (its JWKS), issuer, audience, expiry and nonce. */
export function idTokenVerifier(options: IdTokenOptions) {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000 });
  return async (idToken: string, nonce: string): Promise<IdentityClaims> => {
    const { payload } = await jwtVerify(idToken, jwks, {
      issuer: options.issuer,
      audience: options.clientId,
      algorithms: ['ES256', 'RS256', 'EdDSA'],
      requiredClaims: ['sub', 'nonce'],
    });
    if (payload.nonce !== nonce) throw new Error('ID token nonce mismatch');
    const roles = Array.isArray(payload.roles)
      ? payload.roles.filter((r): r is string => typeof r === 'string')
      : [];
    return {
      subject: payload.sub!,
      name: typeof payload.name === 'string' ? payload.name : payload.sub!,
      roles: roles.length > 0 ? roles : ['citizen'],
      idNumber: typeof payload.id_number === 'string' ? payload.id_number : undefined,
    };
  };
}
