import Translate from '@docusaurus/Translate';
import type { ConsentState } from '@site/src/console/consent-state';
import type { CredentialState } from '@site/src/console/credential-state';
import type { ReactNode } from 'react';

const CREDENTIAL: Record<CredentialState, ReactNode> = {
  live: <Translate id="console.credential.live">有效</Translate>,
  expired: <Translate id="console.credential.expired">已过期</Translate>,
  revoked: <Translate id="console.credential.revoked">已撤销</Translate>,
};

const CONSENT: Record<ConsentState, ReactNode> = {
  live: <Translate id="console.consent.live">有效</Translate>,
  expired: <Translate id="console.consent.expired">已过期</Translate>,
  withdrawn: <Translate id="console.consent.withdrawn">已撤回</Translate>,
};

type Props = { of: 'credential'; state: CredentialState } | { of: 'consent'; state: ConsentState };

/** Whether a credential or a consent still works: green while live, grey once it is over. */
export function StatusBadge(props: Props): ReactNode {
  const label = props.of === 'credential' ? CREDENTIAL[props.state] : CONSENT[props.state];
  return (
    <span className={`badge ${props.state === 'live' ? 'badge--success' : 'badge--secondary'}`}>{label}</span>
  );
}
