import { translate } from '@docusaurus/Translate';
import type { RateLimits } from '@site/src/console/product-types';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
/** The limits of a plan or subscription, in the order the forms ask for them, with their least value. */
export const LIMIT_FIELDS: [keyof RateLimits, () => string, min: number][] = [
  [
    'ratePerSecond',
    () => translate({ id: 'console.limits.ratePerSecond', message: '每秒调用上限（突发）' }),
    1,
  ],
  ['ratePerMinute', () => translate({ id: 'console.limits.ratePerMinute', message: '每分钟调用上限' }), 1],
  [
    'monthlyQuota',
    () => translate({ id: 'console.limits.monthlyQuota', message: '月配额（北京时间自然月）' }),
    0,
  ],
];
