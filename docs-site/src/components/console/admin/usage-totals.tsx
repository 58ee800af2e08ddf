import { translate } from '@docusaurus/Translate';
import type { PlatformUsage } from '@site/src/console/usage-types';
import { useFormatNumber } from '@site/src/console/use-format-number';
import type { ReactNode } from 'react';
import styles from '../usage.module.css';

type Total = keyof PlatformUsage['totals'];

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const TOTALS: [Total, () => string][] = [
  ['calls', () => translate({ id: 'console.usage.calls', message: '计费调用' })],
  ['success', () => translate({ id: 'console.usage.success', message: '成功（2xx/3xx）' })],
  ['clientErrors', () => translate({ id: 'console.usage.clientErrors', message: '请求错误（4xx）' })],
  ['rejected', () => translate({ id: 'console.usage.rejected', message: '被限流（429）' })],
  ['serverErrors', () => translate({ id: 'console.usage.serverErrors', message: '平台错误（5xx）' })],
  ['errorRate', () => translate({ id: 'console.usage.errorRate', message: '错误率' })],
];

/** The platform's calls over the whole range, by outcome, and the error rate. */
export function UsageTotals({ totals }: { totals: PlatformUsage['totals'] }): ReactNode {
  const { count, percent } = useFormatNumber();
  return (
    <dl className={styles.totals} data-testid="usage-totals">
      {TOTALS.map(([key, label]) => (
        <div key={key} data-total={key}>
          <dt>{label()}</dt>
          <dd>{key === 'errorRate' ? percent(totals.errorRate) : count(totals[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
