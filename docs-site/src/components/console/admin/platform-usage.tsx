import Translate from '@docusaurus/Translate';
import type { UsageQuery } from '@site/src/console/usage-types';
import { useResource } from '@site/src/console/use-resource';
import type { Session } from '@site/src/console/use-session';
import { useUsage } from '@site/src/console/use-usage';
import { type ReactNode, useCallback } from 'react';
import styles from '../console.module.css';
import { Loading } from '../loading';
import { UsageBreakdownTable } from '../usage-breakdown-table';
import { UsageChart } from '../usage-chart';
import { UsageToolbar } from '../usage-toolbar';
import { useProductName } from '../use-product-name';
import { AdminProblemAlert } from './admin-problem-alert';
import { TopAppsTable } from './top-apps-table';
import { UsageTotals } from './usage-totals';

/** Every app's calls: totals, over time, per product, and the apps with the most calls. */
export function PlatformUsage({ session }: { session: Session }): ReactNode {
  const { admin, api } = session;
  const usage = useUsage(useCallback((query: UsageQuery) => admin.usage(query), [admin]));
  const catalogue = useResource(api.listProducts);
  const productName = useProductName(catalogue.data?.products);
  return (
    <>
      <div className={styles.sectionHeader}>
        <h2>
          <Translate id="console.admin.usage.title">平台用量</Translate>
        </h2>
        <UsageToolbar range={usage.range} onRange={usage.choose} onRefresh={usage.refresh} />
      </div>
      {usage.problem && <AdminProblemAlert problem={usage.problem} />}
      {usage.data ? (
        <>
          <UsageTotals totals={usage.data.totals} />
          <UsageChart
            testId="platform-usage-chart"
            series={usage.data.series}
            granularity={usage.data.granularity}
          />
          <section className={styles.section}>
            <h2>
              <Translate id="console.usage.byProduct">按产品</Translate>
            </h2>
            <UsageBreakdownTable
              testId="usage-by-product"
              rows={usage.data.byProduct}
              productName={productName}
            />
          </section>
          <section className={styles.section}>
            <h2>
              <Translate id="console.admin.usage.topApps">调用最多的应用</Translate>
            </h2>
            <TopAppsTable apps={usage.data.topApps} />
          </section>
        </>
      ) : (
        !usage.problem && <Loading />
      )}
    </>
  );
}
