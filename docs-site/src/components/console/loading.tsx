import Translate from '@docusaurus/Translate';
import type { ReactNode } from 'react';

/** What shows while the session or a page's data is on its way. */
export function Loading(): ReactNode {
  return (
    <p role="status">
      <Translate id="console.loading">正在加载…</Translate>
    </p>
  );
}
