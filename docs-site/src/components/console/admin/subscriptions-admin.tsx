import Translate from '@docusaurus/Translate';
import type { SubscriptionStatus } from '@site/src/console/product-types';
import { usePaged } from '@site/src/console/use-paged';
import { useResource } from '@site/src/console/use-resource';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useCallback, useState } from 'react';
import styles from '../console.module.css';
import { useProductName } from '../use-product-name';
import { AllSubscriptions } from './all-subscriptions';
import { PendingSubscriptions } from './pending-subscriptions';

/** The queue (new subscriptions and plan requests) and every subscription; a change to one reads both again. */
export function SubscriptionsAdmin({ session }: { session: Session }): ReactNode {
  const { admin, api } = session;
  const [status, setStatus] = useState<SubscriptionStatus>();
  const pending = usePaged(
    useCallback((cursor?: string) => admin.listSubscriptions({ awaitingDecision: true, cursor }), [admin]),
  );
  const all = usePaged(
    useCallback((cursor?: string) => admin.listSubscriptions({ status, cursor }), [admin, status]),
  );
  const catalogue = useResource(api.listProducts);
  const productName = useProductName(catalogue.data?.products);
  const plans = catalogue.data?.plans;
  const changed = useCallback(async () => {
    await Promise.all([pending.reload(), all.reload()]);
  }, [pending.reload, all.reload]);

  return (
    <>
      <section aria-labelledby="pending">
        <h2 id="pending">
          <Translate id="console.admin.pending.title">待审核的订阅</Translate>
        </h2>
        <p>
          <Translate id="console.admin.pending.lead">
            新的订阅申请，以及开发者申请更换的需审核套餐。批准更换后订阅改用新套餐和限额；拒绝更换时订阅保持原套餐，仍然有效。
          </Translate>
        </p>
        <PendingSubscriptions
          admin={admin}
          pending={pending}
          plans={plans}
          productName={productName}
          onDecided={changed}
        />
      </section>
      <section className={styles.section} aria-labelledby="all-subscriptions">
        <h2 id="all-subscriptions">
          <Translate id="console.admin.subscriptions.all">全部订阅</Translate>
        </h2>
        <AllSubscriptions
          admin={admin}
          subscriptions={all}
          status={status}
          onStatus={setStatus}
          plans={plans}
          productName={productName}
          onChanged={changed}
        />
      </section>
    </>
  );
}
