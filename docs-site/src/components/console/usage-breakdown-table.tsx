import Translate from '@docusaurus/Translate';
import type { UsageBreakdown } from '@site/src/console/usage-types';
import { useFormatNumber } from '@site/src/console/use-format-number';
import type { ReactNode } from 'react';
import { type Column, DataTable } from './data-table';

type Row = UsageBreakdown & { id: string };

interface Props {
  testId: string;
  rows: UsageBreakdown[];
  /** The name shown for a product code. */
  productName: (code: string) => string;
}

/** Totals per product, or per operation when the rows name one: calls, errors and rejections. */
export function UsageBreakdownTable({ testId, rows, productName }: Props): ReactNode {
  const { count } = useFormatNumber();
  const perOperation = rows.some((row) => row.operationId !== null);
  const columns: Column<Row>[] = [
    {
      id: 'product',
      header: <Translate id="console.usage.product">产品</Translate>,
      cell: (row) => productName(row.product),
    },
    ...(perOperation
      ? [
          {
            id: 'operation',
            header: <Translate id="console.usage.operation">接口</Translate>,
            cell: (row: Row) => <code>{row.operationId}</code>,
          },
        ]
      : []),
    {
      id: 'calls',
      header: <Translate id="console.usage.calls">计费调用</Translate>,
      cell: (row) => count(row.calls),
    },
    {
      id: 'errors',
      header: <Translate id="console.usage.errors">错误（4xx/5xx）</Translate>,
      cell: (row) => count(row.clientErrors + row.serverErrors),
    },
    {
      id: 'rejected',
      header: <Translate id="console.usage.rejectedShort">被拒绝（429）</Translate>,
      cell: (row) => count(row.rejected),
    },
  ];
  if (rows.length === 0) {
    return (
      <p data-testid={testId}>
        <Translate id="console.usage.noCalls">这段时间内没有调用。</Translate>
      </p>
    );
  }
  return (
    <DataTable
      testId={testId}
      columns={columns}
      rows={rows.map((row) => ({ ...row, id: `${row.product}|${row.operationId ?? ''}` }))}
      rowAttributes={(row) => ({ 'data-product': row.product })}
    />
  );
}
