import Translate, { translate } from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { Plan, Subscription } from '@site/src/console/product-types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import styles from './console.module.css';
import { Field } from './field';
import { FormActions } from './form-actions';
import { ProblemAlert } from './problem-alert';
import { useLocalName } from './use-local-name';

interface Props {
  api: ConsoleApi;
  subscription: Subscription;
  /** The plans of the app's environment: the only ones the API accepts. */
  plans: Plan[];
  productName: (code: string) => string;
  onDone: (subscription: Subscription) => Promise<void>;
  onClose: () => void;
}

/**
 * Another plan for one subscription: it applies at once unless the plan needs approval, when it is
 * requested and the current one holds. A rejected subscription is requested again instead.
 */
export function ChangePlanForm({ api, subscription, plans, productName, onDone, onClose }: Props): ReactNode {
  const again = subscription.status === 'rejected';
  const [plan, setPlan] = useState(subscription.requestedPlan ?? subscription.plan);
  const { busy, problem, run } = useAction();
  const localName = useLocalName();
  const product = productName(subscription.product);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = await run(() =>
      again
        ? api.createSubscription(subscription.appId, { product: subscription.product, plan })
        : api.changeSubscriptionPlan(subscription.appId, subscription.product, plan),
    );
    if (outcome.ok) await onDone(outcome.value);
  }

  return (
    <form className="card shadow--sm margin-vert--md" data-testid="change-plan-form" onSubmit={submit}>
      <div className="card__header">
        <h3 className="margin-bottom--none">
          {again ? (
            <Translate id="console.changePlan.requestAgainTitle" values={{ product }}>
              {'重新申请订阅：{product}'}
            </Translate>
          ) : (
            <Translate id="console.changePlan.title" values={{ product }}>
              {'更换套餐：{product}'}
            </Translate>
          )}
        </h3>
      </div>
      <div className={`card__body ${styles.form}`}>
        {problem && <ProblemAlert problem={problem} />}
        <Field
          label={<Translate id="console.changePlan.plan">新套餐</Translate>}
          hint={
            again ? (
              <Translate id="console.changePlan.requestAgainHint">
                这个订阅曾被拒绝。重新申请后为“待审核”，由平台管理员再次审核，无论选择哪个套餐。
              </Translate>
            ) : subscription.status === 'pending' ? (
              <Translate id="console.changePlan.pendingHint">
                订阅仍在等待审核：新套餐替换申请中的套餐，仍由平台管理员审核。
              </Translate>
            ) : (
              <Translate id="console.changePlan.hint">
                不需要审核的套餐立即生效，新限额在 1
                秒内对所有实例生效；需要审核的套餐提交申请，审核通过前沿用当前套餐和限额。
              </Translate>
            )
          }
        >
          {(control) => (
            <select {...control} name="plan" value={plan} onChange={(e) => setPlan(e.target.value)}>
              {plans.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.requiresApproval
                    ? translate(
                        { id: 'console.changePlan.needsApproval', message: '{name}（需审核）' },
                        { name: localName(p) },
                      )
                    : localName(p)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <FormActions
          submitLabel={
            again ? (
              <Translate id="console.changePlan.requestAgain">重新申请</Translate>
            ) : (
              <Translate id="console.changePlan.submit">更换套餐</Translate>
            )
          }
          disabled={busy}
          onCancel={onClose}
          cancelLabel={<Translate id="console.changePlan.close">取消</Translate>}
        />
      </div>
    </form>
  );
}
