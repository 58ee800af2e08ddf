import Translate from '@docusaurus/Translate';
import type { CredentialState } from '@site/src/console/credential-state';
import type { ReactNode } from 'react';

export function CredentialStatus({ state }: { state: CredentialState }): ReactNode {
  switch (state) {
    case 'revoked':
      return (
        <span className="badge badge--secondary">
          <Translate id="console.credential.revoked">已撤销</Translate>
        </span>
      );
    case 'expired':
      return (
        <span className="badge badge--secondary">
          <Translate id="console.credential.expired">已过期</Translate>
        </span>
      );
    case 'live':
      return (
        <span className="badge badge--success">
          <Translate id="console.credential.live">有效</Translate>
        </span>
      );
  }
}
