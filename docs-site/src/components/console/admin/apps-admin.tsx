import Translate, { translate } from '@docusaurus/Translate';
import type { AdminApp, CredentialRevocation } from '@site/src/console/admin-types';
import type { AppStatus } from '@site/src/console/types';
import { useAction } from '@site/src/console/use-action';
import { usePaged } from '@site/src/console/use-paged';
import type { Session } from '@site/src/console/use-session';
import { type ReactNode, useCallback, useState } from 'react';
import { statusLabel } from '../app-labels';
import styles from '../console.module.css';
import { Loading } from '../loading';
import { ProblemAlert } from '../problem-alert';
import { TextField } from '../text-field';
import { AdminAppActions } from './admin-app-actions';
import { AdminAppTable } from './admin-app-table';
import { AdminProblemAlert } from './admin-problem-alert';
import { LoadMoreButton } from './load-more-button';
import { StatusFilter } from './status-filter';

const STATUSES: AppStatus[] = ['pending_approval', 'active', 'suspended'];

/** Apps of every organisation: approve, suspend, unsuspend, revoke all their credentials. */
export function AppsAdmin({ session }: { session: Session }): ReactNode {
  const { admin } = session;
  const [status, setStatus] = useState<AppStatus>();
  const apps = usePaged(
    useCallback((cursor?: string) => admin.listApps({ status, cursor }), [admin, status]),
  );
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<ReactNode>();
  const { busy, problem, run } = useAction();

  async function changeStatus(app: AdminApp, next: 'active' | 'suspended') {
    setDone(undefined);
    const why = reason.trim();
    const outcome = await run(() =>
      admin.updateApp(app.id, { status: next, ...(why ? { reason: why } : {}) }),
    );
    if (!outcome.ok) return;
    setReason('');
    setDone(
      <Translate
        id="console.admin.apps.statusChanged"
        values={{ name: app.name, status: statusLabel(outcome.value.status) }}
      >
        {'{name}：{status}'}
      </Translate>,
    );
    await apps.reload();
  }

  async function revoke(app: AdminApp) {
    setDone(undefined);
    const question = translate(
      {
        id: 'console.admin.apps.revokeConfirm',
        message:
          '吊销应用 {name} 的全部客户端密钥、API Key 和刷新令牌？它的访问令牌将在几秒内失效，开发者需在控制台重新创建凭证。',
      },
      { name: app.name },
    );
    if (!window.confirm(question)) return;
    const outcome = await run(() => admin.revokeCredentials(app.id));
    if (outcome.ok) setDone(revoked(app, outcome.value));
  }

  return (
    <>
      <div className={styles.inline}>
        <StatusFilter statuses={STATUSES} label={statusLabel} value={status} onChange={setStatus} />
        <TextField
          label={<Translate id="console.admin.apps.reason">操作原因（写入审计日志）</Translate>}
          name="reason"
          maxLength={500}
          placeholder={translate({
            id: 'console.admin.apps.reasonPlaceholder',
            message: '例如：异常高频调用',
          })}
          value={reason}
          onChange={setReason}
        />
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {done && (
        <div className="alert alert--success margin-bottom--md" role="status" data-testid="admin-app-done">
          {done}
        </div>
      )}
      {apps.problem && <AdminProblemAlert problem={apps.problem} />}
      {apps.items ? (
        apps.items.length === 0 ? (
          <p>
            <Translate id="console.admin.apps.none">没有符合条件的应用。</Translate>
          </p>
        ) : (
          <AdminAppTable
            apps={apps.items}
            actions={(app) => (
              <AdminAppActions app={app} busy={busy} onStatus={changeStatus} onRevoke={revoke} />
            )}
          />
        )
      ) : (
        !apps.problem && <Loading />
      )}
      <LoadMoreButton hasMore={apps.hasMore} busy={apps.loadingMore} onClick={apps.more} />
    </>
  );
}

function revoked(app: AdminApp, counts: CredentialRevocation): ReactNode {
  return (
    <Translate
      id="console.admin.apps.revoked"
      values={{
        name: app.name,
        secrets: counts.revokedClientSecrets,
        keys: counts.revokedApiKeys,
        tokens: counts.revokedRefreshTokens,
      }}
    >
      {'已吊销 {name} 的凭证：客户端密钥 {secrets} 个、API Key {keys} 个、刷新令牌 {tokens} 个。'}
    </Translate>
  );
}
