import Translate from '@docusaurus/Translate';
import type { AdminApi } from '@site/src/console/admin-api';
import type { Plan, RateLimits } from '@site/src/console/product-types';
import type { Environment } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import { environmentLabel } from '../app-labels';
import { ChoiceFieldset } from '../choice-fieldset';
import styles from '../console.module.css';
import { FormActions } from '../form-actions';
import { LIMIT_FIELDS } from '../limit-labels';
import { TextField } from '../text-field';
import { CatalogueProblemAlert } from './catalogue-problem-alert';

const ENVIRONMENTS: Environment[] = ['sandbox', 'production'];
type Limit = keyof RateLimits;

const CREATE_CONFLICT = (
  <Translate id="console.plan.createConflict">
    已有相同代码的套餐。请换一个套餐代码，或编辑已有的套餐。
  </Translate>
);
const UPDATE_CONFLICT = (
  <Translate id="console.plan.updateConflict">已有订阅使用这个套餐，不能修改它的环境。</Translate>
);

interface Props {
  admin: AdminApi;
  /** The plan to edit; none: a new one. */
  plan?: Plan;
  onSaved: () => Promise<void>;
  onClose?: () => void;
}

/** Creates a plan or edits one; new limits apply to its subscriptions within a second. */
export function PlanForm({ admin, plan, onSaved, onClose }: Props): ReactNode {
  const [code, setCode] = useState(plan?.code ?? '');
  const [name, setName] = useState(plan?.name ?? '');
  const [nameEn, setNameEn] = useState(plan?.nameEn ?? '');
  const [environment, setEnvironment] = useState<Environment>(plan?.environment ?? 'production');
  const [limits, setLimits] = useState<Record<Limit, string>>({
    ratePerSecond: String(plan?.ratePerSecond ?? ''),
    ratePerMinute: String(plan?.ratePerMinute ?? ''),
    monthlyQuota: String(plan?.monthlyQuota ?? ''),
  });
  const [requiresApproval, setRequiresApproval] = useState(plan?.requiresApproval ?? true);
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      environment,
      requiresApproval,
      ratePerSecond: Number(limits.ratePerSecond),
      ratePerMinute: Number(limits.ratePerMinute),
      monthlyQuota: Number(limits.monthlyQuota),
    };
    const outcome = await run(() =>
      plan ? admin.updatePlan(plan.code, fields) : admin.createPlan({ ...fields, code: code.trim() }),
    );
    if (!outcome.ok) return;
    if (!plan) {
      for (const reset of [setCode, setName, setNameEn]) reset('');
      setLimits({ ratePerSecond: '', ratePerMinute: '', monthlyQuota: '' });
    }
    await onSaved();
    onClose?.();
  }

  return (
    <form className={styles.form} data-testid={plan ? 'edit-plan' : 'create-plan'} onSubmit={submit}>
      {problem && (
        <CatalogueProblemAlert problem={problem} conflict={plan ? UPDATE_CONFLICT : CREATE_CONFLICT} />
      )}
      {!plan && (
        <TextField
          label={<Translate id="console.plan.code">套餐代码</Translate>}
          hint={
            <Translate id="console.plan.codeHint">
              小写字母、数字和连字符，例如 government；创建后不能修改。
            </Translate>
          }
          name="code"
          required
          pattern="[a-z][a-z0-9\-]{1,39}"
          maxLength={40}
          value={code}
          onChange={setCode}
        />
      )}
      <TextField
        label={<Translate id="console.plan.name">名称（中文）</Translate>}
        name="name"
        required
        maxLength={60}
        value={name}
        onChange={setName}
      />
      <TextField
        label={<Translate id="console.plan.nameEn">名称（英文）</Translate>}
        name="nameEn"
        required
        maxLength={100}
        value={nameEn}
        onChange={setNameEn}
      />
      <ChoiceFieldset
        legend={<Translate id="console.app.environment">环境</Translate>}
        type="radio"
        name={plan ? `environment-${plan.code}` : 'environment'}
        options={ENVIRONMENTS}
        label={environmentLabel}
        isChecked={(value) => value === environment}
        onChange={(value) => setEnvironment(value)}
      />
      {LIMIT_FIELDS.map(([key, label, min]) => (
        <TextField
          key={key}
          label={label()}
          name={key}
          type="number"
          required
          min={min}
          step={1}
          inputMode="numeric"
          value={limits[key]}
          onChange={(value) => setLimits((current) => ({ ...current, [key]: value }))}
        />
      ))}
      <label className={styles.choice}>
        <input
          type="checkbox"
          name="requiresApproval"
          checked={requiresApproval}
          onChange={(e) => setRequiresApproval(e.target.checked)}
        />
        <Translate id="console.plan.requiresApproval">订阅需管理员审核（即使是公开数据产品）</Translate>
      </label>
      <FormActions
        submitLabel={
          plan ? (
            <Translate id="console.admin.save">保存修改</Translate>
          ) : (
            <Translate id="console.plan.create">创建套餐</Translate>
          )
        }
        disabled={busy}
        onCancel={onClose}
      />
    </form>
  );
}
