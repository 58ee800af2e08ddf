import Translate from '@docusaurus/Translate';
import type { Org } from '@site/src/console/types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import { type Column, DataTable } from './data-table';

/** The publisher organisations the account belongs to. */
export function OrgList({ orgs }: { orgs: Org[] }): ReactNode {
  const formatDate = useFormatDate();
  const columns: Column<Org>[] = [
    { id: 'name', header: <Translate id="console.org.name">组织名称</Translate>, cell: (org) => org.name },
    {
      id: 'creditCode',
      header: <Translate id="console.org.creditCode">统一社会信用代码</Translate>,
      cell: (org) => (org.creditCode ? <code>{org.creditCode}</code> : '—'),
    },
    {
      id: 'role',
      header: <Translate id="console.org.role">我的角色</Translate>,
      cell: (org) =>
        org.role === 'owner' ? (
          <Translate id="console.org.owner">所有者</Translate>
        ) : (
          <Translate id="console.org.member">成员</Translate>
        ),
    },
    {
      id: 'createdAt',
      header: <Translate id="console.org.createdAt">创建时间</Translate>,
      cell: (org) => formatDate(org.createdAt),
    },
  ];
  return <DataTable testId="org-list" columns={columns} rows={orgs} />;
}
