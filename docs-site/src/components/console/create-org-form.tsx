import Translate, { translate } from '@docusaurus/Translate';
import { useAction } from '@site/src/console/use-action';
import type { Session } from '@site/src/console/use-session';
import { type FormEvent, type ReactNode, useState } from 'react';
import styles from './console.module.css';
import { FormActions } from './form-actions';
import { ProblemAlert } from './problem-alert';
import { TextField } from './text-field';

/** Creates a publisher organisation with the account as its owner. */
export function CreateOrgForm({ session }: { session: Session }): ReactNode {
  const [name, setName] = useState('');
  const [creditCode, setCreditCode] = useState('');
  const { busy, problem, run } = useAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = creditCode.trim().toUpperCase();
    const outcome = await run(() =>
      session.api.createOrg({ name: name.trim(), ...(code ? { creditCode: code } : {}) }),
    );
    // The organisations come with the account, so reading it again lists the new one.
    if (outcome.ok) await session.refresh();
  }

  return (
    <form
      className={styles.form}
      data-testid="create-org"
      onSubmit={submit}
      aria-label={translate({ id: 'console.org.create.label', message: '创建组织' })}
    >
      {problem && <ProblemAlert problem={problem} />}
      <TextField
        label={<Translate id="console.org.create.name">组织名称</Translate>}
        hint={
          <Translate id="console.org.create.nameHint">
            企业或机构的全称，将作为应用发布者展示给市民。
          </Translate>
        }
        name="name"
        required
        minLength={2}
        maxLength={100}
        value={name}
        onChange={setName}
      />
      <TextField
        label={<Translate id="console.org.create.creditCode">统一社会信用代码（可选）</Translate>}
        hint={<Translate id="console.org.create.creditCodeHint">18 位，按 GB 32100 校验位检查。</Translate>}
        name="creditCode"
        pattern="[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}"
        maxLength={18}
        autoComplete="off"
        spellCheck={false}
        value={creditCode}
        onChange={setCreditCode}
      />
      <FormActions
        submitLabel={<Translate id="console.org.create.submit">创建组织</Translate>}
        disabled={busy}
      />
    </form>
  );
}
