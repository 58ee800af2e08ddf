import Translate from '@docusaurus/Translate';
import { credentialState } from '@site/src/console/credential-state';
import type { ApiKey } from '@site/src/console/types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import styles from './console.module.css';
import { CredentialStatus } from './credential-status';

interface Props {
  keys: ApiKey[];
  /** A call is running: the buttons wait for it. */
  busy: boolean;
  onRotate: (key: ApiKey) => void;
  onRevoke: (key: ApiKey) => void;
}

/** An app's API keys by prefix, with rotate and revoke for the ones that still work. */
export function ApiKeysTable({ keys, busy, onRotate, onRevoke }: Props): ReactNode {
  const formatDate = useFormatDate();
  return (
    <div className={styles.tableWrap}>
      <table data-testid="api-keys">
        <thead>
          <tr>
            <th>
              <Translate id="console.keys.prefix">前缀</Translate>
            </th>
            <th>
              <Translate id="console.keys.name">名称</Translate>
            </th>
            <th>
              <Translate id="console.credential.createdAt">创建时间</Translate>
            </th>
            <th>
              <Translate id="console.credential.expiresAt">失效时间</Translate>
            </th>
            <th>
              <Translate id="console.keys.lastUsedAt">最近使用</Translate>
            </th>
            <th>
              <Translate id="console.credential.revokedAt">撤销时间</Translate>
            </th>
            <th>
              <Translate id="console.credential.status">状态</Translate>
            </th>
            <th>
              <Translate id="console.credential.actions">操作</Translate>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => {
            const state = credentialState(key);
            return (
              <tr key={key.id} data-prefix={key.prefix}>
                <td>
                  <code>{key.prefix}…</code>
                </td>
                <td>{key.name}</td>
                <td>{formatDate(key.createdAt)}</td>
                <td>{formatDate(key.expiresAt)}</td>
                <td>{formatDate(key.lastUsedAt)}</td>
                <td>{formatDate(key.revokedAt)}</td>
                <td>
                  <CredentialStatus state={state} />
                </td>
                <td>
                  {state === 'live' && (
                    <span className={styles.actions}>
                      <button
                        type="button"
                        className="button button--outline button--primary button--sm"
                        data-testid="rotate-key"
                        disabled={busy}
                        onClick={() => onRotate(key)}
                      >
                        <Translate id="console.keys.rotate">轮换</Translate>
                      </button>
                      <button
                        type="button"
                        className="button button--outline button--danger button--sm"
                        data-testid="revoke-key"
                        disabled={busy}
                        onClick={() => onRevoke(key)}
                      >
                        <Translate id="console.credential.revoke">撤销</Translate>
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
