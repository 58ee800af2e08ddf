import Translate from '@docusaurus/Translate';
import type { TopApp } from '@site/src/console/usage-types';
import { useFormatNumber } from '@site/src/console/use-format-number';
import type { ReactNode } from 'react';
import { type Column, DataTable } from '../data-table';

type Row = TopApp & { id: string };

/** The apps with the most calls, with how many of their answers were errors. */
export function TopAppsTable({ apps }: { apps: TopApp[] }): ReactNode {
  const { count, percent } = useFormatNumber();
  if (apps.length === 0) {
    return (
      <p data-testid="top-apps">
        <Translate id="console.usage.noCalls">这段时间内没有调用。</Translate>
      </p>
    );
  }
  const columns: Column<Row>[] = [
    { id: 'app', header: <Translate id="console.topApps.app">应用</Translate>, cell: (app) => app.appName },
    {
      id: 'org',
      header: <Translate id="console.topApps.org">发布者组织</Translate>,
      cell: (app) => app.orgName || '—',
    },
    {
      id: 'calls',
      header: <Translate id="console.usage.calls">计费调用</Translate>,
      cell: (app) => count(app.calls),
    },
    {
      id: 'errors',
      header: <Translate id="console.usage.errors">错误（4xx/5xx）</Translate>,
      cell: (app) => count(app.clientErrors + app.serverErrors),
    },
    {
      id: 'rejected',
      header: <Translate id="console.usage.rejectedShort">被拒绝（429）</Translate>,
      cell: (app) => count(app.rejected),
    },
    {
      id: 'errorRate',
      header: <Translate id="console.usage.errorRate">错误率</Translate>,
      cell: (app) => percent(app.errorRate),
    },
  ];
  return (
    <DataTable
      testId="top-apps"
      columns={columns}
      rows={apps.map((app) => ({ ...app, id: app.appId }))}
      rowAttributes={(app) => ({ 'data-app': app.appId })}
    />
  );
}
