import Translate from '@docusaurus/Translate';
import type { ApiKey } from '@site/src/console/types';
import { useFormatDate } from '@site/src/console/use-format-date';
import type { ReactNode } from 'react';
import { CredentialTable } from './credential-table';
import type { Column } from './data-table';

const IDENTITY: Column<ApiKey>[] = [
  {
    id: 'prefix',
    header: <Translate id="console.keys.prefix">前缀</Translate>,
    cell: (key) => <code>{key.prefix}…</code>,
  },
  { id: 'name', header: <Translate id="console.keys.name">名称</Translate>, cell: (key) => key.name },
];

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
    <CredentialTable
      testId="api-keys"
      credentials={keys}
      identity={IDENTITY}
      usage={[
        {
          id: 'lastUsedAt',
          header: <Translate id="console.keys.lastUsedAt">最近使用</Translate>,
          cell: (key) => formatDate(key.lastUsedAt),
        },
      ]}
      // The tests find a key's row by the prefix it shows.
      rowAttributes={(key) => ({ 'data-prefix': key.prefix })}
      busy={busy}
      actions={(key) => (
        <button
          type="button"
          className="button button--outline button--primary button--sm"
          data-testid="rotate-key"
          disabled={busy}
          onClick={() => onRotate(key)}
        >
          <Translate id="console.keys.rotate">轮换</Translate>
        </button>
      )}
      onRevoke={onRevoke}
      revokeTestId="revoke-key"
    />
  );
}
