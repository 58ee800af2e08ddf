import Translate from '@docusaurus/Translate';
import type { Subscription } from '@site/src/console/product-types';
import type { ReactNode } from 'react';

/** What the developer just did to a subscription, as the answer tells it. */
export interface SubscriptionOutcome {
  kind: 'subscribed' | 'planChanged' | 'requestCancelled';
  subscription: Subscription;
}

interface Props {
  outcome: SubscriptionOutcome;
  productName: (code: string) => string;
  planName: (code: string) => string;
}

/** The outcome of subscribing or changing a plan: in force now, or waiting for an admin. */
export function SubscriptionNotice({ outcome, productName, planName }: Props): ReactNode {
  const { kind, subscription } = outcome;
  const product = productName(subscription.product);
  const waiting = subscription.status === 'pending' || subscription.requestedPlan !== null;
  let message: ReactNode;
  if (kind === 'requestCancelled') {
    message = (
      <Translate id="console.subscriptions.requestCancelled" values={{ product }}>
        {'已取消{product}更换套餐的申请，继续使用当前套餐。'}
      </Translate>
    );
  } else if (kind === 'subscribed') {
    message =
      subscription.status === 'pending' ? (
        <Translate id="console.subscriptions.pending" values={{ product }}>
          {'已申请订阅{product}，待平台管理员审核。'}
        </Translate>
      ) : (
        <Translate id="console.subscriptions.active" values={{ product }}>
          {'已订阅{product}，现在即可调用。'}
        </Translate>
      );
  } else if (subscription.requestedPlan) {
    message = (
      <Translate
        id="console.subscriptions.planRequested"
        values={{ product, plan: planName(subscription.requestedPlan) }}
      >
        {'已申请把{product}更换为{plan}，待平台管理员审核；审核通过前沿用当前套餐。'}
      </Translate>
    );
  } else if (subscription.status === 'pending') {
    message = (
      <Translate
        id="console.subscriptions.pendingPlanChanged"
        values={{ product, plan: planName(subscription.plan) }}
      >
        {'{product}的订阅申请已改为{plan}，仍待平台管理员审核。'}
      </Translate>
    );
  } else {
    message = (
      <Translate
        id="console.subscriptions.planChanged"
        values={{ product, plan: planName(subscription.plan) }}
      >
        {'{product}已更换为{plan}，新限额已生效。'}
      </Translate>
    );
  }
  return (
    <div
      className={`alert ${waiting ? 'alert--warning' : 'alert--success'} margin-bottom--md`}
      role="status"
      data-testid="subscription-notice"
    >
      {message}
    </div>
  );
}
