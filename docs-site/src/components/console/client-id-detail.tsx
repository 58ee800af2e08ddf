import type { ReactNode } from 'react';
import styles from './console.module.css';
import { CopyButton } from './copy-button';
import { Detail } from './detail';

/** An app's client_id, ready to copy: after registration and on the app's page. */
export function ClientIdDetail({ clientId }: { clientId: string }): ReactNode {
  return (
    <Detail term="client_id" className={styles.actions}>
      <code data-testid="client-id">{clientId}</code>
      <CopyButton text={clientId} testId="copy-client-id" />
    </Detail>
  );
}
