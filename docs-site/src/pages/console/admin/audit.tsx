import Translate, { translate } from '@docusaurus/Translate';
import { AdminPage } from '@site/src/components/console/admin/admin-page';
import { AuditLog } from '@site/src/components/console/admin/audit-log';
import type { ReactNode } from 'react';

export default function AdminAuditPage(): ReactNode {
  return (
    <AdminPage
      title={translate({ id: 'console.admin.audit.title', message: '审计日志' })}
      description={translate({
        id: 'console.admin.audit.description',
        message: '平台管理员的每一次变更，含变更前后的记录；日志只能追加，不能修改或删除。',
      })}
    >
      {(session) => (
        <>
          <p>
            <Translate id="console.admin.audit.lead">
              管理员在控制台或命令行中做的每一次变更，按时间倒序排列。日志只能追加，不能修改或删除。
            </Translate>
          </p>
          <AuditLog session={session} />
        </>
      )}
    </AdminPage>
  );
}
