import type { Problem } from '@site/src/console/problem';
import type { ReactNode } from 'react';
import styles from '../console.module.css';
import { type Column, DataTable } from '../data-table';
import { CatalogueProblemAlert } from './catalogue-problem-alert';

interface Props<T extends { code: string }> {
  testId: string;
  rows: T[];
  columns: Column<T & { id: string }>[];
  problem: Problem | undefined;
  /** What a 409 means for this list: the item is still in use. */
  conflict: ReactNode;
  /** The item being edited, its card's title and form. */
  editing: { title: ReactNode; form: ReactNode } | undefined;
  newLabel: ReactNode;
  newForm: ReactNode;
}

/** A catalogue list (products or plans): the table, the edit card and the form for a new one. */
export function CatalogueLayout<T extends { code: string }>(props: Props<T>): ReactNode {
  const { testId, rows, columns, problem, conflict, editing, newLabel, newForm } = props;
  return (
    <>
      {problem && <CatalogueProblemAlert problem={problem} conflict={conflict} />}
      <DataTable
        testId={testId}
        columns={columns}
        rows={rows.map((r) => ({ ...r, id: r.code }))}
        rowAttributes={(r) => ({ 'data-code': r.code })}
      />
      {editing && (
        <div className="card shadow--sm margin-vert--md">
          <div className="card__header">
            <h3 className="margin-bottom--none">{editing.title}</h3>
          </div>
          <div className="card__body">{editing.form}</div>
        </div>
      )}
      <details className={styles.section}>
        <summary>{newLabel}</summary>
        <div className="margin-top--md">{newForm}</div>
      </details>
    </>
  );
}
