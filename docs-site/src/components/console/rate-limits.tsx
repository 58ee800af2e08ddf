import Translate from '@docusaurus/Translate';
import type { RateLimits as Limits } from '@site/src/console/product-types';
import { useFormatNumber } from '@site/src/console/use-format-number';
import type { ReactNode } from 'react';

/** A subscription's or plan's limits on one line: burst, sustained rate and monthly quota. */
export function RateLimits({ limits }: { limits: Limits }): ReactNode {
  const { count } = useFormatNumber();
  return (
    <Translate
      id="console.limits.summary"
      values={{
        second: count(limits.ratePerSecond),
        minute: count(limits.ratePerMinute),
        month: count(limits.monthlyQuota),
      }}
    >
      {'{second} 次/秒 · {minute} 次/分 · {month} 次/月'}
    </Translate>
  );
}
