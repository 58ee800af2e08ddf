import Translate from '@docusaurus/Translate';
import type { Subscription } from '@site/src/console/product-types';
import type { ReactNode } from 'react';
import styles from './console.module.css';

interface Props {
  subscription: Subscription;
  busy: boolean;
  /** Opens the form: another plan, or for a rejected subscription, a new request. */
  onEdit: () => void;
  onCancelRequest: () => void;
}

/** What a developer may do with one subscription; a suspended one only an admin can lift. */
export function SubscriptionRowActions({ subscription, busy, onEdit, onCancelRequest }: Props): ReactNode {
  if (subscription.status === 'suspended') {
    return (
      <span className={styles.hint}>
        <Translate id="console.subscription.suspendedHint">已暂停，请联系平台管理员</Translate>
      </span>
    );
  }
  const again = subscription.status === 'rejected';
  return (
    <span className={styles.actions}>
      <button
        type="button"
        className="button button--sm button--outline button--primary"
        data-testid={again ? 'request-again' : 'change-plan'}
        onClick={onEdit}
      >
        {again ? (
          <Translate id="console.subscription.requestAgain">重新申请</Translate>
        ) : (
          <Translate id="console.subscription.changePlan">更换套餐</Translate>
        )}
      </button>
      {subscription.requestedPlan && (
        <button
          type="button"
          className="button button--sm button--outline button--danger"
          data-testid="cancel-plan-request"
          disabled={busy}
          onClick={onCancelRequest}
        >
          <Translate id="console.subscription.cancelRequest">取消更换申请</Translate>
        </button>
      )}
    </span>
  );
}
