import Translate from '@docusaurus/Translate';
import type { ReactNode } from 'react';
import styles from './console.module.css';
import { CopyButton } from './copy-button';

interface Props {
  label: ReactNode;
  value: string;
  testId: string;
  copyTestId: string;
}

/** A secret or key the server keeps only as a hash: this is the one chance to copy it. */
export function OneTimeSecret({ label, value, testId, copyTestId }: Props): ReactNode {
  return (
    <div className="card shadow--md margin-vert--md">
      <div className="card__header">
        <strong>{label}</strong>
      </div>
      <div className="card__body">
        <code className={styles.secret} data-testid={testId}>
          {value}
        </code>
        <div className="margin-vert--sm">
          <CopyButton text={value} testId={copyTestId} />
        </div>
        <div className="alert alert--warning" role="note">
          <Translate id="console.secret.once">
            只显示这一次：平台只保存它的摘要，离开或刷新页面后无法再次查看。请立即复制并妥善保存；遗失后只能轮换生成新的。
          </Translate>
        </div>
      </div>
    </div>
  );
}
