import Translate from '@docusaurus/Translate';
import type { ReactNode } from 'react';

interface Props {
  hasMore: boolean;
  busy: boolean;
  onClick: () => void;
}

/** The next page of a cursor-paginated list, when there is one. */
export function LoadMoreButton({ hasMore, busy, onClick }: Props): ReactNode {
  if (!hasMore) return null;
  return (
    <button
      type="button"
      className="button button--secondary button--block margin-top--sm"
      data-testid="load-more"
      disabled={busy}
      onClick={onClick}
    >
      <Translate id="console.admin.loadMore">加载更多</Translate>
    </button>
  );
}
