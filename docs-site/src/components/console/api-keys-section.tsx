import Translate, { translate } from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { ApiKey } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiKeysTable } from './api-keys-table';
import styles from './console.module.css';
import { OneTimeSecret } from './one-time-secret';
import { DEFAULT_OVERLAP_SECONDS, OverlapSelect } from './overlap-select';
import { ProblemAlert } from './problem-alert';
import { TextField } from './text-field';

interface Props {
  api: ConsoleApi;
  appId: string;
  keys: ApiKey[];
  /** Called after a change, to list the credentials again. */
  onChange: () => Promise<void>;
}

/** API keys for public data: create, rotate with an overlap, revoke; each key is shown once. */
export function ApiKeysSection({ api, appId, keys, onChange }: Props): ReactNode {
  const [name, setName] = useState('');
  const [overlap, setOverlap] = useState(DEFAULT_OVERLAP_SECONDS);
  const [fresh, setFresh] = useState<string>();
  const { busy, problem, run } = useAction();

  /** Creating and rotating both hand out a key to show once; true if one came. */
  async function issued(work: () => Promise<{ key: string }>) {
    const outcome = await run(work);
    if (!outcome.ok) return false;
    setFresh(outcome.value.key);
    await onChange();
    return true;
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await issued(() => api.createApiKey(appId, name.trim()))) setName('');
  }

  async function rotate(key: ApiKey) {
    await issued(() => api.rotateApiKey(appId, key.id, overlap));
  }

  async function revoke(key: ApiKey) {
    const question = translate(
      {
        id: 'console.keys.revokeConfirm',
        message: '撤销 API Key {name}（{prefix}…）？使用它的请求将在几秒内开始失败。',
      },
      { name: key.name, prefix: key.prefix },
    );
    if (!window.confirm(question)) return;
    if ((await run(() => api.revokeApiKey(appId, key.id))).ok) await onChange();
  }

  return (
    <section className={styles.section} aria-labelledby="api-keys">
      <h2 id="api-keys">API Key</h2>
      <p>
        <Translate id="console.keys.lead">
          API Key 只能读取公开数据（服务目录和搜索），放在请求头 X-API-Key 中发送。沙箱应用的 Key 以 ixm_test_
          开头，生产应用的以 ixm_live_ 开头。
        </Translate>
      </p>
      {problem && <ProblemAlert problem={problem} />}
      {fresh && (
        <OneTimeSecret
          label={<Translate id="console.keys.new">新的 API Key</Translate>}
          value={fresh}
          testId="api-key"
          copyTestId="copy-api-key"
        />
      )}
      <form className={styles.inline} onSubmit={create} data-testid="create-api-key">
        <TextField
          label={<Translate id="console.keys.name">名称</Translate>}
          name="name"
          required
          maxLength={60}
          placeholder={translate({ id: 'console.keys.namePlaceholder', message: '例如：生产服务器' })}
          value={name}
          onChange={setName}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          <Translate id="console.keys.create">创建 API Key</Translate>
        </button>
      </form>
      {keys.length > 0 && (
        <>
          <div className={styles.inline}>
            <OverlapSelect value={overlap} onChange={setOverlap} />
          </div>
          <ApiKeysTable keys={keys} busy={busy} onRotate={rotate} onRevoke={revoke} />
        </>
      )}
    </section>
  );
}
