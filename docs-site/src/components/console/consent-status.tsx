import Translate from '@docusaurus/Translate';
import type { ConsentState } from '@site/src/console/consent-state';
import type { ReactNode } from 'react';

export function ConsentStatus({ state }: { state: ConsentState }): ReactNode {
  switch (state) {
    case 'live':
      return (
        <span className="badge badge--success">
          <Translate id="console.consent.live">有效</Translate>
        </span>
      );
    case 'expired':
      return (
        <span className="badge badge--secondary">
          <Translate id="console.consent.expired">已过期</Translate>
        </span>
      );
    case 'withdrawn':
      return (
        <span className="badge badge--secondary">
          <Translate id="console.consent.withdrawn">已撤回</Translate>
        </span>
      );
  }
}
