import { translate } from '@docusaurus/Translate';
import type { UsageRange } from '@site/src/console/usage-range';
import clsx from 'clsx';
import type { ReactNode } from 'react';
import styles from './usage.module.css';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const RANGES: [UsageRange, () => string][] = [
  ['7d', () => translate({ id: 'console.usage.range7d', message: '7 天' })],
  ['30d', () => translate({ id: 'console.usage.range30d', message: '30 天' })],
  ['24h', () => translate({ id: 'console.usage.range24h', message: '24 小时' })],
];

interface Props {
  value: UsageRange;
  onChange: (range: UsageRange) => void;
}

/** The range of the usage figures: days for a week or a month, hours for the last day. */
export function UsageRangeSelect({ value, onChange }: Props): ReactNode {
  return (
    <fieldset
      className={clsx('button-group', styles.rangeGroup)}
      aria-label={translate({ id: 'console.usage.range', message: '时间范围' })}
    >
      {RANGES.map(([range, label]) => (
        <button
          key={range}
          type="button"
          className={clsx(
            'button button--sm button--outline button--primary',
            range === value && 'button--active',
          )}
          aria-pressed={range === value}
          data-range={range}
          onClick={() => onChange(range)}
        >
          {label()}
        </button>
      ))}
    </fieldset>
  );
}
