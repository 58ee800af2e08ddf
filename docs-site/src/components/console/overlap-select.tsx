import Translate, { translate } from '@docusaurus/Translate';
import type { ReactNode } from 'react';
import { Field } from './field';

// Functions, not constants: each translate() call must stay literal for `write-translations`.
const OPTIONS: [seconds: number, label: () => string][] = [
  [0, () => translate({ id: 'console.overlap.none', message: '立即失效' })],
  [3600, () => translate({ id: 'console.overlap.hour', message: '1 小时' })],
  [86400, () => translate({ id: 'console.overlap.day', message: '1 天' })],
  [604800, () => translate({ id: 'console.overlap.week', message: '7 天' })],
  [2592000, () => translate({ id: 'console.overlap.month', message: '30 天' })],
];

/** How long the old secret or key keeps working after a rotation, so deployments can switch over. */
export function OverlapSelect({
  value,
  onChange,
}: {
  value: number;
  onChange: (seconds: number) => void;
}): ReactNode {
  return (
    <Field label={<Translate id="console.overlap.label">轮换后旧凭证的过渡期</Translate>}>
      {(control) => (
        <select
          {...control}
          name="overlapSeconds"
          value={value}
          onChange={(e) => onChange(Number(e.target.value))}
        >
          {OPTIONS.map(([seconds, label]) => (
            <option key={seconds} value={seconds}>
              {label()}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A day: time enough to roll a deployment, short enough to retire a leaked credential soon. */
export const DEFAULT_OVERLAP_SECONDS = 86400;
