import Translate, { translate } from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { ClientSecret } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import styles from './console.module.css';
import { CredentialTable } from './credential-table';
import type { Column } from './data-table';
import { OneTimeSecret } from './one-time-secret';
import { DEFAULT_OVERLAP_SECONDS, OverlapSelect } from './overlap-select';
import { ProblemAlert } from './problem-alert';

const IDENTITY: Column<ClientSecret>[] = [
  {
    id: 'hint',
    header: <Translate id="console.secrets.hint">末尾字符</Translate>,
    cell: (secret) => <code>{secret.hint}</code>,
  },
];

interface Props {
  api: ConsoleApi;
  appId: string;
  secrets: ClientSecret[];
  /** Called after a change, to list the credentials again. */
  onChange: () => Promise<void>;
}

/** A confidential app's client secrets: rotate with an overlap, revoke, and see which still work. */
export function ClientSecretsSection({ api, appId, secrets, onChange }: Props): ReactNode {
  const [overlap, setOverlap] = useState(DEFAULT_OVERLAP_SECONDS);
  const [fresh, setFresh] = useState<string>();
  const { busy, problem, run } = useAction();

  async function rotate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const outcome = await run(() => api.rotateClientSecret(appId, overlap));
    if (!outcome.ok) return;
    setFresh(outcome.value.secret);
    await onChange();
  }

  async function revoke(secret: ClientSecret) {
    const question = translate(
      {
        id: 'console.secrets.revokeConfirm',
        message: '撤销以 {hint} 结尾的密钥？使用它换取令牌的请求将立即失败。',
      },
      { hint: secret.hint },
    );
    if (!window.confirm(question)) return;
    if ((await run(() => api.revokeClientSecret(appId, secret.id))).ok) await onChange();
  }

  return (
    <section className={styles.section} aria-labelledby="client-secrets">
      <h2 id="client-secrets">
        <Translate id="console.secrets.title">客户端密钥</Translate>
      </h2>
      <p>
        <Translate id="console.secrets.lead">
          服务端用 client_id
          和客户端密钥换取访问令牌（客户端凭证模式或授权码模式）。轮换会签发新密钥，现有密钥在所选过渡期内继续有效，便于各实例平滑切换。
        </Translate>
      </p>
      {problem && <ProblemAlert problem={problem} />}
      {fresh && (
        <OneTimeSecret
          label={<Translate id="console.secrets.new">新的客户端密钥</Translate>}
          value={fresh}
          testId="client-secret"
          copyTestId="copy-secret"
        />
      )}
      <form className={styles.inline} onSubmit={rotate} data-testid="rotate-secret">
        <OverlapSelect value={overlap} onChange={setOverlap} />
        <button type="submit" className="button button--primary" disabled={busy}>
          <Translate id="console.secrets.rotate">轮换密钥</Translate>
        </button>
      </form>
      <CredentialTable
        testId="client-secrets"
        credentials={secrets}
        identity={IDENTITY}
        busy={busy}
        onRevoke={revoke}
      />
    </section>
  );
}
