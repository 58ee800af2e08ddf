import { useHistory } from '@docusaurus/router';
import Translate, { translate } from '@docusaurus/Translate';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type { ConsoleApi } from '@site/src/console/console-api';
import type { App } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import type { ReactNode } from 'react';
import styles from './console.module.css';
import { ProblemAlert } from './problem-alert';

/** Deleting an app ends everything it holds, so it asks first and then returns to the overview. */
export function DeleteAppSection({ api, app }: { api: ConsoleApi; app: App }): ReactNode {
  const history = useHistory();
  const overview = useBaseUrl('/console');
  const { busy, problem, run } = useAction();

  async function remove() {
    const question = translate(
      { id: 'console.delete.confirm', message: '删除应用 {name}？此操作不可撤销。' },
      { name: app.name },
    );
    if (!window.confirm(question)) return;
    if ((await run(() => api.deleteApp(app.id))).ok) history.push(overview);
  }

  return (
    <section className={styles.section} aria-labelledby="delete-app">
      <h2 id="delete-app">
        <Translate id="console.delete.title">删除应用</Translate>
      </h2>
      {problem && <ProblemAlert problem={problem} />}
      <p>
        <Translate id="console.delete.lead">
          删除后，应用的客户端密钥、API Key、市民授权和刷新令牌一并删除，已签发的访问令牌在几秒内失效。
        </Translate>
      </p>
      <button
        type="button"
        className="button button--danger"
        data-testid="delete-app"
        disabled={busy}
        onClick={remove}
      >
        <Translate id="console.delete.button">删除应用</Translate>
      </button>
    </section>
  );
}
