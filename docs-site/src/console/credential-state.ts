export type CredentialState = 'live' | 'expired' | 'revoked';

/** Whether a client secret or API key still works; a rotated one expires when its overlap ends. */
export function credentialState(credential: {
  revokedAt: string | null;
  expiresAt: string | null;
}): CredentialState {
  if (credential.revokedAt) return 'revoked';
  if (credential.expiresAt && Date.parse(credential.expiresAt) <= Date.now()) return 'expired';
  return 'live';
}
