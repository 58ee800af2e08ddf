import { translate } from '@docusaurus/Translate';
import type { SubscriptionStatus } from '@site/src/console/product-types';
import type { ReactNode } from 'react';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const STATUSES: Record<SubscriptionStatus, [colour: string, label: () => string]> = {
  pending: ['badge--warning', () => translate({ id: 'console.subscription.pending', message: '待审核' })],
  active: ['badge--success', () => translate({ id: 'console.subscription.active', message: '已生效' })],
  rejected: ['badge--danger', () => translate({ id: 'console.subscription.rejected', message: '已拒绝' })],
  suspended: [
    'badge--secondary',
    () => translate({ id: 'console.subscription.suspended', message: '已暂停' }),
  ],
};

export const subscriptionStatusLabel = (status: SubscriptionStatus): string =>
  STATUSES[status]?.[1]() ?? status;

/** Whether an app may call a product: only an active subscription lets the calls through. */
export function SubscriptionStatusBadge({ status }: { status: SubscriptionStatus }): ReactNode {
  return (
    <span className={`badge ${STATUSES[status]?.[0] ?? 'badge--secondary'}`} data-status={status}>
      {subscriptionStatusLabel(status)}
    </span>
  );
}
