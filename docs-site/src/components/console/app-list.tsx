import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { App } from '@site/src/console/types';
import { useFormatDate } from '@site/src/console/use-format-date';
import { useResource } from '@site/src/console/use-resource';
import type { ReactNode } from 'react';
import { environmentLabel } from './app-labels';
import { AppStatusBadge } from './app-status-badge';
import { type Column, DataTable } from './data-table';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';

/** Every app of the account's organisations, each linking to its page. */
export function AppList({ api }: { api: ConsoleApi }): ReactNode {
  const apps = useResource(api.listApps);
  const formatDate = useFormatDate();
  if (apps.problem) return <ProblemAlert problem={apps.problem} />;
  if (!apps.data) return <Loading />;
  const columns: Column<App>[] = [
    {
      id: 'name',
      header: <Translate id="console.apps.name">应用</Translate>,
      cell: (app) => <Link to={`/console/app?id=${encodeURIComponent(app.id)}`}>{app.name}</Link>,
    },
    { id: 'clientId', header: 'client_id', cell: (app) => <code>{app.clientId}</code> },
    {
      id: 'environment',
      header: <Translate id="console.apps.environment">环境</Translate>,
      cell: (app) => environmentLabel(app.environment),
    },
    {
      id: 'status',
      header: <Translate id="console.apps.status">状态</Translate>,
      cell: (app) => <AppStatusBadge status={app.status} />,
    },
    {
      id: 'createdAt',
      header: <Translate id="console.apps.createdAt">创建时间</Translate>,
      cell: (app) => formatDate(app.createdAt),
    },
  ];
  return (
    <div data-testid="app-list">
      {apps.data.length === 0 ? (
        <p>
          <Translate id="console.apps.empty">还没有应用。</Translate>
        </p>
      ) : (
        <DataTable columns={columns} rows={apps.data} />
      )}
    </div>
  );
}
