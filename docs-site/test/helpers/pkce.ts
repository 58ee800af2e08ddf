import { createHash, randomBytes } from 'node:crypto';

/** An S256 PKCE challenge of a fresh verifier; the test never redeems the code, so it drops the verifier. */
export function pkceChallenge(): string {
  const verifier = randomBytes(32).toString('base64url');
  return createHash('sha256').update(verifier).digest('base64url');
}
