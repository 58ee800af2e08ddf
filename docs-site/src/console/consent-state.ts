import type { Consent } from './types';

export type ConsentState = 'live' | 'expired' | 'withdrawn';

/** Whether an app may still read under a consent: until it is withdrawn or runs out. */
export function consentState(consent: Pick<Consent, 'withdrawnAt' | 'expiresAt'>): ConsentState {
  if (consent.withdrawnAt) return 'withdrawn';
  return Date.parse(consent.expiresAt) <= Date.now() ? 'expired' : 'live';
}
