import Translate, { translate } from '@docusaurus/Translate';
import { AdminPage } from '@site/src/components/console/admin/admin-page';
import { PlansAdmin } from '@site/src/components/console/admin/plans-admin';
import { ProductsAdmin } from '@site/src/components/console/admin/products-admin';
import styles from '@site/src/components/console/console.module.css';
import type { ReactNode } from 'react';

export default function AdminCataloguePage(): ReactNode {
  return (
    <AdminPage
      title={translate({ id: 'console.admin.catalogue.title', message: '产品与套餐' })}
      description={translate({
        id: 'console.admin.catalogue.description',
        message: '维护平台的 API 产品及其接口，以及订阅可选的套餐和限额。',
      })}
    >
      {(session) => (
        <>
          <section aria-labelledby="products">
            <h2 id="products">
              <Translate id="console.admin.catalogue.products">API 产品</Translate>
            </h2>
            <ProductsAdmin session={session} />
          </section>
          <section className={styles.section} aria-labelledby="plans">
            <h2 id="plans">
              <Translate id="console.admin.catalogue.plans">套餐</Translate>
            </h2>
            <PlansAdmin session={session} />
          </section>
        </>
      )}
    </AdminPage>
  );
}
