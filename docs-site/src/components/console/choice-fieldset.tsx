import type { ReactNode } from 'react';
import styles from './console.module.css';

interface Props<T extends string> {
  legend: ReactNode;
  hint?: ReactNode;
  type: 'radio' | 'checkbox';
  name: string;
  options: readonly T[];
  label: (option: T) => ReactNode;
  isChecked: (option: T) => boolean;
  /** A radio button only reports being chosen; a checkbox, being ticked or cleared. */
  onChange: (option: T, checked: boolean) => void;
}

/** Radio buttons or checkboxes under one legend, with an optional hint below them. */
export function ChoiceFieldset<T extends string>({
  legend,
  hint,
  type,
  name,
  options,
  label,
  isChecked,
  onChange,
}: Props<T>): ReactNode {
  return (
    <fieldset className={styles.field}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className={styles.choice}>
          <input
            type={type}
            name={name}
            value={option}
            checked={isChecked(option)}
            onChange={(e) => onChange(option, e.target.checked)}
          />
          {label(option)}
        </label>
      ))}
      {hint && <p className={styles.hint}>{hint}</p>}
    </fieldset>
  );
}
