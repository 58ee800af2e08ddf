import Translate from '@docusaurus/Translate';
import type { QuotaStatus } from '@site/src/console/usage-types';
import { useFormatNumber } from '@site/src/console/use-format-number';
import { useShanghaiTime } from '@site/src/console/use-shanghai-time';
import type { ReactNode } from 'react';
import { type Column, DataTable } from './data-table';
import styles from './usage.module.css';

type Row = QuotaStatus & { id: string };

/** This month's quota of every active subscription, as a bar of what is used. */
export function QuotaTable({
  quotas,
  productName,
}: {
  quotas: QuotaStatus[];
  productName: (code: string) => string;
}): ReactNode {
  const { count } = useFormatNumber();
  const time = useShanghaiTime();
  if (quotas.length === 0) {
    return (
      <p data-testid="quotas">
        <Translate id="console.quota.none">没有已生效的订阅，因此没有配额。</Translate>
      </p>
    );
  }
  const columns: Column<Row>[] = [
    {
      id: 'product',
      header: <Translate id="console.quota.product">产品</Translate>,
      cell: (quota) => productName(quota.product),
    },
    {
      id: 'used',
      header: <Translate id="console.quota.used">已用 / 月配额</Translate>,
      cell: (quota) => (
        <span className={styles.quota}>
          <progress
            value={Math.min(quota.used, quota.limit)}
            max={Math.max(quota.limit, 1)}
            data-level={quota.used >= quota.limit * 0.9 ? 'high' : 'normal'}
          />
          <span data-testid="quota-used">
            {count(quota.used)} / {count(quota.limit)}
          </span>
        </span>
      ),
    },
    {
      id: 'remaining',
      header: <Translate id="console.quota.remaining">剩余</Translate>,
      cell: (quota) => count(quota.remaining),
    },
    {
      id: 'resetsAt',
      header: <Translate id="console.quota.resetsAt">重置时间（北京时间）</Translate>,
      cell: (quota) => time.dateTime(quota.resetsAt),
    },
  ];
  return (
    <DataTable
      testId="quotas"
      columns={columns}
      rows={quotas.map((quota) => ({ ...quota, id: quota.product }))}
      rowAttributes={(quota) => ({ 'data-product': quota.product })}
    />
  );
}
