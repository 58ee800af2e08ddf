import Translate from '@docusaurus/Translate';
import type { UsageRange } from '@site/src/console/usage-range';
import type { ReactNode } from 'react';
import styles from './usage.module.css';
import { UsageRangeSelect } from './usage-range-select';

interface Props {
  range: UsageRange;
  onRange: (range: UsageRange) => void;
  onRefresh: () => void;
}

/** The range of a usage section and a way to read it again up to now. */
export function UsageToolbar({ range, onRange, onRefresh }: Props): ReactNode {
  return (
    <div className={styles.toolbar}>
      <UsageRangeSelect value={range} onChange={onRange} />
      <button
        type="button"
        className="button button--sm button--secondary"
        data-testid="usage-refresh"
        onClick={onRefresh}
      >
        <Translate id="console.usage.refresh">刷新</Translate>
      </button>
    </div>
  );
}
