import { translate } from '@docusaurus/Translate';
import { AdminPage } from '@site/src/components/console/admin/admin-page';
import { AppsAdmin } from '@site/src/components/console/admin/apps-admin';
import type { ReactNode } from 'react';

export default function AdminAppsPage(): ReactNode {
  return (
    <AdminPage
      title={translate({ id: 'console.admin.apps.title', message: '应用管理' })}
      description={translate({
        id: 'console.admin.apps.description',
        message: '审核生产应用上线，停用或恢复应用，吊销应用的全部凭证。',
      })}
    >
      {(session) => <AppsAdmin session={session} />}
    </AdminPage>
  );
}
