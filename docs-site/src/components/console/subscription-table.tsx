import Translate from '@docusaurus/Translate';
import type { Plan, Subscription } from '@site/src/console/product-types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import { type Column, DataTable } from './data-table';
import { RateLimits } from './rate-limits';
import { SubscriptionStatusBadge } from './subscription-status-badge';
import { usePlanName } from './use-plan-name';

interface Props {
  testId: string;
  subscriptions: Subscription[];
  plans: Plan[] | undefined;
  productName: (code: string) => string;
  /** The admin pages list several apps' subscriptions, so they show which app each is for. */
  showApp?: boolean;
  /** Buttons of a row, e.g. an admin's decision or a developer's change of plan. */
  actions?: (subscription: Subscription) => ReactNode;
}

/** Subscriptions with their plan, status and the limits in force (overrides marked). */
export function SubscriptionTable({
  testId,
  subscriptions,
  plans,
  productName,
  showApp = false,
  actions,
}: Props): ReactNode {
  const formatDate = useFormatDate();
  const planName = usePlanName(plans);
  const columns: Column<Subscription>[] = [
    ...(showApp
      ? [
          {
            id: 'app',
            header: <Translate id="console.subscription.app">应用</Translate>,
            cell: (s: Subscription) => s.appName,
          },
        ]
      : []),
    {
      id: 'product',
      header: <Translate id="console.subscription.product">产品</Translate>,
      cell: (s) => (
        <>
          {productName(s.product)} <code>{s.product}</code>
        </>
      ),
    },
    {
      id: 'plan',
      header: <Translate id="console.subscription.plan">套餐</Translate>,
      cell: (s) => (
        <>
          {planName(s.plan)}
          {s.requestedPlan && (
            <>
              {' '}
              <span className="badge badge--warning" data-testid="requested-plan" data-plan={s.requestedPlan}>
                <Translate
                  id="console.subscription.requestedPlan"
                  values={{ plan: planName(s.requestedPlan) }}
                >
                  {'申请更换为{plan}，待审核'}
                </Translate>
              </span>
            </>
          )}
        </>
      ),
    },
    {
      id: 'status',
      header: <Translate id="console.subscription.status">状态</Translate>,
      cell: (s) => <SubscriptionStatusBadge status={s.status} />,
    },
    {
      id: 'limits',
      header: <Translate id="console.subscription.limits">生效限额</Translate>,
      cell: (s) => (
        <>
          <RateLimits limits={s.limits} />
          {s.overrides && (
            <>
              {' '}
              <span className="badge badge--info">
                <Translate id="console.subscription.overridden">已单独调整</Translate>
              </span>
            </>
          )}
        </>
      ),
    },
    {
      id: 'note',
      header: <Translate id="console.subscription.note">审核意见</Translate>,
      cell: (s) => s.note ?? '—',
    },
    {
      id: 'createdAt',
      header: <Translate id="console.subscription.createdAt">申请时间</Translate>,
      cell: (s) => formatDate(s.createdAt),
    },
    ...(actions
      ? [
          {
            id: 'actions',
            header: <Translate id="console.subscription.actions">操作</Translate>,
            cell: actions,
          },
        ]
      : []),
  ];
  return (
    <DataTable
      testId={testId}
      columns={columns}
      rows={subscriptions}
      rowAttributes={(s) => ({ 'data-product': s.product, 'data-subscription': s.id, 'data-app': s.appId })}
    />
  );
}
