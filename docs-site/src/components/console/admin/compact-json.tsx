import type { ReactNode } from 'react';
import styles from './admin.module.css';

/** Up to this many characters show in one line; longer records fold, whole, below their start. */
const SHORT = 80;

/** A record before or after a change: one line of JSON, unfolding to the whole when long. */
export function CompactJson({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined) return '—';
  const line = JSON.stringify(value);
  if (line.length <= SHORT) return <code className={styles.json}>{line}</code>;
  return (
    <details className={styles.json}>
      <summary>
        <code>{line.slice(0, SHORT)}…</code>
      </summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}
