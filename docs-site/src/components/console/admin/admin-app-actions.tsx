import Translate from '@docusaurus/Translate';
import type { AdminApp } from '@site/src/console/admin-types';
import type { ReactNode } from 'react';
import styles from '../console.module.css';

interface Props {
  app: AdminApp;
  busy: boolean;
  onStatus: (app: AdminApp, status: 'active' | 'suspended') => void;
  onRevoke: (app: AdminApp) => void;
}

/** Approve a production app, suspend an active one, lift a suspension; revoke credentials of any. */
export function AdminAppActions({ app, busy, onStatus, onRevoke }: Props): ReactNode {
  return (
    <span className={styles.actions}>
      {app.status === 'pending_approval' && (
        <button
          type="button"
          className="button button--sm button--success"
          data-testid="approve-app"
          disabled={busy}
          onClick={() => onStatus(app, 'active')}
        >
          <Translate id="console.admin.apps.approve">批准上线</Translate>
        </button>
      )}
      {app.status === 'active' && (
        <button
          type="button"
          className="button button--sm button--outline button--danger"
          data-testid="suspend-app"
          disabled={busy}
          onClick={() => onStatus(app, 'suspended')}
        >
          <Translate id="console.admin.apps.suspend">停用</Translate>
        </button>
      )}
      {app.status === 'suspended' && (
        <button
          type="button"
          className="button button--sm button--outline button--success"
          data-testid="unsuspend-app"
          disabled={busy}
          onClick={() => onStatus(app, 'active')}
        >
          <Translate id="console.admin.apps.unsuspend">恢复</Translate>
        </button>
      )}
      <button
        type="button"
        className="button button--sm button--outline button--danger"
        data-testid="revoke-credentials"
        disabled={busy}
        onClick={() => onRevoke(app)}
      >
        <Translate id="console.admin.apps.revoke">吊销全部凭证</Translate>
      </button>
    </span>
  );
}
