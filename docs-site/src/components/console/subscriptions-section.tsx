import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { ProductCatalogue, Subscription } from '@site/src/console/product-types';
import type { Environment } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { useResource } from '@site/src/console/use-resource';
import { type ReactNode, useCallback, useState } from 'react';
import { ChangePlanForm } from './change-plan-form';
import styles from './console.module.css';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';
import { SubscribeForm } from './subscribe-form';
import { SubscriptionNotice, type SubscriptionOutcome } from './subscription-notice';
import { SubscriptionRowActions } from './subscription-row-actions';
import { SubscriptionTable } from './subscription-table';
import { usePlanName } from './use-plan-name';

interface Props {
  api: ConsoleApi;
  appId: string;
  environment: Environment;
  catalogue: ProductCatalogue;
  productName: (code: string) => string;
}

/** The products the app is subscribed to, changing their plans, and subscribing to another one. */
export function SubscriptionsSection({ api, appId, environment, catalogue, productName }: Props): ReactNode {
  const subscriptions = useResource(useCallback(() => api.listSubscriptions(appId), [api, appId]));
  const [outcome, setOutcome] = useState<SubscriptionOutcome>();
  const [editing, setEditing] = useState<Subscription>();
  const cancel = useAction();
  const planName = usePlanName(catalogue.plans);
  const plans = catalogue.plans.filter((p) => p.environment === environment);

  async function done(kind: SubscriptionOutcome['kind'], subscription: Subscription) {
    setOutcome({ kind, subscription });
    setEditing(undefined);
    await subscriptions.reload();
  }

  async function cancelRequest(subscription: Subscription) {
    // Asking for the plan in force again is how a request is withdrawn.
    const result = await cancel.run(() =>
      api.changeSubscriptionPlan(appId, subscription.product, subscription.plan),
    );
    if (result.ok) await done('requestCancelled', result.value);
  }

  return (
    <section className={styles.section} aria-labelledby="subscriptions">
      <h2 id="subscriptions">
        <Translate id="console.subscriptions.title">订阅</Translate>
      </h2>
      <p>
        <Translate id="console.subscriptions.lead">
          应用只能调用已订阅且已生效的 API 产品，调用受订阅套餐的限流和月配额约束。
        </Translate>
      </p>
      {subscriptions.problem && <ProblemAlert problem={subscriptions.problem} />}
      {cancel.problem && <ProblemAlert problem={cancel.problem} />}
      {outcome && <SubscriptionNotice outcome={outcome} productName={productName} planName={planName} />}
      {editing && (
        <ChangePlanForm
          key={editing.id}
          api={api}
          subscription={editing}
          plans={plans}
          productName={productName}
          onDone={(changed) => done(editing.status === 'rejected' ? 'subscribed' : 'planChanged', changed)}
          onClose={() => setEditing(undefined)}
        />
      )}
      {subscriptions.data ? (
        <>
          {subscriptions.data.length > 0 ? (
            <SubscriptionTable
              testId="subscriptions"
              subscriptions={subscriptions.data}
              plans={catalogue.plans}
              productName={productName}
              actions={(subscription) => (
                <SubscriptionRowActions
                  subscription={subscription}
                  busy={cancel.busy}
                  onEdit={() => setEditing(subscription)}
                  onCancelRequest={() => cancelRequest(subscription)}
                />
              )}
            />
          ) : (
            <p>
              <Translate id="console.subscriptions.none">还没有订阅。</Translate>
            </p>
          )}
          <h3>
            <Translate id="console.subscribe.title">订阅其他产品</Translate>
          </h3>
          <SubscribeForm
            api={api}
            appId={appId}
            environment={environment}
            catalogue={catalogue}
            subscribed={subscriptions.data.map((s) => s.product)}
            productName={productName}
            onSubscribed={(subscription) => done('subscribed', subscription)}
          />
        </>
      ) : (
        !subscriptions.problem && <Loading />
      )}
    </section>
  );
}
