import Translate, { translate } from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { ProductCatalogue, Subscription } from '@site/src/console/product-types';
import type { Environment } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import styles from './console.module.css';
import { Field } from './field';
import { ProblemAlert } from './problem-alert';
import { useLocalName } from './use-local-name';

interface Props {
  api: ConsoleApi;
  appId: string;
  environment: Environment;
  catalogue: ProductCatalogue;
  /** Products the app already has a subscription to, whatever its status: one each at most. */
  subscribed: string[];
  productName: (code: string) => string;
  onSubscribed: (subscription: Subscription) => Promise<void>;
}

/** Subscribes the app to another product, on a plan of the app's environment. */
export function SubscribeForm({
  api,
  appId,
  environment,
  catalogue,
  subscribed,
  productName,
  onSubscribed,
}: Props): ReactNode {
  const products = catalogue.products.filter((p) => !subscribed.includes(p.code));
  const plans = catalogue.plans.filter((p) => p.environment === environment);
  const [product, setProduct] = useState('');
  const [plan, setPlan] = useState('');
  const { busy, problem, run } = useAction();
  const localName = useLocalName();
  // The first choice stands until another is made, also when the lists change underneath.
  const chosenProduct = products.some((p) => p.code === product) ? product : (products[0]?.code ?? '');
  const chosenPlan = plans.some((p) => p.code === plan) ? plan : (plans[0]?.code ?? '');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = await run(() =>
      api.createSubscription(appId, { product: chosenProduct, plan: chosenPlan }),
    );
    if (outcome.ok) await onSubscribed(outcome.value);
  }

  if (products.length === 0) {
    return (
      <p className={styles.hint}>
        <Translate id="console.subscribe.all">应用已订阅（或申请了）全部 API 产品。</Translate>
      </p>
    );
  }
  return (
    <form onSubmit={submit} data-testid="subscribe">
      {problem && <ProblemAlert problem={problem} />}
      <div className={styles.inline}>
        <Field label={<Translate id="console.subscribe.product">产品</Translate>}>
          {(control) => (
            <select
              {...control}
              name="product"
              value={chosenProduct}
              onChange={(e) => setProduct(e.target.value)}
            >
              {products.map((p) => (
                <option key={p.code} value={p.code}>
                  {translate(
                    { id: 'console.subscribe.productOption', message: '{name}（{code}）' },
                    { name: productName(p.code), code: p.code },
                  )}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={<Translate id="console.subscribe.plan">套餐</Translate>}>
          {(control) => (
            <select {...control} name="plan" value={chosenPlan} onChange={(e) => setPlan(e.target.value)}>
              {plans.map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy || !chosenPlan}>
          <Translate id="console.subscribe.submit">订阅</Translate>
        </button>
      </div>
      <p className={styles.hint}>
        <Translate id="console.subscribe.hint">
          只列出与应用环境相同的套餐。个人数据类产品，以及需要审核的套餐，要等平台管理员审核通过后才能调用。
        </Translate>
      </p>
    </form>
  );
}
