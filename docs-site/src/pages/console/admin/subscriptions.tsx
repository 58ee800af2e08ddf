import { translate } from '@docusaurus/Translate';
import { AdminPage } from '@site/src/components/console/admin/admin-page';
import { SubscriptionsAdmin } from '@site/src/components/console/admin/subscriptions-admin';
import type { ReactNode } from 'react';

export default function AdminSubscriptionsPage(): ReactNode {
  return (
    <AdminPage
      title={translate({ id: 'console.admin.subscriptions.title', message: '订阅审核' })}
      description={translate({
        id: 'console.admin.subscriptions.description',
        message: '审核应用的 API 产品订阅，调整订阅的套餐和限额。',
      })}
    >
      {(session) => <SubscriptionsAdmin session={session} />}
    </AdminPage>
  );
}
