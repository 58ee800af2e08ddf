import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from './field';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange'> & {
  label: ReactNode;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
};

/** A labelled one-line input whose value is the text typed; other attributes go to the input. */
export function TextField({ label, hint, value, onChange, ...input }: Props): ReactNode {
  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <input {...control} {...input} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
