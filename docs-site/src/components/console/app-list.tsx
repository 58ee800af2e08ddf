import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import type { ConsoleApi } from '@site/src/console/console-api';
import { useFormatDate } from '@site/src/console/use-format-date';
import { useResource } from '@site/src/console/use-resource';
import type { ReactNode } from 'react';
import { environmentLabel } from './app-labels';
import { AppStatusBadge } from './app-status-badge';
import styles from './console.module.css';
import { ProblemAlert } from './problem-alert';

/** Every app of the account's organisations, each linking to its page. */
export function AppList({ api }: { api: ConsoleApi }): ReactNode {
  const apps = useResource(api.listApps);
  const formatDate = useFormatDate();
  if (apps.problem) return <ProblemAlert problem={apps.problem} />;
  if (!apps.data) {
    return (
      <p role="status">
        <Translate id="console.loading">正在加载…</Translate>
      </p>
    );
  }
  return (
    <div className={styles.tableWrap} data-testid="app-list">
      {apps.data.length === 0 ? (
        <p>
          <Translate id="console.apps.empty">还没有应用。</Translate>
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>
                <Translate id="console.apps.name">应用</Translate>
              </th>
              <th>client_id</th>
              <th>
                <Translate id="console.apps.environment">环境</Translate>
              </th>
              <th>
                <Translate id="console.apps.status">状态</Translate>
              </th>
              <th>
                <Translate id="console.apps.createdAt">创建时间</Translate>
              </th>
            </tr>
          </thead>
          <tbody>
            {apps.data.map((app) => (
              <tr key={app.id}>
                <td>
                  <Link to={`/console/app?id=${encodeURIComponent(app.id)}`}>{app.name}</Link>
                </td>
                <td>
                  <code>{app.clientId}</code>
                </td>
                <td>{environmentLabel(app.environment)}</td>
                <td>
                  <AppStatusBadge status={app.status} />
                </td>
                <td>{formatDate(app.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
