import Translate from '@docusaurus/Translate';
import type { Org } from '@site/src/console/types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import styles from './console.module.css';

/** The publisher organisations the account belongs to. */
export function OrgList({ orgs }: { orgs: Org[] }): ReactNode {
  const formatDate = useFormatDate();
  return (
    <div className={styles.tableWrap}>
      <table data-testid="org-list">
        <thead>
          <tr>
            <th>
              <Translate id="console.org.name">组织名称</Translate>
            </th>
            <th>
              <Translate id="console.org.creditCode">统一社会信用代码</Translate>
            </th>
            <th>
              <Translate id="console.org.role">我的角色</Translate>
            </th>
            <th>
              <Translate id="console.org.createdAt">创建时间</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {orgs.map((org) => (
            <tr key={org.id}>
              <td>{org.name}</td>
              <td>{org.creditCode ? <code>{org.creditCode}</code> : '—'}</td>
              <td>
                {org.role === 'owner' ? (
                  <Translate id="console.org.owner">所有者</Translate>
                ) : (
                  <Translate id="console.org.member">成员</Translate>
                )}
              </td>
              <td>{formatDate(org.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
