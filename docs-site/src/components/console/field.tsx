import { type ReactNode, useId } from 'react';
import styles from './console.module.css';

/** What every control in a field carries, spread onto it: `<input {...control} name="…" />`. */
interface ControlProps {
  /** The id the label points at. */
  id: string;
  /** The hint, when there is one, read out with the control. */
  'aria-describedby': string | undefined;
  className: string;
}

interface Props {
  label: ReactNode;
  hint?: ReactNode;
  children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with an optional hint tied to it for screen readers. */
export function Field({ label, hint, children }: Props): ReactNode {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': hintId, className: styles.input })}
      {hint && (
        <p id={hintId} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}
