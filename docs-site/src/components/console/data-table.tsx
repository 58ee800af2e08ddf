import type { ReactNode } from 'react';
import styles from './console.module.css';

export interface Column<T> {
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
}

interface Props<T extends { id: string }> {
  testId?: string;
  columns: Column<T>[];
  rows: T[];
  /** Extra attributes of a row, e.g. what tests find it by. */
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
}

/** A table of the console's records, one column each, that scrolls sideways on narrow screens. */
export function DataTable<T extends { id: string }>({
  testId,
  columns,
  rows,
  rowAttributes,
}: Props<T>): ReactNode {
  return (
    <div className={styles.tableWrap}>
      <table data-testid={testId}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id}>{column.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} {...rowAttributes?.(row)}>
              {columns.map((column) => (
                <td key={column.id}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
