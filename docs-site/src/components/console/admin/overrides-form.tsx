import Translate, { translate } from '@docusaurus/Translate';
import type { AdminApi } from '@site/src/console/admin-api';
import type { Plan, RateLimitOverrides, RateLimits, Subscription } from '@site/src/console/product-types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import styles from '../console.module.css';
import { Field } from '../field';
import { FormActions } from '../form-actions';
import { LIMIT_FIELDS } from '../limit-labels';
import { ProblemAlert } from '../problem-alert';
import { TextField } from '../text-field';
import { useLocalName } from '../use-local-name';

type Limit = keyof RateLimits;

interface Props {
  admin: AdminApi;
  subscription: Subscription;
  /** Every plan: the subscription may move to another of its environment. */
  plans: Plan[] | undefined;
  onSaved: () => Promise<void>;
  onClose: () => void;
}

/**
 * One subscription's plan, and limits in place of its plan's; a limit left empty takes the plan's
 * value.
 */
export function OverridesForm({ admin, subscription, plans = [], onSaved, onClose }: Props): ReactNode {
  const current = plans.find((p) => p.code === subscription.plan);
  const [planCode, setPlanCode] = useState(subscription.plan);
  const plan = plans.find((p) => p.code === planCode);
  const [values, setValues] = useState<Record<Limit, string>>(() => ({
    ratePerSecond: String(subscription.overrides?.ratePerSecond ?? ''),
    ratePerMinute: String(subscription.overrides?.ratePerMinute ?? ''),
    monthlyQuota: String(subscription.overrides?.monthlyQuota ?? ''),
  }));
  const [note, setNote] = useState('');
  const { busy, problem, run } = useAction();
  const localName = useLocalName();

  async function save(overrides: RateLimitOverrides | null) {
    const trimmed = note.trim();
    const outcome = await run(() =>
      admin.updateSubscription(subscription.id, {
        overrides,
        ...(planCode !== subscription.plan ? { plan: planCode } : {}),
        ...(trimmed ? { note: trimmed } : {}),
      }),
    );
    if (outcome.ok) {
      await onSaved();
      onClose();
    }
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const set = LIMIT_FIELDS.map(([key]) => [key, values[key].trim()] as const).filter(
      ([, value]) => value !== '',
    );
    await save(set.length === 0 ? null : Object.fromEntries(set.map(([key, value]) => [key, Number(value)])));
  }

  return (
    <form className="card shadow--sm margin-vert--md" data-testid="overrides-form" onSubmit={submit}>
      <div className="card__header">
        <h3 className="margin-bottom--none">
          <Translate
            id="console.admin.overrides.title"
            values={{ app: subscription.appName, product: subscription.product }}
          >
            {'调整订阅：{app} · {product}'}
          </Translate>
        </h3>
      </div>
      <div className={`card__body ${styles.form}`}>
        {problem && <ProblemAlert problem={problem} />}
        <p className={styles.hint}>
          <Translate id="console.admin.overrides.hint">
            留空的项沿用套餐的值（显示为占位文字）；全部留空即清除单独调整。新限额在 1 秒内对所有实例生效。
          </Translate>
        </p>
        <Field label={<Translate id="console.subscription.plan">套餐</Translate>}>
          {(control) => (
            <select {...control} name="plan" value={planCode} onChange={(e) => setPlanCode(e.target.value)}>
              {/* Another plan of the app's environment only: the API refuses the others. */}
              {plans
                .filter((p) => p.code === subscription.plan || p.environment === current?.environment)
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {translate(
                      { id: 'console.admin.overrides.planOption', message: '{name}（{code}）' },
                      { name: localName(p), code: p.code },
                    )}
                  </option>
                ))}
            </select>
          )}
        </Field>
        {LIMIT_FIELDS.map(([key, label, min]) => (
          <TextField
            key={key}
            label={label()}
            name={key}
            type="number"
            min={min}
            step={1}
            inputMode="numeric"
            placeholder={plan ? String(plan[key]) : undefined}
            value={values[key]}
            onChange={(value) => setValues((current) => ({ ...current, [key]: value }))}
          />
        ))}
        <TextField
          label={<Translate id="console.admin.overrides.note">备注（可选，写入审计日志）</Translate>}
          name="note"
          maxLength={500}
          value={note}
          onChange={setNote}
        />
        <FormActions
          submitLabel={<Translate id="console.admin.overrides.save">保存</Translate>}
          disabled={busy}
          onCancel={onClose}
        >
          {subscription.overrides && (
            <button
              type="button"
              className="button button--outline button--danger"
              disabled={busy}
              onClick={() => save(null)}
            >
              <Translate id="console.admin.overrides.clear">清除单独调整</Translate>
            </button>
          )}
        </FormActions>
      </div>
    </form>
  );
}
