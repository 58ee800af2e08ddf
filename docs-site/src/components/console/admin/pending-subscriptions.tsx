import Translate, { translate } from '@docusaurus/Translate';
import type { AdminApi } from '@site/src/console/admin-api';
import type { Plan, Subscription } from '@site/src/console/product-types';
import { useAction } from '@site/src/console/use-action';
import type { Paged } from '@site/src/console/use-paged';
import { type ReactNode, useState } from 'react';
import styles from '../console.module.css';
import { Loading } from '../loading';
import { ProblemAlert } from '../problem-alert';
import { SubscriptionTable } from '../subscription-table';
import { TextField } from '../text-field';
import { AdminProblemAlert } from './admin-problem-alert';
import { LoadMoreButton } from './load-more-button';

interface Props {
  admin: AdminApi;
  /** The subscriptions awaiting a decision: pending ones and those with a requested plan. */
  pending: Paged<Subscription>;
  plans: Plan[] | undefined;
  productName: (code: string) => string;
  onDecided: () => Promise<void>;
}

/**
 * The queue of subscriptions awaiting a decision, approved or rejected with an optional note. On a
 * requested plan the same decision approves or refuses the move; the subscription stays active.
 */
export function PendingSubscriptions({ admin, pending, plans, productName, onDecided }: Props): ReactNode {
  const [note, setNote] = useState('');
  const { busy, problem, run } = useAction();

  async function decide(subscription: Subscription, status: 'active' | 'rejected') {
    const trimmed = note.trim();
    const outcome = await run(() =>
      admin.updateSubscription(subscription.id, { status, ...(trimmed ? { note: trimmed } : {}) }),
    );
    if (outcome.ok) {
      setNote('');
      await onDecided();
    }
  }

  if (pending.problem) return <AdminProblemAlert problem={pending.problem} />;
  if (!pending.items) return <Loading />;
  return (
    <div data-testid="pending-subscriptions">
      {problem && <ProblemAlert problem={problem} />}
      {pending.items.length === 0 ? (
        <p>
          <Translate id="console.admin.pending.none">没有待审核的订阅。</Translate>
        </p>
      ) : (
        <>
          <div className={styles.inline}>
            <TextField
              label={
                <Translate id="console.admin.pending.note">
                  审核意见（可选，开发者可见，并写入审计日志）
                </Translate>
              }
              name="note"
              maxLength={500}
              placeholder={translate({
                id: 'console.admin.pending.notePlaceholder',
                message: '例如：已核验应用用途',
              })}
              value={note}
              onChange={setNote}
            />
          </div>
          <SubscriptionTable
            testId="pending-subscription-table"
            subscriptions={pending.items}
            plans={plans}
            productName={productName}
            showApp
            actions={(subscription) => (
              <span className={styles.actions}>
                <button
                  type="button"
                  className="button button--sm button--success"
                  data-testid="approve-subscription"
                  disabled={busy}
                  onClick={() => decide(subscription, 'active')}
                >
                  {subscription.requestedPlan ? (
                    <Translate id="console.admin.pending.approvePlan">批准更换</Translate>
                  ) : (
                    <Translate id="console.admin.pending.approve">批准</Translate>
                  )}
                </button>
                <button
                  type="button"
                  className="button button--sm button--outline button--danger"
                  data-testid="reject-subscription"
                  disabled={busy}
                  onClick={() => decide(subscription, 'rejected')}
                >
                  {subscription.requestedPlan ? (
                    <Translate id="console.admin.pending.rejectPlan">拒绝更换</Translate>
                  ) : (
                    <Translate id="console.admin.pending.reject">拒绝</Translate>
                  )}
                </button>
              </span>
            )}
          />
        </>
      )}
      <LoadMoreButton hasMore={pending.hasMore} busy={pending.loadingMore} onClick={pending.more} />
    </div>
  );
}
