import Translate from '@docusaurus/Translate';
import type { AdminApp } from '@site/src/console/admin-types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import { environmentLabel } from '../app-labels';
import { AppStatusBadge } from '../app-status-badge';
import { type Column, DataTable } from '../data-table';

interface Props {
  apps: AdminApp[];
  /** The buttons of a row: what an admin may do to the app in its status. */
  actions: (app: AdminApp) => ReactNode;
}

/** Apps of every organisation with their publisher, environment and status. */
export function AdminAppTable({ apps, actions }: Props): ReactNode {
  const formatDate = useFormatDate();
  const columns: Column<AdminApp>[] = [
    {
      id: 'name',
      header: <Translate id="console.apps.name">应用</Translate>,
      cell: (app) => (
        <>
          {app.name}
          <br />
          <code>{app.clientId}</code>
        </>
      ),
    },
    {
      id: 'org',
      header: <Translate id="console.app.org">发布者组织</Translate>,
      cell: (app) => (
        <>
          {app.orgName}
          {app.ownerName && (
            <>
              <br />
              <Translate id="console.admin.apps.owner" values={{ owner: app.ownerName }}>
                {'所有者：{owner}'}
              </Translate>
            </>
          )}
        </>
      ),
    },
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
    { id: 'actions', header: <Translate id="console.credential.actions">操作</Translate>, cell: actions },
  ];
  return (
    <DataTable
      testId="admin-apps"
      columns={columns}
      rows={apps}
      rowAttributes={(app) => ({ 'data-app': app.id, 'data-status': app.status })}
    />
  );
}
