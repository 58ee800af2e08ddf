import { translate } from '@docusaurus/Translate';
import { AdminPage } from '@site/src/components/console/admin/admin-page';
import { PlatformUsage } from '@site/src/components/console/admin/platform-usage';
import type { ReactNode } from 'react';

export default function AdminOverviewPage(): ReactNode {
  return (
    <AdminPage
      overview
      title={translate({ id: 'console.admin.title', message: '平台管理' })}
      description={translate({
        id: 'console.admin.description',
        message: '平台管理员查看全平台用量、审核订阅和应用、维护 API 产品与套餐、查阅审计日志。',
      })}
    >
      {(session) => <PlatformUsage session={session} />}
    </AdminPage>
  );
}
