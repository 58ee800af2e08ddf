import Translate from '@docusaurus/Translate';
import type { ReactNode } from 'react';
import styles from '../console.module.css';

interface Props {
  busy: boolean;
  onEdit: () => void;
  onDelete: () => void;
}

/** Edit and delete of a product or plan row. */
export function CatalogueRowActions({ busy, onEdit, onDelete }: Props): ReactNode {
  return (
    <span className={styles.actions}>
      <button
        type="button"
        className="button button--sm button--outline button--primary"
        data-testid="edit"
        onClick={onEdit}
      >
        <Translate id="console.admin.edit">编辑</Translate>
      </button>
      <button
        type="button"
        className="button button--sm button--outline button--danger"
        data-testid="delete"
        disabled={busy}
        onClick={onDelete}
      >
        <Translate id="console.admin.delete">删除</Translate>
      </button>
    </span>
  );
}
