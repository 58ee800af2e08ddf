import { type ReactNode, useId } from 'react';
import styles from './console.module.css';

interface Props {
  label: ReactNode;
  hint?: ReactNode;
  /** Renders the control with the id the label points at and the id of the hint that describes it. */
  children: (id: string, hintId: string | undefined) => ReactNode;
}

/** A labelled form control with an optional hint tied to it for screen readers. */
export function Field({ label, hint, children }: Props): ReactNode {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}
