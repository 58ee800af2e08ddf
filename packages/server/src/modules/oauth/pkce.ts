import { createHash } from 'node:crypto';
import { safeEqual } from '../../platform/auth/secrets.js';

/** RFC 7636: 43–128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A base64url SHA-256: exactly 43 characters. */
export const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export function verifyPkce(verifier: string | undefined, challenge: string): boolean {
  if (!verifier || !VERIFIER.test(verifier)) return false;
  return safeEqual(createHash('sha256').update(verifier).digest('base64url'), challenge);
}
