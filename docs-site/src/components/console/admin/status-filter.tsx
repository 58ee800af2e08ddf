import Translate, { translate } from '@docusaurus/Translate';
import type { ReactNode } from 'react';
import { Field } from '../field';

interface Props<T extends string> {
  statuses: readonly T[];
  label: (status: T) => string;
  /** Undefined: every status. */
  value: T | undefined;
  onChange: (status: T | undefined) => void;
}

/** A list's status filter, with "all" first. */
export function StatusFilter<T extends string>({ statuses, label, value, onChange }: Props<T>): ReactNode {
  return (
    <Field label={<Translate id="console.admin.statusFilter">状态</Translate>}>
      {(control) => (
        <select
          {...control}
          name="status"
          value={value ?? ''}
          onChange={(e) => onChange(statuses.find((status) => status === e.target.value))}
        >
          <option value="">{translate({ id: 'console.admin.allStatuses', message: '全部' })}</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {label(status)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
