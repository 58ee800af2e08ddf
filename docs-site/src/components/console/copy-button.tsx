import Translate from '@docusaurus/Translate';
import { type ReactNode, useState } from 'react';
import styles from './console.module.css';

/** Copies a shown-once value; says whether it worked, since a denied clipboard fails silently otherwise. */
export function CopyButton({ text, testId }: { text: string; testId?: string }): ReactNode {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <span className={styles.actions}>
      <button type="button" className="button button--primary button--sm" data-testid={testId} onClick={copy}>
        <Translate id="console.copy.button">复制</Translate>
      </button>
      <span className={styles.hint} role="status">
        {state === 'copied' && <Translate id="console.copy.done">已复制到剪贴板</Translate>}
        {state === 'failed' && <Translate id="console.copy.failed">无法访问剪贴板，请手动选中复制</Translate>}
      </span>
    </span>
  );
}
