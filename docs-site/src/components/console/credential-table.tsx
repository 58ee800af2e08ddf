import Translate from '@docusaurus/Translate';
import { credentialState } from '@site/src/console/credential-state';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import styles from './console.module.css';
import { type Column, DataTable } from './data-table';
import { StatusBadge } from './status-badge';

interface Credential {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

interface Props<T extends Credential> {
  testId: string;
  credentials: T[];
  /** What tells one credential from another, e.g. an API key's prefix: the first columns. */
  identity: Column<T>[];
  /** Columns between expiry and revocation, e.g. when an API key was last used. */
  usage?: Column<T>[];
  rowAttributes?: (credential: T) => Record<`data-${string}`, string>;
  /** A call is running: the buttons wait for it. */
  busy: boolean;
  /** Buttons shown before revoke on a credential that still works. */
  actions?: (credential: T) => ReactNode;
  onRevoke: (credential: T) => void;
  revokeTestId?: string;
}

/** Client secrets or API keys: their dates and status, and revoke for the ones that still work. */
export function CredentialTable<T extends Credential>({
  testId,
  credentials,
  identity,
  usage = [],
  rowAttributes,
  busy,
  actions,
  onRevoke,
  revokeTestId,
}: Props<T>): ReactNode {
  const formatDate = useFormatDate();
  const date = (id: string, header: ReactNode, at: (credential: T) => string | null) => ({
    id,
    header,
    cell: (credential: T) => formatDate(at(credential)),
  });
  const columns: Column<T>[] = [
    ...identity,
    date('createdAt', <Translate id="console.credential.createdAt">创建时间</Translate>, (c) => c.createdAt),
    date('expiresAt', <Translate id="console.credential.expiresAt">失效时间</Translate>, (c) => c.expiresAt),
    ...usage,
    date('revokedAt', <Translate id="console.credential.revokedAt">撤销时间</Translate>, (c) => c.revokedAt),
    {
      id: 'status',
      header: <Translate id="console.credential.status">状态</Translate>,
      cell: (credential) => <StatusBadge of="credential" state={credentialState(credential)} />,
    },
    {
      id: 'actions',
      header: <Translate id="console.credential.actions">操作</Translate>,
      cell: (credential) =>
        credentialState(credential) === 'live' && (
          <span className={styles.actions}>
            {actions?.(credential)}
            <button
              type="button"
              className="button button--outline button--danger button--sm"
              data-testid={revokeTestId}
              disabled={busy}
              onClick={() => onRevoke(credential)}
            >
              <Translate id="console.credential.revoke">撤销</Translate>
            </button>
          </span>
        ),
    },
  ];
  return <DataTable testId={testId} columns={columns} rows={credentials} rowAttributes={rowAttributes} />;
}
