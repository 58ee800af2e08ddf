import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { UsageQuery } from '@site/src/console/usage-types';
import { useUsage } from '@site/src/console/use-usage';
import { type ReactNode, useCallback } from 'react';
import styles from './console.module.css';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';
import { QuotaTable } from './quota-table';
import { UsageBreakdownTable } from './usage-breakdown-table';
import { UsageChart } from './usage-chart';
import { UsageToolbar } from './usage-toolbar';

interface Props {
  api: ConsoleApi;
  appId: string;
  productName: (code: string) => string;
}

/** An app's calls over time, per product and operation, and this month's quotas. */
export function UsageSection({ api, appId, productName }: Props): ReactNode {
  const usage = useUsage(useCallback((query: UsageQuery) => api.appUsage(appId, query), [api, appId]));
  return (
    <section className={styles.section} aria-labelledby="usage">
      <div className={styles.sectionHeader}>
        <h2 id="usage">
          <Translate id="console.usage.title">用量</Translate>
        </h2>
        <UsageToolbar range={usage.range} onRange={usage.choose} onRefresh={usage.refresh} />
      </div>
      <p className={styles.hint}>
        <Translate id="console.usage.lead">
          按北京时间（UTC+8）统计，数据有几秒延迟。计费调用包括成功的调用和 4xx
          请求错误；被限流（429）和平台错误（5xx）不计入配额。
        </Translate>
      </p>
      {usage.problem && <ProblemAlert problem={usage.problem} />}
      {usage.data ? (
        <>
          <UsageChart testId="usage-chart" series={usage.data.series} granularity={usage.data.granularity} />
          <h3>
            <Translate id="console.usage.byProduct">按产品</Translate>
          </h3>
          <UsageBreakdownTable
            testId="usage-by-product"
            rows={usage.data.byProduct}
            productName={productName}
          />
          <h3>
            <Translate id="console.usage.byOperation">按接口</Translate>
          </h3>
          <UsageBreakdownTable
            testId="usage-by-operation"
            rows={usage.data.byOperation}
            productName={productName}
          />
          <h3>
            <Translate id="console.quota.title">本月配额</Translate>
          </h3>
          <QuotaTable quotas={usage.data.quotas} productName={productName} />
        </>
      ) : (
        !usage.problem && <Loading />
      )}
    </section>
  );
}
