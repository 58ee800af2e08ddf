import Translate from '@docusaurus/Translate';
import type { ReactNode } from 'react';
import styles from './console.module.css';

interface Props {
  /** The submit button's label. */
  submitLabel: ReactNode;
  /** Turns the submit button off: while the form's call runs, or until the form can be sent. */
  disabled: boolean;
  /** Closes the form; with it, a cancel button shows. */
  onCancel?: () => void;
  /** The admin forms' word unless given. */
  cancelLabel?: ReactNode;
  /** Further buttons or a status, shown between submit and cancel. */
  children?: ReactNode;
}

/** A console form's row of buttons: submit first, cancel last; cancelling stays possible while busy. */
export function FormActions({
  submitLabel,
  disabled,
  onCancel,
  cancelLabel = <Translate id="console.admin.cancel">取消</Translate>,
  children,
}: Props): ReactNode {
  return (
    <div className={styles.actions}>
      <button type="submit" className="button button--primary" disabled={disabled}>
        {submitLabel}
      </button>
      {children}
      {onCancel && (
        <button type="button" className="button button--outline button--secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      )}
    </div>
  );
}
