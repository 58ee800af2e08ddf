import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { ProductCatalogue, Subscription } from '@site/src/console/product-types';
import type { Environment } from '@site/src/console/types';
import { useResource } from '@site/src/console/use-resource';
import { type ReactNode, useCallback, useState } from 'react';
import styles from './console.module.css';
import { Loading } from './loading';
import { ProblemAlert } from './problem-alert';
import { SubscribeForm } from './subscribe-form';
import { SubscriptionTable } from './subscription-table';

interface Props {
  api: ConsoleApi;
  appId: string;
  environment: Environment;
  catalogue: ProductCatalogue;
  productName: (code: string) => string;
}

/** The products the app is subscribed to, and subscribing to another one. */
export function SubscriptionsSection({ api, appId, environment, catalogue, productName }: Props): ReactNode {
  const subscriptions = useResource(useCallback(() => api.listSubscriptions(appId), [api, appId]));
  const [requested, setRequested] = useState<Subscription>();

  async function subscribed(subscription: Subscription) {
    setRequested(subscription);
    await subscriptions.reload();
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
      {requested && (
        <div
          className={`alert ${requested.status === 'pending' ? 'alert--warning' : 'alert--success'} margin-bottom--md`}
          role="status"
        >
          {requested.status === 'pending' ? (
            <Translate
              id="console.subscriptions.pending"
              values={{ product: productName(requested.product) }}
            >
              {'已申请订阅{product}，待平台管理员审核。'}
            </Translate>
          ) : (
            <Translate id="console.subscriptions.active" values={{ product: productName(requested.product) }}>
              {'已订阅{product}，现在即可调用。'}
            </Translate>
          )}
        </div>
      )}
      {subscriptions.data ? (
        <>
          {subscriptions.data.length > 0 ? (
            <SubscriptionTable
              testId="subscriptions"
              subscriptions={subscriptions.data}
              plans={catalogue.plans}
              productName={productName}
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
            onSubscribed={subscribed}
          />
        </>
      ) : (
        !subscriptions.problem && <Loading />
      )}
    </section>
  );
}
