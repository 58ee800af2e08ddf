import { hashSecret, randomToken, sha256 } from '../../platform/auth/secrets.js';

/** A new client secret: the value (shown once) and what is stored. */
export async function newClientSecret() {
  const secret = `ixm_secret_${randomToken(32)}`;
  return { secret, stored: { hash: await hashSecret(secret), hint: `…${secret.slice(-4)}` } };
}

/** A new API key, `ixm_test_…` (sandbox) or `ixm_live_…` (production), 192 random bits. */
export function newApiKey(environment: 'sandbox' | 'production') {
  const key = `ixm_${environment === 'production' ? 'live' : 'test'}_${randomToken(24)}`;
  return { key, stored: { hash: sha256(key), prefix: key.slice(0, 13) } };
}

export const newClientId = () => `ixm_app_${randomToken(12)}`;
