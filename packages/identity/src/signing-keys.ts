import { generateKeyPairSync, type JsonWebKey, randomUUID } from 'node:crypto';

/**
 * Fresh ID token signing keys for this process (ES256 and RS256). Tokens from an earlier run stop
 * verifying after a restart, which is fine for development.
 */
export function generateSigningKeys(): JsonWebKey[] {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return [
    { ...ec.export({ format: 'jwk' }), kid: `dev-es256-${randomUUID()}`, alg: 'ES256', use: 'sig' },
    { ...rsa.export({ format: 'jwk' }), kid: `dev-rs256-${randomUUID()}`, alg: 'RS256', use: 'sig' },
  ];
}
