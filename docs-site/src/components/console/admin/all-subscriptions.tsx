import Translate from '@docusaurus/Translate';
import type { AdminApi } from '@site/src/console/admin-api';
import type { Plan, Subscription, SubscriptionStatus } from '@site/src/console/product-types';
import type { Paged } from '@site/src/console/use-paged';
import { type ReactNode, useState } from 'react';
import styles from '../console.module.css';
import { Loading } from '../loading';
import { subscriptionStatusLabel } from '../subscription-status-badge';
import { SubscriptionTable } from '../subscription-table';
import { AdminProblemAlert } from './admin-problem-alert';
import { LoadMoreButton } from './load-more-button';
import { OverridesForm } from './overrides-form';
import { StatusFilter } from './status-filter';

const STATUSES: SubscriptionStatus[] = ['pending', 'active', 'rejected', 'suspended'];

interface Props {
  admin: AdminApi;
  subscriptions: Paged<Subscription>;
  status: SubscriptionStatus | undefined;
  onStatus: (status: SubscriptionStatus | undefined) => void;
  plans: Plan[] | undefined;
  productName: (code: string) => string;
  onChanged: () => Promise<void>;
}

/** Every subscription, filtered by status, each with its plan and limits open to adjustment. */
export function AllSubscriptions({
  admin,
  subscriptions,
  status,
  onStatus,
  plans,
  productName,
  onChanged,
}: Props): ReactNode {
  const [editing, setEditing] = useState<Subscription>();
  return (
    <div data-testid="all-subscriptions">
      <div className={styles.inline}>
        <StatusFilter
          statuses={STATUSES}
          label={subscriptionStatusLabel}
          value={status}
          onChange={onStatus}
        />
      </div>
      {editing && (
        <OverridesForm
          key={editing.id}
          admin={admin}
          subscription={editing}
          plans={plans}
          onSaved={onChanged}
          onClose={() => setEditing(undefined)}
        />
      )}
      {subscriptions.problem && <AdminProblemAlert problem={subscriptions.problem} />}
      {subscriptions.items ? (
        subscriptions.items.length === 0 ? (
          <p>
            <Translate id="console.admin.subscriptions.none">没有符合条件的订阅。</Translate>
          </p>
        ) : (
          <SubscriptionTable
            testId="subscription-table"
            subscriptions={subscriptions.items}
            plans={plans}
            productName={productName}
            showApp
            actions={(subscription) => (
              <button
                type="button"
                className="button button--sm button--outline button--primary"
                data-testid="edit-overrides"
                onClick={() => setEditing(subscription)}
              >
                <Translate id="console.admin.subscriptions.editOverrides">调整限额</Translate>
              </button>
            )}
          />
        )
      ) : (
        !subscriptions.problem && <Loading />
      )}
      <LoadMoreButton
        hasMore={subscriptions.hasMore}
        busy={subscriptions.loadingMore}
        onClick={subscriptions.more}
      />
    </div>
  );
}
